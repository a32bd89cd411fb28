"""A small reader for Android's binary XML (AXML), enough to walk AndroidManifest.xml.

Format: frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h (ResChunk_header,
ResStringPool_header, ResXMLTree_attrExt, Res_value). Attribute names are resolved through the
resource map first, as the platform does, so manifests with blanked or renamed attribute strings (an
old anti-analysis trick) still read correctly.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from yinsi.core.errors import ApkError

AxmlValue = str | int | bool

_XML, _STRING_POOL, _RESOURCE_MAP = 0x0003, 0x0001, 0x0180
_START_ELEMENT, _END_ELEMENT = 0x0102, 0x0103
_UTF8_FLAG = 1 << 8
_NO_INDEX = 0xFFFFFFFF
_TYPE_REFERENCE, _TYPE_ATTRIBUTE, _TYPE_STRING = 0x01, 0x02, 0x03
_TYPE_INT_DEC, _TYPE_INT_HEX, _TYPE_BOOLEAN = 0x10, 0x11, 0x12

# android:attr resource ids (framework public.xml); the platform matches manifest attributes by these ids.
ANDROID_ATTRIBUTES = {
    0x01010001: "label",
    0x01010003: "name",
    0x01010006: "permission",
    0x01010007: "readPermission",
    0x01010008: "writePermission",
    0x01010009: "protectionLevel",
    0x0101000C: "hasCode",
    0x0101000E: "enabled",
    0x0101000F: "debuggable",
    0x01010010: "exported",
    0x01010018: "authorities",
    0x01010024: "value",
    0x01010025: "resource",
    0x01010202: "targetActivity",
    0x0101020C: "minSdkVersion",
    0x0101021B: "versionCode",
    0x0101021C: "versionName",
    0x01010270: "targetSdkVersion",
    0x01010271: "maxSdkVersion",
    0x01010280: "allowBackup",
    0x010104EC: "usesCleartextTraffic",
    0x01010527: "networkSecurityConfig",
}


@dataclass(slots=True)
class XmlElement:
    """One element: tag, attributes by local name, children in document order."""

    tag: str
    attributes: dict[str, AxmlValue] = field(default_factory=dict)
    children: list[XmlElement] = field(default_factory=list)

    def iter(self, tag: str | None = None) -> list[XmlElement]:
        """This element and all descendants (optionally only those with `tag`), depth first."""
        found: list[XmlElement] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if tag is None or node.tag == tag:
                found.append(node)
            stack.extend(reversed(node.children))
        return found


def parse_axml(data: bytes, label: str = "AndroidManifest.xml") -> XmlElement:
    """Parse binary XML into an element tree; raise `ApkError` when it is not well-formed AXML."""
    if data[:1] == b"<" or data[:5] == b"\xef\xbb\xbf<?":
        raise ApkError(f"{label} is plain-text XML, not the binary XML an installable APK contains")
    if len(data) < 8:
        raise ApkError(f"malformed {label}: {len(data)} bytes is too short for binary XML")
    kind, header_size, size = struct.unpack_from("<HHL", data, 0)
    if kind != _XML or header_size < 8:
        raise ApkError(f"malformed {label}: not binary XML (chunk type 0x{kind:04x})")
    end = min(size, len(data))
    strings: list[str] = []
    resource_ids: tuple[int, ...] = ()
    root: XmlElement | None = None
    stack: list[XmlElement] = []
    offset = header_size
    while offset + 8 <= end:
        ctype, chsize, csize = struct.unpack_from("<HHL", data, offset)
        if csize < 8 or chsize < 8 or chsize > csize or offset + csize > end:
            raise ApkError(f"malformed {label}: chunk at offset {offset} has an impossible size")
        if ctype == _STRING_POOL:
            strings = _string_pool(data, offset, csize, label)
        elif ctype == _RESOURCE_MAP:
            resource_ids = struct.unpack_from(f"<{(csize - chsize) // 4}L", data, offset + chsize)
        elif ctype == _START_ELEMENT:
            element = _start_element(data, offset + chsize, offset + csize, strings, resource_ids, label)
            if stack:
                stack[-1].children.append(element)
            elif root is None:
                root = element
            else:
                raise ApkError(f"malformed {label}: more than one root element")
            stack.append(element)
        elif ctype == _END_ELEMENT:
            if not stack:
                raise ApkError(f"malformed {label}: end tag without a start tag")
            stack.pop()
        offset += csize
    if root is None:
        raise ApkError(f"malformed {label}: no element found")
    return root


def _string_pool(data: bytes, offset: int, size: int, label: str) -> list[str]:
    """Decode a ResStringPool (UTF-8 or UTF-16 strings, each prefixed by its length)."""
    count, _styles, flags, strings_start, _ = struct.unpack_from("<5L", data, offset + 8)
    header_size = struct.unpack_from("<H", data, offset + 2)[0]
    if header_size + 4 * count > size or strings_start > size:
        raise ApkError(f"malformed {label}: string pool larger than its chunk")
    offsets = struct.unpack_from(f"<{count}L", data, offset + header_size)
    base, limit = offset + strings_start, offset + size
    utf8 = bool(flags & _UTF8_FLAG)
    out: list[str] = []
    for rel in offsets:
        pos = base + rel
        if pos >= limit:
            raise ApkError(f"malformed {label}: string offset outside the string pool")
        out.append(utf8_string(data, pos) if utf8 else utf16_string(data, pos))
    return out


def utf8_string(data: bytes, pos: int) -> str:
    # Two lengths: UTF-16 units, then UTF-8 bytes; each 1 byte, or 2 with the high bit set.
    for _ in range(2):
        length = data[pos]
        if length & 0x80:
            length = ((length & 0x7F) << 8) | data[pos + 1]
            pos += 2
        else:
            pos += 1
    return data[pos : pos + length].decode("utf-8", errors="replace")


def utf16_string(data: bytes, pos: int) -> str:
    length = data[pos] | (data[pos + 1] << 8)
    pos += 2
    if length & 0x8000:
        length = ((length & 0x7FFF) << 16) | data[pos] | (data[pos + 1] << 8)
        pos += 2
    return data[pos : pos + 2 * length].decode("utf-16-le", errors="replace")


def _start_element(
    data: bytes, ext: int, end: int, strings: list[str], resource_ids: tuple[int, ...], label: str
) -> XmlElement:
    if ext + 20 > end:
        raise ApkError(f"malformed {label}: truncated start tag")
    _ns, name, attr_start, attr_size, attr_count = struct.unpack_from("<LLHHH", data, ext)
    element = XmlElement(_string(strings, name, label))
    stride = max(attr_size, 20)
    pos = ext + attr_start
    if pos + stride * attr_count > end:
        raise ApkError(f"malformed {label}: attributes run past their start tag")
    for _ in range(attr_count):
        _ans, aname, raw, _vsize, _res0, vtype, vdata = struct.unpack_from("<LLLHBBL", data, pos)
        pos += stride
        key = ANDROID_ATTRIBUTES.get(resource_ids[aname]) if aname < len(resource_ids) else None
        if key is None:
            key = _string(strings, aname, label)
        element.attributes[key] = _value(strings, raw, vtype, vdata, label)
    return element


def _value(strings: list[str], raw: int, vtype: int, vdata: int, label: str) -> AxmlValue:
    if vtype == _TYPE_STRING:
        return _string(strings, vdata if raw == _NO_INDEX else raw, label)
    if vtype == _TYPE_BOOLEAN:
        return vdata != 0
    if vtype in (_TYPE_INT_DEC, _TYPE_INT_HEX):
        return vdata - (1 << 32) if vtype == _TYPE_INT_DEC and vdata & 0x80000000 else vdata
    if vtype == _TYPE_REFERENCE:
        return f"@{vdata:08x}"
    if vtype == _TYPE_ATTRIBUTE:
        return f"?{vdata:08x}"
    if raw != _NO_INDEX:
        return _string(strings, raw, label)
    return vdata


def _string(strings: list[str], index: int, label: str) -> str:
    if index == _NO_INDEX:
        return ""
    if index >= len(strings):
        raise ApkError(f"malformed {label}: string index {index} outside the string pool")
    return strings[index]
