"""De-identification operators, one per module, found automatically (see registry.py)."""
