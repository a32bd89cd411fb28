"""中华人民共和国护照号码 (PRC passport numbers, and ICAO 9303 machine-readable zone line 2)."""

from __future__ import annotations

import re

from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# Number series, as printed on the data page and announced by the Exit and Entry Administration
# (国家移民管理局) when they were introduced:
#   G + 8 digits   ordinary passport, 2000-2012 series (still in circulation until expiry);
#   E + 8 digits   ordinary electronic passport, since 2012-05-15;
#   E + letter + 7 digits   the E series after its 8-digit range ran out. I and O are not accepted as
#                  the letter: they read as 1 and 0, so they are likelier a misread digit than a series;
#   D / S / P (+ E for the electronic booklets) + 7 digits   diplomatic, service and public-affairs
#                  (公务普通) passports; these shapes are common in part numbers, so they need a label.
_LETTER = "[A-HJ-NP-Z]"

# ICAO Doc 9303 part 4, TD3 line 2 (44 characters): document number (9) + check, nationality (3),
# birth date YYMMDD + check, sex, expiry YYMMDD + check, optional data (14) + check, composite check.
# Only lines of ordinary passports with nationality CHN are looked for, as an optional tail after the
# number, so that one scan finds both forms.
_MRZ_TAIL = r"\dCHN\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[0-9<]\d"
_MRZ_LENGTH = 44


def _mrz_value(character: str) -> int:
    if character.isdigit():
        return int(character)
    if character == "<":
        return 0
    return ord(character) - ord("A") + 10


def mrz_check_digit(field: str) -> int:
    """ICAO 9303 part 3 §4.9 check digit: weights 7, 3, 1 repeating, sum modulo 10 ('<' counts 0)."""
    weights = (7, 3, 1)
    return sum(_mrz_value(character) * weights[index % 3] for index, character in enumerate(field)) % 10


def is_valid_mrz_line2(line: str) -> bool:
    """True when all five check digits of a TD3 (passport) MRZ line 2 are correct."""
    if len(line) != _MRZ_LENGTH:
        return False

    def digit_ok(field: str, check: str) -> bool:
        # A personal-number field that is all filler may carry '<' instead of 0 as its check digit.
        if check == "<":
            return set(field) == {"<"}
        return check.isdigit() and mrz_check_digit(field) == int(check)

    return (
        digit_ok(line[0:9], line[9])
        and digit_ok(line[13:19], line[19])
        and digit_ok(line[21:27], line[27])
        and digit_ok(line[28:42], line[42])
        and digit_ok(line[0:10] + line[13:20] + line[21:43], line[43])
    )


def is_valid_cn_passport_number(value: str) -> bool:
    """True when `value` has the shape of one of the PRC passport series above."""
    return _NUMBER.fullmatch(value) is not None


_NUMBER = re.compile(rf"[EG]\d{{8}}|E{_LETTER}\d{{7}}|[DSP]E?\d{{7}}")


class CnPassportRecognizer(PatternRecognizer):
    """护照号码 (中华人民共和国护照法; ICAO Doc 9303 MRZ check digits).

    Passport numbers carry no check digit of their own, so a bare `E12345678` is only moderately
    likely; a label (护照, passport, hzhm) makes it likely. A full MRZ line of a Chinese passport whose
    five check digits pass is reported as a whole, with a high score: it encodes the number, birth date,
    sex and expiry together.
    """

    entity_type = "CN_PASSPORT"
    patterns = (
        # One pattern per series letter: a regex that starts with a literal is scanned for that character
        # by a fast loop, one that starts with a class ([EG]) by a per-character check about 30x slower.
        Pattern("ordinary", rf"E[A-HJ-NP-Z\d]\d{{7}}(?:{_MRZ_TAIL})?", 0.5),
        Pattern("ordinary", rf"G\d{{8}}(?:{_MRZ_TAIL})?", 0.5),
        *(Pattern("official", rf"{letter}E?\d{{7}}", 0.5, requires_context=True) for letter in "DSP"),
    )
    context = (
        "护照", "护照号", "护照号码", "普通护照", "外交护照", "公务护照", "证件号", "证件号码", "旅行证件",
        "passport", "passport_no", "passportno", "passport no", "passport number", "hzhm", "hzh",
    )
    negative_context = NUMBER_NEGATIVE
    boundary = "alnum"
    validated_score = 0.95
    context_boost = 0.4
    examples = Examples(
        positive=(
            "护照号码：E12345678",
            "passport no. EA1234567, expires 2030",
            "旧护照G12345678已注销",
            "外交护照 DE1234567",
            "E123456782CHN9001011M3001019NGKELNPMMBPFA902",
        ),
        negative=(
            "型号 P1234567",  # official-passport shape without a label
            "E1234567890",  # too long
            "EI1234567",  # I is not used in the series letter
            "E123456783CHN9001011M3001019NGKELNPMMBPFA902",  # MRZ with a wrong check digit
        ),
    )

    def validate(self, value: str) -> bool | None:
        if len(value) == _MRZ_LENGTH:
            return is_valid_mrz_line2(value)
        return None if is_valid_cn_passport_number(value) else False
