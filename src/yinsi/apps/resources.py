"""Resolving one string resource (the app label) from resources.arsc, without loading the whole table.

Format: frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h (ResTable_header,
ResTable_package, ResTable_type with dense, sparse and compact entries, Res_value). The label is the
only resource the audit needs; a table we cannot read simply leaves it unresolved.
"""

from __future__ import annotations

import struct

from .axml import utf8_string, utf16_string

_TABLE, _STRING_POOL, _PACKAGE, _TYPE = 0x0002, 0x0001, 0x0200, 0x0201
_UTF8_FLAG = 1 << 8
_TYPE_STRING, _TYPE_REFERENCE = 0x03, 0x01
_FLAG_COMPLEX, _FLAG_COMPACT = 0x0001, 0x0008
_SPARSE = 0x01
_NO_ENTRY = 0xFFFFFFFF
_MAX_HOPS = 4  # @string/a → @string/b aliases


def resolve_string(arsc: bytes, resource_id: int) -> str | None:
    """The string value of `resource_id` in the default configuration (else the first one that has
    it), following up to a few reference aliases; None when absent or unreadable."""
    try:
        for _ in range(_MAX_HOPS):
            value = _lookup(arsc, resource_id)
            if value is None:
                return None
            kind, data, pool = value
            if kind == _TYPE_STRING:
                return _pool_string(arsc, pool, data)
            if kind != _TYPE_REFERENCE:
                return None
            resource_id = data
    except (struct.error, IndexError, UnicodeError, ValueError):
        return None
    return None


def _lookup(arsc: bytes, resource_id: int) -> tuple[int, int, int] | None:
    """(value type, value data, offset of the global string pool) for a resource id."""
    package_id, type_id, entry_id = resource_id >> 24, (resource_id >> 16) & 0xFF, resource_id & 0xFFFF
    kind, header_size, size = struct.unpack_from("<HHL", arsc, 0)
    if kind != _TABLE:
        return None
    end = min(size, len(arsc))
    pool, offset = -1, header_size
    while offset + 8 <= end:
        ctype, chsize, csize = struct.unpack_from("<HHL", arsc, offset)
        if csize < 8 or chsize > csize:
            return None
        if ctype == _STRING_POOL and pool < 0:
            pool = offset
        elif ctype == _PACKAGE and struct.unpack_from("<L", arsc, offset + 8)[0] == package_id:
            found = _in_package(arsc, offset, chsize, min(offset + csize, end), type_id, entry_id)
            return None if found is None or pool < 0 else (*found, pool)
        offset += csize
    return None


def _in_package(
    arsc: bytes, start: int, header: int, end: int, type_id: int, entry_id: int
) -> tuple[int, int] | None:
    fallback: tuple[int, int] | None = None
    offset = start + header
    while offset + 8 <= end:
        ctype, chsize, csize = struct.unpack_from("<HHL", arsc, offset)
        if csize < 8 or chsize > csize:
            return fallback
        if ctype == _TYPE and arsc[offset + 8] == type_id:
            value = _entry(arsc, offset, chsize, entry_id)
            if value is not None:
                config_size = struct.unpack_from("<L", arsc, offset + 20)[0]
                config = arsc[offset + 24 : offset + 20 + config_size]
                if not any(config):
                    return value  # the default configuration
                fallback = fallback or value
        offset += csize
    return fallback


def _entry(arsc: bytes, chunk: int, header: int, entry_id: int) -> tuple[int, int] | None:
    flags = arsc[chunk + 9]
    count, entries_start = struct.unpack_from("<LL", arsc, chunk + 12)
    index = chunk + header
    if flags & _SPARSE:  # sorted (entry index u16, offset / 4 u16) pairs
        rel = None
        for i in range(count):
            idx, off4 = struct.unpack_from("<HH", arsc, index + 4 * i)
            if idx == entry_id:
                rel = off4 * 4
                break
        if rel is None:
            return None
    else:
        if entry_id >= count:
            return None
        rel = struct.unpack_from("<L", arsc, index + 4 * entry_id)[0]
        if rel == _NO_ENTRY:
            return None
    pos = chunk + entries_start + rel
    size, entry_flags = struct.unpack_from("<HH", arsc, pos)
    if entry_flags & _FLAG_COMPACT:  # compact entry: key u16, flags u16 (type in the high byte), data u32
        return entry_flags >> 8, struct.unpack_from("<L", arsc, pos + 4)[0]
    if entry_flags & _FLAG_COMPLEX:
        return None  # a bag (style, array, plural), not a plain value
    _vsize, _res0, data_type, data = struct.unpack_from("<HBBL", arsc, pos + size)
    return data_type, data


def _pool_string(arsc: bytes, pool: int, index: int) -> str | None:
    count, _styles, flags, strings_start = struct.unpack_from("<4L", arsc, pool + 8)
    if index >= count:
        return None
    header = struct.unpack_from("<H", arsc, pool + 2)[0]
    rel = struct.unpack_from("<L", arsc, pool + header + 4 * index)[0]
    pos = pool + strings_start + rel
    return utf8_string(arsc, pos) if flags & _UTF8_FLAG else utf16_string(arsc, pos)
