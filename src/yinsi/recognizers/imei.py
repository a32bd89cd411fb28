"""国际移动设备识别码 IMEI (3GPP TS 23.003 §6.2.1): 15-digit device identifiers with a Luhn check digit."""

from __future__ import annotations

from functools import lru_cache

from stdnum import imei

from yinsi.recognizers._field_context import FieldContextRecognizer
from yinsi.recognizers._hotwords import NUMBER_NEGATIVE
from yinsi.recognizers.base import Examples, Pattern, digits_only

# Reporting Body Identifiers: the first two digits of every type allocation code (TAC), assigned by
# GSMA (TS.06 "IMEI Allocation and Approval Process"): 01 PTCRB, 10 DECT, 30 Iridium, 33 DGPT,
# 35/44/98 BABT, 45 NTA, 49/50 BZT ETS, 51/52 Cetecom ICT, 53 TÜV, 54 Phoenix, 86 TAF (China),
# 91 MSAI (India), 99 GHA.
REPORTING_BODIES = frozenset("01 10 30 33 35 44 45 49 50 51 52 53 54 86 91 98 99".split())


@lru_cache(maxsize=65536)
def is_valid_imei(value: str) -> bool | None:
    """Luhn over 15 digits decides; a known reporting body makes it True, an unknown one None.

    Luhn alone passes one random number in ten, so a TAC from an unassigned reporting body is kept
    as "cannot confirm" (only context can lift it) rather than rejected.
    """
    digits = digits_only(value)
    if len(digits) != 15 or not imei.is_valid(digits):
        return False
    return True if digits[:2] in REPORTING_BODIES else None


class ImeiRecognizer(FieldContextRecognizer):
    """国际移动设备识别码 IMEI (3GPP TS 23.003 §6.2.1 TAC + serial + Luhn check digit; GSMA TS.06).

    Finds `352099001761481` and the grouped `35-209900-176148-1` (RBI-TAC-serial-check). A bare
    15-digit number that passes Luhn and starts with an assigned reporting body still gets only a
    modest score — many business numbers are 15 digits long — while IMEI, 设备号, 串号, device_id or
    imei= next to it make it a confident finding, and 订单号 / trace / ts= drop it.
    """

    entity_type = "IMEI"
    # One regex for both forms: each pattern is a pass over the whole text.
    patterns = (Pattern("imei", r"[013-9]\d(?:\d{13}|([ -])\d{6}\1\d{6}\1\d)", 0.2),)
    context = (
        "imei", "设备号", "设备标识", "设备识别码", "国际移动设备识别码", "串号", "手机串号", "终端号",
        "device_id", "deviceid", "device id", "device-id", "sbh",
    )
    negative_context = NUMBER_NEGATIVE
    column_context = True  # a bare IMEI scores below 0.5; an IMEI column vouches for it
    validated_score = 0.45
    context_boost = 0.45
    examples = Examples(
        positive=(
            "IMEI：352099001761481",
            "设备串号35-209900-176148-1已上报",
            '{"deviceId":"869999041234561"}',
            "imei=490154203237518&os=android",
        ),
        negative=(
            "IMEI 352099001761482",  # Luhn fails
            "ts=1352099001761481",  # inside a longer digit run
            "订单号 352099001761481",  # negative context drops a bare match
        ),
    )

    def validate(self, value: str) -> bool | None:
        return is_valid_imei(value)
