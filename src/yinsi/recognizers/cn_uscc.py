"""统一社会信用代码 (GB 32100-2015): 18-character codes of companies and other organisations."""

from __future__ import annotations

from functools import lru_cache

from stdnum.cn import uscc

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE, RESIDENT_ID_LABELS
from yinsi.recognizers.base import Examples, Pattern
from yinsi.recognizers.cn_resident_id import PROVINCE_CODES

# GB 32100-2015 §4.1 and later allocations: 登记管理部门代码 1 机构编制, 2 外交, 3 司法行政, 4 文化,
# 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
_AUTHORITIES = frozenset("123456789ANY")
# Region codes are GB/T 2260 county codes; central-level registrations use 100000.
_REGION_PREFIXES = PROVINCE_CODES | {"10"}
# GB 11714-1997 组织机构代码 weights for the eight body characters; the ninth is the check character.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def organization_code_check(body: str) -> str:
    """The GB 11714-1997 check character of an 8-character organisation code body (MOD 11)."""
    total = sum(int(char, 36) * weight for char, weight in zip(body, _ORG_WEIGHTS, strict=True))
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


@lru_cache(maxsize=65536)
def is_valid_uscc(value: str) -> bool | None:
    """True when both check characters hold: GB 32100 (MOD 31, last char) and GB 11714 (chars 9–17).

    A code whose GB 32100 check holds but whose embedded organisation code does not is still a
    plausible code (the second check is a convention of the issuing system, not of GB 32100): None.
    """
    if value[0] not in _AUTHORITIES or value[2:4] not in _REGION_PREFIXES or not uscc.is_valid(value):
        return False
    return True if organization_code_check(value[8:16]) == value[16] else None


class CnUsccRecognizer(FieldContextRecognizer):
    """统一社会信用代码 (GB 32100-2015, check character MOD 31; embedded GB 11714-1997 organisation code).

    Structure: registration authority, entity category, 6-digit GB/T 2260 region, 9-character
    organisation code (with its own MOD 11 check), and a check character from the 31-character alphabet
    without I, O, S, V, Z. Not personal information by itself, but found so that it is not mistaken for
    a resident ID (both are 18 characters) and so individual businesses (个体工商户) can be reviewed.
    """

    entity_type = "CN_USCC"
    # An all-digit code passes the MOD 31 check for about one 18-digit number in 31, so cache keys and
    # order numbers in logs would pass too: the all-digit form is reported only next to a label.
    patterns = (
        Pattern(
            "uscc",
            r"[1-9ANY][1-9]\d{6}(?=[0-9A-HJ-NPQRTUWXY]{0,9}[A-HJ-NPQRTUWXY])[0-9A-HJ-NPQRTUWXY]{10}",
            0.5,
        ),
        Pattern("uscc_digits", r"[1-9]\d{17}", 0.5, requires_context=True),
    )
    context = (
        "统一社会信用代码", "社会信用代码", "信用代码", "纳税人识别号", "税号", "营业执照", "注册号",
        "企业代码", "tyshxydm", "shxydm", "uscc", "credit code", "tax id", "taxid", "tax_no",
        "business license",
    )
    # Resident-ID and card labels: an 18-digit ID or card may pass GB 32100's check by chance.
    negative_context = (*NUMBER_NEGATIVE, *RESIDENT_ID_LABELS, "卡号", "银行卡", "卡")
    boundary = "alnum"
    validated_score = 0.85
    context_boost = 0.15
    examples = Examples(
        positive=(
            "统一社会信用代码：91110000600037341L",
            "纳税人识别号91310115MA1H7GKQ6Y，开票",
            '{"uscc": "91110108MA01C2L10T"}',
        ),
        negative=(
            "91110000600037341K",  # wrong check character
            "ID91110000600037341L",  # glued to letters
            "B1110000600037341L",  # unknown registration authority
            "key=order:911100006000373451",  # valid, but all digits and unlabelled: a business key
        ),
    )

    def validate(self, value: str) -> bool | None:
        return is_valid_uscc(value)
