"""How policies name PI types and SDKs (data/privacy_policy/terms.yaml), compiled into matchers.

Chinese terms match as substrings; terms written in Latin letters match only between non-alphanumerics,
so "IMEI号" names IMEI but "metadata" does not name Meta. PI-type terms ignore case; SDK names of three
letters or fewer (MTA, GDT, HMS) keep it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from yinsi.apps.knowledge import KnowledgeBase, TrackerSignature, default_knowledge
from yinsi.core.errors import ConfigurationError


def _pattern(terms: tuple[str, ...], *, ignore_case: bool) -> re.Pattern[str]:
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        escaped = re.escape(term).replace(r"\ ", r"\s*")
        if re.search(r"[A-Za-z0-9]", term[:1]) or re.search(r"[A-Za-z0-9]", term[-1:]):
            escaped = rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])"
        parts.append(escaped)
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Compiled matchers: one per PI type, one per tracker id, and the sensitive-PI markers."""

    pi_patterns: dict[str, re.Pattern[str]]
    sdk_patterns: dict[str, re.Pattern[str]]
    sdk_names: dict[str, tuple[str, ...]]  # the names each SDK pattern matches
    sensitive_marker: re.Pattern[str]
    version: str

    def pi_types_in(self, text: str) -> tuple[str, ...]:
        """PI types `text` names, in vocabulary order."""
        return tuple(pi for pi, pattern in self.pi_patterns.items() if pattern.search(text))

    def names_tracker(self, tracker_id: str, text: str) -> bool:
        pattern = self.sdk_patterns.get(tracker_id)
        return bool(pattern and pattern.search(text))

    def names_any_sdk(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.sdk_patterns.values())


def _sdk_names(tracker: TrackerSignature, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return aliases or tuple(name for name in (tracker.name, tracker.name_zh) if name)


def _sdk_pattern(own: tuple[str, ...]) -> re.Pattern[str]:
    short = tuple(name for name in own if len(name) <= 3)
    long = tuple(name for name in own if len(name) > 3)
    return re.compile("|".join(f"(?:{p.pattern})" for p in (
        _pattern(long, ignore_case=True), _pattern(short, ignore_case=False))))


def load_vocabulary(path: Path, knowledge: KnowledgeBase) -> Vocabulary:
    """Read and check terms.yaml against the knowledge base (every PI type and tracker covered)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"{path.name}: cannot be read ({type(error).__name__})") from None
    terms = document.get("pi_terms") or {}
    unknown = set(terms) - set(knowledge.pi_types)
    if unknown:
        raise ConfigurationError(f"{path.name}: unknown PI types {sorted(unknown)}")
    pi_patterns = {}
    for pi in knowledge.pi_types:
        entry = terms.get(pi) or {}
        words = tuple(str(word) for word in (*entry.get("zh", ()), *entry.get("en", ())))
        if not words:
            raise ConfigurationError(f"{path.name}: PI type {pi!r} has no terms")
        pi_patterns[pi] = _pattern(words, ignore_case=True)
    aliases: dict[str, list[str]] = {}
    for index, group in enumerate(document.get("sdk_aliases") or ()):
        matched = [tracker.id for tracker in knowledge.trackers
                   if any(fnmatch(tracker.id, glob) for glob in group.get("trackers", ()))]
        if not matched or not group.get("names"):
            raise ConfigurationError(f"{path.name}: sdk_aliases[{index}] matches no tracker or has no names")
        for tracker_id in matched:
            aliases.setdefault(tracker_id, []).extend(str(name) for name in group["names"])
    sdk_names = {tracker.id: _sdk_names(tracker, tuple(aliases.get(tracker.id, ())))
                 for tracker in knowledge.trackers}
    sdk_patterns = {tracker_id: _sdk_pattern(names) for tracker_id, names in sdk_names.items()}
    markers = document.get("sensitive_markers") or {}
    marker = _pattern(tuple(str(word) for word in (*markers.get("zh", ()), *markers.get("en", ()))),
                      ignore_case=True)
    return Vocabulary(pi_patterns, sdk_patterns, sdk_names, marker, str(document.get("version", "")))


@cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary, checked against the shipped knowledge base; loaded once (immutable)."""
    path = Path(str(files("yinsi") / "data" / "privacy_policy" / "terms.yaml"))
    return load_vocabulary(path, default_knowledge())
