"""机动车号牌号码 (GA 36-2018): mainland vehicle licence plates, incl. 8-character new-energy plates."""

from __future__ import annotations

import re

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# GA 36-2018 §5: a plate is the province abbreviation (省、自治区、直辖市简称), the letter of the issuing
# vehicle administration office (发牌机关代号, A-Z without I and O), then the serial number (序号).
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"
# People write a middle dot (as printed on the plate), a space or a dash after the office letter.
_SEPARATOR = "[·•・･ \\-]?"
# Serial forms:
#   new energy, small vehicles: D (battery electric) or F (other new energy) + letter or digit + 4 digits;
#   new energy, large vehicles: 5 digits + D or F;
#   ordinary: 5 letters or digits, at most 2 of them letters (checked by the validator);
#   special:  4 letters or digits + 学 (driving school), 警 (police), 港/澳 (Guangdong cross-border),
#             挂 (trailer) or 领 (consulate).
# The 6-character new-energy serials come first so that the 5-character form never cuts one short.
_SERIAL = (
    f"(?:[DF][{_LETTER}\\d]\\d{{4}}|\\d{{5}}[DF]|[{_LETTER}\\d]{{5}}|[{_LETTER}\\d]{{4}}[学警港澳挂领])"
)
_PLATE = f"[{_PROVINCES}][{_LETTER}]{_SEPARATOR}{_SERIAL}"
_MAX_SERIAL_LETTERS = 2
_SERIAL_RE = re.compile(f"[{_LETTER}]")


def is_valid_license_plate(value: str) -> bool:
    """True when the serial of a plate matched by the pattern has at most two letters (GA 36-2018 §5.3).

    New-energy serials have their own fixed letter positions and are always accepted.
    """
    serial = value[2:].lstrip("·•・･ -")
    if len(serial) == 6:
        return True
    return len(_SERIAL_RE.findall(serial)) <= _MAX_SERIAL_LETTERS


class CnLicensePlateRecognizer(PatternRecognizer):
    """机动车号牌 (GA 36-2018 中华人民共和国机动车号牌).

    Finds `京A12345`, `京A·12345`, `粤B-D12345` (new energy), `沪A1234学`. Plates carry no check digit,
    but the province character, office letter and serial shape are specific, so a bare match scores
    moderately and a label (车牌, cph, plate) raises it.
    """

    entity_type = "CN_LICENSE_PLATE"
    patterns = (Pattern("plate", _PLATE, 0.55),)
    context = (
        "车牌", "车牌号", "车牌号码", "号牌", "号牌号码", "车号", "牌照", "车辆", "机动车", "车主", "cph",
        "hphm", "plate", "plate_no", "license plate", "licence plate", "vehicle",
    )
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    context_boost = 0.35
    examples = Examples(
        positive=(
            "车牌号：京A12345",
            "粤B·D12345新能源",
            "沪A 1234学",
            "plate: 苏E-12345F",
        ),
        negative=(
            "京I12345",  # I is not an office letter
            "京A123",  # too short
            "京A1234567",  # inside a longer run
            "京ABCD12",  # four letters in the serial
        ),
    )

    def validate(self, value: str) -> bool | None:
        return None if is_valid_license_plate(value) else False
