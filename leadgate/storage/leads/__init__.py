"""The SQL of leads: intake (insert, duplicate probes, custom tables), updates, search."""
