"""A direct reader of DEX tables: strings, types, protos, fields, methods, class definitions and code.

Layout: source.android.com/docs/core/runtime/dex-format (header_item, string_id_item, type_id_item,
proto_id_item, field_id_item, method_id_item, class_def_item, class_data_item, code_item; ULEB128 and
MUTF-8 encodings). Only the tables are decoded, lazily; nothing is decompiled.
"""

from __future__ import annotations

import struct
import sys
from array import array
from dataclasses import dataclass

from yinsi.core.errors import ApkError

from .bytecode import scan_references

_HEADER = struct.Struct("<8s4x20s20L")  # magic, checksum, signature, file_size ... data_off
_HEADER_SIZE = 0x70
_NO_INDEX = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class ClassDef:
    """One class_def_item: the class's type, its superclass type (or None) and where its members are."""

    type_idx: int
    superclass_idx: int | None
    class_data_off: int


def descriptor_to_name(descriptor: str) -> str:
    """`Lcom/umeng/commonsdk/UMConfigure;` → `com.umeng.commonsdk.UMConfigure` (arrays keep brackets)."""
    if descriptor.startswith("L") and descriptor.endswith(";"):
        return descriptor[1:-1].replace("/", ".")
    return descriptor


def decode_mutf8(raw: bytes) -> str:
    """Decode MUTF-8: NUL is C0 80 and supplementary characters are UTF-16 surrogate pairs (CESU-8)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", errors="surrogatepass")
        return text.encode("utf-16-le", errors="surrogatepass").decode("utf-16-le", errors="replace")
    except UnicodeError:
        # Not MUTF-8 at all: ART's verifier would reject the file; keep auditing with U+FFFD.
        return raw.decode("utf-8", errors="replace")


class Dex:
    """One DEX file. Indices (type, method, field) are local to it; names are decoded on demand."""

    def __init__(self, data: bytes, label: str = "classes.dex") -> None:
        self.label = label
        self.data = data
        if len(data) < _HEADER_SIZE or data[:4] != b"dex\n" or data[7] != 0:
            raise ApkError(f"malformed {label}: not a DEX file (bad magic)")
        fields = _HEADER.unpack_from(data, 0)
        (
            _,
            _,
            _,
            _,
            endian,
            _,
            _,
            _,
            strings_n,
            strings_off,
            types_n,
            types_off,
            protos_n,
            protos_off,
            fields_n,
            fields_off,
            methods_n,
            methods_off,
            classes_n,
            classes_off,
            _,
            _,
        ) = fields
        if endian != 0x12345678:
            raise ApkError(f"malformed {label}: big-endian or unknown endian tag 0x{endian:08x}")
        for name, count, offset, item in (
            ("string_ids", strings_n, strings_off, 4),
            ("type_ids", types_n, types_off, 4),
            ("proto_ids", protos_n, protos_off, 12),
            ("field_ids", fields_n, fields_off, 8),
            ("method_ids", methods_n, methods_off, 8),
            ("class_defs", classes_n, classes_off, 32),
        ):
            if count and (offset < _HEADER_SIZE or offset + count * item > len(data)):
                raise ApkError(f"malformed {label}: {name} table lies outside the file")
        self._string_offsets = _u32_array(data, strings_off, strings_n)
        self._type_ids = _u32_array(data, types_off, types_n)
        self._protos_off, self._fields_off, self._methods_off = protos_off, fields_off, methods_off
        self.method_count, self.field_count, self.string_count = methods_n, fields_n, strings_n
        self.proto_count = protos_n
        self._classes_off, self.class_count = classes_off, classes_n
        self._strings: dict[int, str] = {}
        self._units: array[int] | None = None

    # --- tables ---------------------------------------------------------------------------------------
    def string(self, idx: int) -> str:
        """string_ids[idx], decoded from MUTF-8."""
        cached = self._strings.get(idx)
        if cached is not None:
            return cached
        data = self.data
        try:
            pos = self._string_offsets[idx]
            while data[pos] & 0x80:  # skip the ULEB128 UTF-16 length
                pos += 1
            end = data.index(b"\x00", pos + 1)
        except (IndexError, ValueError):
            raise ApkError(f"malformed {self.label}: string {idx} is out of bounds") from None
        text = decode_mutf8(data[pos + 1 : end])
        self._strings[idx] = text
        return text

    def type_descriptor(self, type_idx: int) -> str:
        """The type descriptor of type_ids[type_idx], e.g. `Landroid/app/Application;`."""
        try:
            return self.string(self._type_ids[type_idx])
        except IndexError:
            raise ApkError(f"malformed {self.label}: type index {type_idx} is out of bounds") from None

    def class_defs(self) -> list[ClassDef]:
        """All class_def_items in file order."""
        out = []
        for class_idx, _flags, super_idx, _ifaces, _src, _ann, data_off, _static in struct.iter_unpack(
            "<8L", self.data[self._classes_off : self._classes_off + 32 * self.class_count]
        ):
            out.append(ClassDef(class_idx, None if super_idx == _NO_INDEX else super_idx, data_off))
        return out

    def class_descriptors(self) -> list[str]:
        """Descriptors of the classes this file defines."""
        data, off = self.data, self._classes_off
        return [
            self.type_descriptor(idx)
            for (idx,) in struct.iter_unpack("<L28x", data[off : off + 32 * self.class_count])
        ]

    def method_id(self, idx: int) -> tuple[int, int, int]:
        """method_ids[idx] as (class type_idx, proto_idx, name string_idx)."""
        if idx >= self.method_count:
            raise ApkError(f"malformed {self.label}: method index {idx} is out of bounds")
        class_idx, proto_idx, name_idx = struct.unpack_from("<HHL", self.data, self._methods_off + 8 * idx)
        return class_idx, proto_idx, name_idx

    def member_table(self, kind: str) -> list[tuple[int, int]]:
        """All `method_ids` or `field_ids` as (class type_idx, name string_idx), in index order."""
        offset, count = (
            (self._methods_off, self.method_count)
            if kind == "method"
            else (self._fields_off, self.field_count)
        )
        return [
            (cls, name) for cls, _, name in struct.iter_unpack("<HHL", self.data[offset : offset + 8 * count])
        ]

    def field_id(self, idx: int) -> tuple[int, int]:
        """field_ids[idx] as (class type_idx, name string_idx)."""
        if idx >= self.field_count:
            raise ApkError(f"malformed {self.label}: field index {idx} is out of bounds")
        class_idx, _type_idx, name_idx = struct.unpack_from("<HHL", self.data, self._fields_off + 8 * idx)
        return class_idx, name_idx

    def proto_descriptor(self, proto_idx: int) -> str:
        """A proto as `(Landroid/content/Context;)V`: identifies an overload across DEX files."""
        if proto_idx >= self.proto_count:
            raise ApkError(f"malformed {self.label}: proto index {proto_idx} is out of bounds")
        data = self.data
        _shorty, return_idx, params_off = struct.unpack_from("<3L", data, self._protos_off + 12 * proto_idx)
        params = ""
        if params_off:
            outside = ApkError(f"malformed {self.label}: parameters of proto {proto_idx} are out of bounds")
            if params_off + 4 > len(data):
                raise outside
            (size,) = struct.unpack_from("<L", data, params_off)
            if params_off + 4 + 2 * size > len(data):
                raise outside
            indices = struct.unpack_from(f"<{size}H", data, params_off + 4)
            params = "".join(self.type_descriptor(i) for i in indices)
        return f"({params}){self.type_descriptor(return_idx)}"

    # --- members and code ----------------------------------------------------------------------------
    def methods(self, class_def: ClassDef) -> list[tuple[int, int]]:
        """(method_idx, code_off) of every direct and virtual method of a class; code_off 0 = no code."""
        if not class_def.class_data_off:
            return []
        data, pos = self.data, class_def.class_data_off
        out: list[tuple[int, int]] = []
        try:
            sizes = []
            for _ in range(4):
                value, pos = _uleb128(data, pos)
                sizes.append(value)
            for _ in range(2 * (sizes[0] + sizes[1])):  # fields: field_idx_diff, access_flags
                while data[pos] & 0x80:
                    pos += 1
                pos += 1
            for count in (sizes[2], sizes[3]):  # direct, then virtual methods; indices restart per list
                method_idx = 0
                for _ in range(count):
                    # ULEB128 fast path inlined: this loop runs once per method of the APK.
                    byte = data[pos]
                    if byte < 0x80:
                        method_idx += byte
                        pos += 1
                    else:
                        diff, pos = _uleb128(data, pos)
                        method_idx += diff
                    while data[pos] & 0x80:  # access_flags
                        pos += 1
                    code_off, pos = _uleb128(data, pos + 1)
                    out.append((method_idx, code_off))
        except IndexError:
            raise ApkError(f"malformed {self.label}: class_data_item runs past the end of the file") from None
        return out

    def class_references(
        self, class_def: ClassDef, methods: set[int], fields: set[int], strings: set[int]
    ) -> int:
        """Add the method_ids, field_ids and const-string string_ids used by all methods of a class;
        return how many methods have malformed bytecode (read up to the fault)."""
        units, size, malformed = self.units, len(self.data), 0
        for _, code_off in self.methods(class_def):
            if not code_off:
                continue
            if code_off & 3 or code_off + 16 > size:
                malformed += 1
                continue
            half = code_off >> 1
            insns_size = units[half + 6] | (units[half + 7] << 16)  # code_item.insns_size at +12
            if code_off + 16 + 2 * insns_size > size or not scan_references(
                units, half + 8, insns_size, methods, fields, strings
            ):
                malformed += 1
        return malformed

    def code_references(
        self, code_off: int, methods: set[int], fields: set[int], strings: set[int] | None = None
    ) -> bool:
        """Add the method_ids, field_ids (and const-string string_ids) a code_item uses; False when its
        bytecode is malformed."""
        if code_off + 16 > len(self.data) or code_off & 3:
            return False
        (insns_size,) = struct.unpack_from("<L", self.data, code_off + 12)
        start = (code_off + 16) // 2
        if code_off + 16 + 2 * insns_size > len(self.data):
            return False
        return scan_references(self.units, start, insns_size, methods, fields, strings)

    @property
    def units(self) -> array[int]:
        """The whole file as little-endian 16-bit code units (code_items are 4-byte aligned)."""
        if self._units is None:
            units = array("H", self.data[: len(self.data) & ~1])
            if sys.byteorder == "big":
                units.byteswap()
            self._units = units
        return self._units


def _u32_array(data: bytes, offset: int, count: int) -> array[int]:
    values = array("I", data[offset : offset + 4 * count])
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _uleb128(data: bytes, pos: int) -> tuple[int, int]:
    """Decode an unsigned LEB128 (at most 5 bytes for a 32-bit value); return (value, next position)."""
    byte = data[pos]
    if byte < 0x80:
        return byte, pos + 1
    value, shift = byte & 0x7F, 7
    while True:
        pos += 1
        byte = data[pos]
        value |= (byte & 0x7F) << shift
        if byte < 0x80 or shift >= 28:
            return value, pos + 1
        shift += 7
