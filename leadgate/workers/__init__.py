"""Background workers: thin loops that run domain operations in units of work."""
