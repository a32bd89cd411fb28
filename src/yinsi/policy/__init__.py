"""Policies: which operator, with which parameters, applies to each entity type."""
