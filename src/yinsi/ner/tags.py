"""BIO tags: turning labelled spans into per-character tags for training, and tags back into spans."""

from __future__ import annotations

TAG_OUTSIDE = "O"

# Tagger labels: PER person, LOC place name, ORG organisation, ADR whole postal address.
LABELS = ("PER", "LOC", "ORG", "ADR")


def bio_tags(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """Per-character B-/I- tags for non-overlapping (start, end, label) spans; the rest is O."""
    tags = [TAG_OUTSIDE] * length
    for start, end, label in spans:
        if start >= end or end > length:
            continue
        tags[start] = "B-" + label
        for index in range(start + 1, end):
            tags[index] = "I-" + label
    return tags


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans from BIO tags; an I- without its B- starts a span (lenient decoding)."""
    spans: list[tuple[int, int, str]] = []
    if tags.count(TAG_OUTSIDE) == len(tags):  # most windows of business text hold no entity
        return spans
    start = -1
    label = ""
    for index, tag in enumerate(tags):
        if tag == TAG_OUTSIDE or tag.startswith("B-") or tag[2:] != label:
            if start >= 0:
                spans.append((start, index, label))
                start, label = -1, ""
            if tag != TAG_OUTSIDE:
                start, label = index, tag[2:]
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans
