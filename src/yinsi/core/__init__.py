"""Core types shared by every stage: findings, locations, the entity catalogue, errors, settings."""
