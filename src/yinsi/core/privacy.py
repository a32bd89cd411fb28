"""Masked previews and keyed digests: how reports show and count values without storing them.

A report must not become a new copy of the data it audits (GB/T 35273-2020 §6.2 去标识化 and §9.2 on
sharing). yinsi therefore puts two things in a report instead of a value: a *preview* that keeps a
short prefix and suffix so a reviewer can recognise the kind of value (`138****8000`, the usual Chinese
display convention, cf. JR/T 0171-2020 §5.1.4 on masked display of personal financial information) and a
*digest*, an HMAC-SHA-256 of the value under a secret key (RFC 2104), so that the same value seen twice
can be counted and de-duplicated without being stored. A plain hash would not do: phone numbers and
ID numbers have so few possible values that an unkeyed hash is reversed by enumeration in minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

DIGEST_PREFIX = "hmac:"
# 128 bits of the HMAC: collisions among even billions of values are negligible, and the string stays
# short enough for spreadsheets.
DIGEST_HEX_CHARS = 32

# Invisible characters pasted into identifiers to defeat scanners (see yinsi.text.normalize).
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Separators people put inside numbers and codes; removed before digesting identifier-like types.
_SEPARATORS_RE = re.compile(r"[\s\-‐‑‒–—―−.()/]")
_MOBILE_COUNTRY_RE = re.compile(r"^(?:\+?86|0086)(?=1\d{10}$)")

# Entity types whose value is a code: separators and letter case carry no meaning, so
# `138 0013 8000`, `+86-138-0013-8000` and `13800138000` are one value.
_CODE_TYPES = frozenset({
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_PASSPORT",
    "CN_HK_MACAU_PERMIT", "CN_TAIWAN_PERMIT", "CN_LICENSE_PLATE", "CN_POSTAL_CODE", "QQ_NUMBER",
    "IMEI", "PHONE_NUMBER", "CREDIT_CARD", "IBAN", "MAC_ADDRESS",
})
# Types compared case-insensitively but whose dots and dashes matter.
_CASELESS_TYPES = frozenset({"EMAIL", "WECHAT_ID", "URL", "IP_ADDRESS"})

# How many significant characters a preview keeps at each end, by entity type. Defaults apply to the
# rest; `_mask_generic` also caps what it reveals so that short values stay mostly hidden.
_KEEP: dict[str, tuple[int, int]] = {
    "CN_MOBILE": (3, 4),          # 138****8000
    "CN_RESIDENT_ID": (6, 4),     # 110105********002X: region code and check character
    "BANK_CARD": (6, 4),          # PCI DSS v4.0 req. 3.4.1 allows first six and last four
    "CREDIT_CARD": (6, 4),
    "IBAN": (4, 4),
    "CN_LANDLINE": (4, 2),
    "PHONE_NUMBER": (4, 2),
    "PERSON": (1, 0),             # 张*, 欧***
    "ADDRESS": (6, 0),            # 北京市朝阳区****: city and district only
    "DATE_OF_BIRTH": (0, 0),
    "GPS_COORDINATE": (3, 0),
    "IP_ADDRESS": (3, 0),         # 192.***.*.**: the first octet tells private from public ranges
}


def canonical_value(value: str, entity_type: str | None = None) -> str:
    """The form of `value` that is digested: NFKC, no invisible characters, no separators in codes.

    Full-width digits become ASCII (NFKC), so `１３８００１３８０００` and `13800138000` digest alike; for
    code-like entity types separators are dropped and letters upper-cased (a lower-case `x` check
    character of a resident ID is the same ID); mobile numbers lose a +86/0086 prefix; emails and
    other case-insensitive identifiers are case-folded. Unknown types only get NFKC and trimmed,
    collapsed whitespace.
    """
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", value)).strip()
    if entity_type in _CODE_TYPES:
        text = _SEPARATORS_RE.sub("", text).upper()
        if entity_type == "CN_MOBILE":
            text = _MOBILE_COUNTRY_RE.sub("", text)
        return text
    if entity_type in _CASELESS_TYPES:
        return text.casefold()
    return " ".join(text.split())


def keyed_digest(value: str, key: bytes, entity_type: str | None = None) -> str:
    """`hmac:` + 32 hex characters of HMAC-SHA-256(key, canonical value) (RFC 2104, FIPS 198-1).

    The entity type only chooses the canonical form; it is not mixed into the MAC, so a number found
    once as CN_MOBILE and once as PHONE_NUMBER still counts as one value.
    """
    if not key:
        raise ValueError("the digest key is empty")
    mac = hmac.new(key, canonical_value(value, entity_type).encode("utf-8"), hashlib.sha256)
    return DIGEST_PREFIX + mac.hexdigest()[:DIGEST_HEX_CHARS]


def mask_preview(value: str, entity_type: str | None = None, *, mask: str = "*") -> str:
    """A masked excerpt of `value` that never equals it (unless it is nothing but mask characters).

    Separators (spaces, dashes, dots) stay in place so the shape is recognisable: `138-0013-8000` →
    `138-****-8000`. Emails keep the first character of the mailbox and the whole domain
    (`z***@qq.com`): the domain says which provider holds the account, which a reviewer needs.
    """
    if entity_type == "EMAIL" and "@" in value:
        local, _, domain = value.rpartition("@")
        # A fixed-length mask: the mailbox's length is not revealed either.
        return (local[:1] if len(local) > 1 else "") + mask * 3 + "@" + domain
    if entity_type in _KEEP:
        head, tail = _KEEP[entity_type]
        return _mask_generic(value, head, tail, mask, reveal=2 / 3)
    return _mask_generic(value, 2, 2, mask, reveal=1 / 3)


def _mask_generic(value: str, head: int, tail: int, mask: str, *, reveal: float) -> str:
    """Keep `head`/`tail` significant characters (letters, digits, CJK), mask the rest.

    At most `reveal` of the significant characters are shown and at least one is always masked, so a
    value shorter than the type's usual length is still mostly hidden: `张三` → `张*`, `7` → `*`.
    """
    positions = [index for index, char in enumerate(value) if char.isalnum()]
    count = len(positions)
    if count == 0:
        return mask * len(value)
    budget = min(int(count * reveal), count - 1)
    # Share the budget between both ends first, then give what one end does not need to the other.
    keep_head = min(head, (budget + 1) // 2)
    keep_tail = min(tail, budget - keep_head)
    keep_head = min(head, budget - keep_tail)
    hidden = set(positions[keep_head: count - keep_tail])
    return "".join(mask if index in hidden else char for index, char in enumerate(value))
