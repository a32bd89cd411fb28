"""Rewrite files value by value (text, CSV/TSV, JSON Lines) so that only changed values differ."""
