"""The DEX reader's encodings and the bytecode walk, checked against the format spec and androguard."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from yinsi.apps.bytecode import KIND, WIDTH
from yinsi.apps.dex import Dex, _uleb128, decode_mutf8, descriptor_to_name


@pytest.mark.parametrize(
    ("encoded", "value"),
    [  # examples from the dex-format page, plus the 5-byte maximum
        (b"\x00", 0),
        (b"\x01", 1),
        (b"\x7f", 127),
        (b"\x80\x7f", 16256),
        (b"\xb4\x07", 0x3B4),
        (b"\xff\xff\xff\xff\x0f", 0xFFFFFFFF),
    ],
)
def test_uleb128(encoded: bytes, value: int) -> None:
    assert _uleb128(encoded + b"\x99", 0) == (value, len(encoded))


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Lcom/example/App;", "Lcom/example/App;"),
        ("中文类".encode(), "中文类"),
        (b"a\xc0\x80b", "a\x00b"),  # MUTF-8 encodes NUL as two bytes
        (b"\xed\xa0\xbd\xed\xb8\x80", "\U0001f600"),  # a supplementary character as a surrogate pair
    ],
)
def test_mutf8(raw: bytes, text: str) -> None:
    assert decode_mutf8(raw) == text


@pytest.mark.parametrize(
    ("descriptor", "name"),
    [
        ("Lcom/umeng/commonsdk/UMConfigure;", "com.umeng.commonsdk.UMConfigure"),
        ("Landroid/provider/ContactsContract$Contacts;", "android.provider.ContactsContract$Contacts"),
        ("LTopLevel;", "TopLevel"),
        ("[Ljava/lang/String;", "[Ljava/lang/String;"),
        ("I", "I"),
    ],
)
def test_descriptor_to_name(descriptor: str, name: str) -> None:
    assert descriptor_to_name(descriptor) == name


@pytest.mark.parametrize(
    ("opcode", "width", "kind"),
    [
        (0x00, 1, 0),
        (0x0E, 1, 0),
        (0x13, 2, 0),
        (0x14, 3, 0),
        (0x18, 5, 0),
        (0x1A, 2, 3),
        (0x1B, 3, 4),
        (0x26, 3, 0),
        (0x2B, 3, 0),
        (0x52, 2, 2),
        (0x6D, 2, 2),
        (0x6E, 3, 1),
        (0x72, 3, 1),
        (0x73, 1, 0),
        (0x74, 3, 1),
        (0x78, 3, 1),
        (0xD8, 2, 0),
        (0xFA, 4, 1),
        (0xFC, 3, 0),
        (0xFF, 2, 0),
    ],
)
def test_instruction_table(opcode: int, width: int, kind: int) -> None:
    assert (WIDTH[opcode], KIND[opcode]) == (width, kind)


def test_malformed_bytecode_is_reported_not_raised() -> None:
    from array import array

    from yinsi.apps.bytecode import scan_references

    methods: set[int] = set()
    # invoke-static whose operands run past the end of the method: the walk must not overshoot silently
    assert scan_references(array("H", [0x0071, 0x0005]), 0, 2, methods, set()) is False
    assert scan_references(array("H", [0x0000, 0x0000]), 0, 2, methods, set()) is True
    assert scan_references(array("H", [0x0500]), 0, 1, methods, set()) is False  # unknown payload ident


def _jamendo_dex(shared_data: Path) -> bytes:
    path = shared_data / "apps" / "apks" / "androguard__com.teleca.jamendo_35.apk"
    if not path.exists():
        pytest.skip("jamendo APK absent")
    with zipfile.ZipFile(path) as archive:
        return archive.read("classes.dex")


def test_references_match_androguard_instruction_decoding(shared_data: Path) -> None:
    """Every invoke and field instruction androguard decodes, per class, is found by the table walk."""
    pytest.importorskip("androguard")
    from androguard.core.dex import DEX
    from loguru import logger

    logger.remove()
    data = _jamendo_dex(shared_data)
    dex = Dex(data)
    theirs_by_class: dict[str, tuple[set[int], set[int]]] = {}
    for cls in DEX(data).get_classes():
        methods: set[int] = set()
        fields: set[int] = set()
        for method in cls.get_methods():
            for ins in method.get_instructions():
                op = ins.get_op_value()
                if op > 0xFF:  # switch / array payloads
                    continue
                if KIND[op] == 1:
                    methods.add(ins.BBBB)
                elif 0x52 <= op <= 0x5F:
                    fields.add(ins.CCCC)
                elif 0x60 <= op <= 0x6D:
                    fields.add(ins.BBBB)
        theirs_by_class[cls.get_name()] = (methods, fields)
    checked = 0
    for class_def in dex.class_defs():
        methods, fields = set(), set()
        for _, code_off in dex.methods(class_def):
            if code_off:
                assert dex.code_references(code_off, methods, fields)
        assert (methods, fields) == theirs_by_class[dex.type_descriptor(class_def.type_idx)]
        checked += 1
    assert checked == len(theirs_by_class) > 100
