"""Recognizers: one detector per module, found automatically by `registry.discover()`."""
