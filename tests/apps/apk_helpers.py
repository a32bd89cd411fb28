"""Test helpers: a tiny binary-XML writer, a minimal DEX, zip builders, and the sample APKs (built once).

Kept out of conftest.py: tests/conftest.py is imported as the module `conftest`, and a second conftest
here would shadow it for `from conftest import require_tool`.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from yinsi.apps.axml import ANDROID_ATTRIBUTES
from yinsi.apps.samples import build_sample_apks, missing_tools

ANDROID_NS = "http://schemas.android.com/apk/res/android"
_ATTR_IDS = {name: rid for rid, name in ANDROID_ATTRIBUTES.items()}

Element = tuple[str, dict[str, "str | int | bool"], list["Element"]]


def axml(root: Element) -> bytes:
    """Encode an element tree as binary XML the way aapt does (UTF-16 pool, resource map for android:*)."""
    attr_names: list[str] = []
    others: list[str] = []

    def collect(node: Element) -> None:
        tag, attrs, children = node
        for name, value in attrs.items():
            if name in _ATTR_IDS and name not in attr_names:
                attr_names.append(name)
            elif name not in _ATTR_IDS and name not in others:
                others.append(name)
            if isinstance(value, str) and value not in others:
                others.append(value)
        if tag not in others:
            others.append(tag)
        for child in children:
            collect(child)

    collect(root)
    strings = attr_names + [s for s in [*others, ANDROID_NS, "android"] if s not in attr_names]
    index = {s: i for i, s in enumerate(strings)}
    pool = _string_pool(strings)
    resmap = struct.pack("<HHL", 0x0180, 8, 8 + 4 * len(attr_names)) + b"".join(
        struct.pack("<L", _ATTR_IDS[n]) for n in attr_names
    )
    body = bytearray()

    def emit(node: Element) -> None:
        tag, attrs, children = node
        attr_bytes = b""
        for name, value in attrs.items():
            ns = index[ANDROID_NS] if name in _ATTR_IDS else 0xFFFFFFFF
            if isinstance(value, bool):
                raw, vtype, data = 0xFFFFFFFF, 0x12, 0xFFFFFFFF if value else 0
            elif isinstance(value, int):
                raw, vtype, data = 0xFFFFFFFF, 0x10, value & 0xFFFFFFFF
            else:
                raw, vtype, data = index[value], 0x03, index[value]
            attr_bytes += struct.pack("<LLLHBBL", ns, index[name], raw, 8, 0, vtype, data)
        ext = struct.pack("<LLHHHHHH", 0xFFFFFFFF, index[tag], 20, 20, len(attrs), 0, 0, 0)
        chunk = ext + attr_bytes
        body.extend(struct.pack("<HHLLL", 0x0102, 16, 16 + len(chunk), 1, 0xFFFFFFFF) + chunk)
        for child in children:
            emit(child)
        body.extend(struct.pack("<HHLLLLL", 0x0103, 16, 24, 1, 0xFFFFFFFF, 0xFFFFFFFF, index[tag]))

    emit(root)
    content = pool + resmap + bytes(body)
    return struct.pack("<HHL", 0x0003, 8, 8 + len(content)) + content


def _string_pool(strings: list[str]) -> bytes:
    data = bytearray()
    offsets = []
    for s in strings:
        offsets.append(len(data))
        encoded = s.encode("utf-16-le")
        data += struct.pack("<H", len(encoded) // 2) + encoded + b"\x00\x00"
    while len(data) % 4:
        data += b"\x00"
    header = 28
    start = header + 4 * len(strings)
    head = struct.pack("<HHLLLLLL", 0x0001, header, start + len(data), len(strings), 0, 0, start, 0)
    return head + b"".join(struct.pack("<L", o) for o in offsets) + bytes(data)


def empty_dex() -> bytes:
    """A DEX header with empty tables: a valid classes.dex that defines nothing."""
    header = bytearray(0x70)
    header[:8] = b"dex\n035\x00"
    struct.pack_into("<LLL", header, 0x20, 0x70, 0x70, 0x12345678)
    return bytes(header)


def manifest(package: str = "com.example.t", *, has_code: bool | None = None) -> bytes:
    app: dict[str, str | int | bool] = {"label": "T"}
    if has_code is not None:
        app["hasCode"] = has_code
    return axml(("manifest", {"package": package}, [("application", app, [])]))


def write_zip(path: Path, entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


_BUILT: dict[str, Path] = {}


def sample_apks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample APKs of `yinsi.apps.samples`, built once per test session (skips/fails without tools)."""
    from conftest import require_tool

    missing = missing_tools()
    require_tool(not missing, f"sample APK build tools missing: {', '.join(missing)}")
    if not _BUILT:
        _BUILT.update(build_sample_apks(tmp_path_factory.mktemp("sample-apks")))
    return _BUILT
