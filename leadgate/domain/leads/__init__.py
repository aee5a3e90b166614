"""Leads, one package for every caller: intake (add_lead), updates (update_lead,
batch_update_lead), search (the look-ups), duplicates and custom fields."""
