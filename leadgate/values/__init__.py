"""Value rules shared by the domain and storage layers (below both; imports neither)."""
