"""How policies name PI types and SDKs (data/privacy_policy/terms.yaml), compiled into term matchers.

Chinese terms match as substrings; terms in Latin script match whole words, case-insensitively, so
"IMEI号" names IMEI but "metadata" does not name Meta; SDK names of three letters or fewer (MTA, GDT,
HMS) keep their case. Matching is linear in the text (`yinsi.privacy_policy._terms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from yinsi.apps.knowledge import KnowledgeBase, TrackerSignature, default_knowledge
from yinsi.core.errors import ConfigurationError
from yinsi.privacy_policy._terms import TermMatcher

_SENSITIVE = "sensitive"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Term matchers for PI types and SDKs (tracker ids), and the sensitive-PI markers."""

    pi_order: tuple[str, ...]  # PI types in knowledge-base order
    pi_terms: TermMatcher
    sdk_terms: TermMatcher
    sdk_names: dict[str, tuple[str, ...]]  # the names each SDK is matched by
    markers: TermMatcher
    version: str

    def pi_types_in(self, text: str) -> tuple[str, ...]:
        """PI types `text` names, in knowledge-base order."""
        found = self.pi_terms.keys_in(text)
        return tuple(pi for pi in self.pi_order if pi in found) if found else ()

    def names_tracker(self, tracker_id: str, text: str) -> bool:
        return tracker_id in self.sdk_terms.keys_in(text)

    def names_any_sdk(self, text: str) -> bool:
        return bool(self.sdk_terms.keys_in(text))

    def marks_sensitive(self, text: str) -> bool:
        """The text says some information is sensitive (敏感个人信息, "in bold", …)."""
        return bool(self.markers.keys_in(text))


def _sdk_names(tracker: TrackerSignature, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return aliases or tuple(name for name in (tracker.name, tracker.name_zh) if name)


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
    pi_pairs: list[tuple[str, str]] = []
    for pi in knowledge.pi_types:
        entry = terms.get(pi) or {}
        words = [str(word) for word in (*entry.get("zh", ()), *entry.get("en", ()))]
        if not words:
            raise ConfigurationError(f"{path.name}: PI type {pi!r} has no terms")
        pi_pairs.extend((word, pi) for word in words)
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
    markers = document.get("sensitive_markers") or {}
    marker_words = [str(word) for word in (*markers.get("zh", ()), *markers.get("en", ()))]
    return Vocabulary(
        pi_order=tuple(knowledge.pi_types),
        pi_terms=TermMatcher.build(pi_pairs),
        sdk_terms=TermMatcher.build(((name, tracker_id) for tracker_id, names in sdk_names.items()
                                     for name in names), keep_case_short=True),
        sdk_names=sdk_names,
        markers=TermMatcher.build((word, _SENSITIVE) for word in marker_words),
        version=str(document.get("version", "")))


@cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary, checked against the shipped knowledge base; loaded once (immutable)."""
    path = Path(str(files("yinsi") / "data" / "privacy_policy" / "terms.yaml"))
    return load_vocabulary(path, default_knowledge())
