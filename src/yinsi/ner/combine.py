"""Turn tagger spans and rule spans into scored entity spans (the policy of the name/address recognizer).

Scores say how sure we are that a span is the named personal information:
- a name the tagger found and a label or title confirms: 0.95; the tagger alone: 0.8; a label alone
  (no model, or the model disagreed): 0.85; a surname with a title the tagger missed (王先生): 0.75;
- a whole address with street-level parts (road, number, estate, building, room): 0.85, or 0.95 after
  an address label (0.9 when only the label rule found it); a place name alone is a LOCATION (not
  personal on its own), 0.4;
- organisations: 0.45 (reported so that 阿里巴巴 is not mistaken for a person; not personal).
LOCATION and ORGANIZATION stay below 0.5, the default `--min-score` of `yinsi scan`, so reports list
them only on request while `analyze()` returns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yinsi.ner import rules

PERSON_MODEL = 0.8
PERSON_CONFIRMED = 0.95
PERSON_LABEL_ONLY = 0.85
PERSON_TITLE_ONLY = 0.75
ADDRESS_STREET = 0.85
ADDRESS_LABELLED = 0.95
ADDRESS_LABEL_ONLY = 0.9
ADDRESS_PLACE_LABELLED = 0.6
LOCATION = 0.4
ORGANIZATION = 0.45

# Words the tagger is known to take for names in chat text; never names on their own.
NOT_NAMES = frozenset(
    ("周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "高兴", "马上", "平安", "向前", "明天",
     "白天", "张开", "黄金", "金额", "方便", "常规", "成功", "安全", "文件", "江湖", "于是", "万一",
     "扣扣")
)
_CJK = re.compile("[\u4e00-\u9fff]")
# A Chinese name never mixes in Latin letters or digits.
_MIXED = re.compile("[\u4e00-\u9fff][^\u4e00-\u9fff]*[A-Za-z0-9]|[A-Za-z0-9][^\u4e00-\u9fff]*[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Scored:
    """An entity span with its score and the evidence behind it."""

    start: int
    end: int
    entity_type: str
    score: float
    source: str


def combine(text: str, model: list[tuple[int, int, str]]) -> list[Scored]:
    """Merge tagger spans (`model`, may be empty) with rule evidence found in `text`."""
    model = _merge_place_chains(text, model)
    model = _widen_dotted_names(text, model)
    labelled_people = {(span.start, span.end): span for span in rules.labelled_people(text)}
    labelled_addresses = rules.labelled_addresses(text)
    out: list[Scored] = []
    person_spans: set[tuple[int, int]] = set()
    for start, end, label in model:
        start, end = trim_edges(text, start, end)
        if end <= start:
            continue
        if label == "PER":
            end = rules.complete_compound_surname(text, start, rules.strip_title(text, start, end))
            value = text[start:end]
            if value in NOT_NAMES or not (_CJK.search(value) or (start, end) in labelled_people):
                continue
            if _MIXED.search(value):  # 京H, 粤S·P: plates and codes, not names
                continue
            if (start, end) in labelled_people:
                out.append(Scored(start, end, "PERSON", PERSON_CONFIRMED, "crf+label"))
            elif rules.title_follows(text, end):
                out.append(Scored(start, end, "PERSON", PERSON_CONFIRMED, "crf+title"))
            else:
                out.append(Scored(start, end, "PERSON", PERSON_MODEL, "crf"))
            person_spans.add((start, end))
        elif label == "ADR" or label == "LOC":
            if label == "ADR":
                end = rules.extend_address(text, end)
                while end - start > 2 and text[start] in _NOT_ADDRESS_START:
                    start += 1
            around = [s for s in labelled_addresses if s.start <= start and end <= s.end]
            labelled = bool(around)
            street_level = label == "ADR" and rules.is_street_level(text, start, end)
            if not street_level and any(s.end - s.start > end - start for s in around):
                continue  # a place inside a labelled address: the label rule reports the whole address
            if street_level:
                out.append(Scored(start, end, "ADDRESS", ADDRESS_LABELLED if labelled else ADDRESS_STREET,
                                  "crf+label" if labelled else "crf"))
            elif labelled:
                out.append(Scored(start, end, "ADDRESS", ADDRESS_PLACE_LABELLED, "crf+label"))
            else:
                out.append(Scored(start, end, "LOCATION", LOCATION, "crf"))
        elif label == "ORG":
            out.append(Scored(start, end, "ORGANIZATION", ORGANIZATION, "crf"))
    for (start, end), span in labelled_people.items():
        if (start, end) not in person_spans and text[start:end] not in NOT_NAMES:
            out.append(Scored(start, end, "PERSON", PERSON_LABEL_ONLY, span.reason))
            person_spans.add((start, end))
    for span in rules.titled_surnames(text):
        if not any(start < span.end and span.start < end for start, end in person_spans):
            out.append(Scored(span.start, span.end, "PERSON", PERSON_TITLE_ONLY, span.reason))
    model_addresses = [(s.start, s.end) for s in out if s.entity_type == "ADDRESS"]
    for span in labelled_addresses:
        if any(start < span.end and span.start < end for start, end in model_addresses):
            continue  # the tagger's span, already scored as labelled, wins
        # A place name the tagger saw inside it (LOCATION, 0.4) loses to the whole address at overlap.
        end = rules.extend_address(text, span.end)
        out.append(Scored(span.start, end, "ADDRESS", ADDRESS_LABEL_ONLY, span.reason))
    return out


# Characters a tagger span may wrongly take in at its edges in mixed text: brackets, quotes and
# punctuation around a name in a changelog (`delete redundant code (陈刚)`), and spaces.
_EDGE = frozenset(" \t\u3000()[]{}<>（）【】《》〈〉「」『』\"'“”‘’,，.。:：;；!！?？、")
_PAIRS = dict(zip(")]}>）】》〉」』", "([{<（【《〈「『", strict=True))


def trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without punctuation at its edges, except a bracket closed or opened inside it
    (`阳光小区(东门)`, `（北京）科技有限公司` keep theirs)."""
    while start < end and text[start] in _EDGE:
        closing = next((close for close, opening in _PAIRS.items() if opening == text[start]), None)
        if closing is not None and text.find(closing, start + 1, end) != -1:
            break
        start += 1
    while end > start and text[end - 1] in _EDGE:
        opening = _PAIRS.get(text[end - 1])
        if opening is not None and text.find(opening, start, end - 1) != -1:
            break
        end -= 1
    return start, end


def _widen_dotted_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name with a middle dot is one name: widen a tagger PER span over the dotted parts."""
    if "·" not in text and "•" not in text and "・" not in text:
        return spans
    return [(*rules.widen_dotted_name(text, start, end), label) if label == "PER" else (start, end, label)
            for start, end, label in spans]


def _merge_place_chains(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join touching place and address pieces (湖北省 | 武汉市 | 珞喻路1037号) into one address span.

    A run of touching LOC/ADR pieces becomes one ADR when one of them is ADR; pure place runs stay as
    they are. A name-like piece glued to the front of an estate or road (阳光|小区3栋) joins it too.
    """
    runs: list[list[tuple[int, int, str]]] = []
    for start, end, label in sorted(spans):
        if runs:
            _, previous_end, previous_label = runs[-1][-1]
            gap = text[previous_end:start]
            touching = gap == "" or (gap.isspace() and len(gap) <= 2)
            # The tagger sometimes calls a division run before a road an organisation (牧野区 | 阜新路).
            previous_place = previous_label in ("LOC", "ADR") or (
                previous_label == "ORG" and label == "ADR" and text[previous_end - 1] in _DIVISION_ENDS
            )
            placeish = previous_place and label in ("LOC", "ADR")
            glued = label == "ADR" and gap == "" and text.startswith(_ESTATE_STARTS, start)
            if touching and (placeish or glued):
                runs[-1].append((start, end, label))
                continue
        runs.append([(start, end, label)])
    merged: list[tuple[int, int, str]] = []
    for run in runs:
        if len(run) > 1 and any(label == "ADR" for _, _, label in run):
            merged.append((run[0][0], run[-1][1], "ADR"))
        else:
            merged.extend(run)
    return merged


# Prepositions the tagger sometimes takes into an address (在6号楼, 寄到阳光小区).
_NOT_ADDRESS_START = frozenset("在于到往至的从")
_DIVISION_ENDS = frozenset("省市区县旗州盟镇乡")
# Estate and road words that cannot start an address on their own: what precedes them is its name.
_ESTATE_STARTS = (
    "小区", "花园", "公寓", "大厦", "家园", "新村", "苑", "路", "街", "大道", "巷", "广场", "村",
)
