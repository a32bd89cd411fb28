"""Sample data of the flight-booking example: one booking (PNR) with several passengers.

The identifiers are generated with valid check digits (yinsi.demo.identifiers) and belong to nobody.
The flaw this example reproduces: the booking endpoint returns every passenger's full record —
ID number and phone included — to whoever asks for the booking, not only to the passenger concerned.
"""

from __future__ import annotations

import random
from typing import Any

from yinsi.demo.identifiers import mobile, resident_id

_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静")


def booking(pnr: str = "MF8C2Q") -> dict[str, Any]:
    rng = random.Random(pnr)
    return {
        "pnr": pnr,
        "flight": {"number": "MU5137", "from": "PEK", "to": "SHA", "date": "2026-12-01"},
        "passengers": [
            {"seat": f"{row}{seat}", "name": name, "idType": "身份证", "idNo": resident_id(rng),
             "phone": mobile(rng)}
            for row, seat, name in zip((31, 31, 32), "ACA", _NAMES, strict=False)
        ],
    }


def manifest_lines(count: int) -> list[str]:
    """A long plain-text passenger manifest, for the streaming endpoint."""
    rng = random.Random(count)
    return [f"{index:05d} 旅客 证件号 {resident_id(rng)} 电话 {mobile(rng)}\n" for index in range(count)]
