"""Android app audit: facts extracted from an APK, a knowledge base, rules, and a score."""

from .extract import extract_facts
from .facts import AppFacts, Certificate, Component
from .limits import ExtractionLimits

__all__ = ["AppFacts", "Certificate", "Component", "ExtractionLimits", "extract_facts"]
