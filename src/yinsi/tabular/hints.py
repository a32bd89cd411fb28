"""Column-name hints: which entity type a column's name suggests (English, Chinese, pinyin initials).

The hint table is package data (`data/columns/hints.yaml`), loaded once per process; see that file
for the matching rules. A hint is evidence, not a verdict: `classify` combines it with what the
values show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.errors import ConfigurationError

_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS_RE = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


@dataclass(frozen=True, slots=True)
class NameHints:
    """The parsed hint table: normalised word → entity, exact name → entity, Chinese substrings."""

    words: dict[str, str]
    exact: dict[str, str]
    chinese: tuple[tuple[str, str], ...]
    not_person: frozenset[str] = frozenset()

    def entity_for(self, column: str) -> str | None:
        """The entity type `column`'s name suggests, or None. Exact names win, then the longest word
        or Chinese term found (`shipping_address_phone` ends in a phone word, so its last part wins
        ties: the head noun of an English compound comes last)."""
        normalized = normalize_name(column)
        if normalized in self.exact:
            return self.exact[normalized]
        if normalized in self.words:
            return self.words[normalized]
        # Candidates ranked by where they end, then by length: the head noun of a compound comes last
        # in English and Chinese alike (`shipping_address_phone`, 收货人手机号 are phone columns).
        found: list[tuple[int, int, str]] = []
        parts = normalized.split("_")
        offsets = [0]
        for part in parts:
            offsets.append(offsets[-1] + len(part) + 1)
        # Every run of consecutive parts: `id_card_no` holds `id_card` and `id_card_no`.
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                entity = self.words.get("_".join(parts[start:end]))
                if entity is not None:
                    found.append((offsets[end], offsets[end] - offsets[start], entity))
        folded = column.casefold()
        for term, entity in self.chinese:
            position = folded.rfind(term.casefold())
            if position >= 0:
                found.append((position + len(term), len(term), entity))
        if not found:
            return None
        entity = max(found)[2]
        if entity == "PERSON" and self._names_a_thing(parts, folded):
            return None
        return entity

    def _names_a_thing(self, parts: list[str], folded: str) -> bool:
        """`company_name`, 商户名称: a name, but of an organisation or an object, not of a person."""
        return any(part in self.not_person for part in parts) or any(
            term in folded for term in self.not_person if not term.isascii()
        )


def normalize_name(column: str) -> str:
    """`CustomerMobile-No` → `customer_mobile_no`: lower case, camelCase split, separators as `_`."""
    spaced = _CAMEL_RE.sub("_", column.strip())
    return _SEPARATORS_RE.sub("_", spaced.lower()).strip("_")


@cache
def default_hints() -> NameHints:
    """The shipped hint table (parsed once: it is immutable package data)."""
    import yaml

    text = resources.files("yinsi").joinpath("data/columns/hints.yaml").read_text(encoding="utf-8")
    return parse_hints(yaml.safe_load(text))


def parse_hints(data: Any) -> NameHints:
    """Validate a hint document (`hints: {ENTITY: {words, exact, chinese}}`) and index it."""
    if not isinstance(data, dict) or not isinstance(data.get("hints"), dict):
        raise ConfigurationError("column hints: the document must map 'hints' to entity types")
    words: dict[str, str] = {}
    exact: dict[str, str] = {}
    chinese: list[tuple[str, str]] = []
    for entity, spec in data["hints"].items():
        if entity not in ENTITY_TYPES:
            raise ConfigurationError(f"column hints: unknown entity type {entity!r}")
        if not isinstance(spec, dict):
            raise ConfigurationError(f"column hints: {entity} must map words/exact/chinese to lists")
        for word in spec.get("words", []):
            words.setdefault(normalize_name(str(word)), entity)
        for word in spec.get("exact", []):
            exact.setdefault(normalize_name(str(word)), entity)
        chinese.extend((str(term), entity) for term in spec.get("chinese", []))
    not_person = frozenset(str(word).casefold() for word in data.get("not_person", []))
    return NameHints(words, exact, tuple(chinese), not_person)
