"""Android app audit: facts extracted from an APK, a knowledge base, rules, and a score."""
