"""Unusable or hostile APKs: one clear ApkError each, and budgets that truncate instead of failing."""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from apk_helpers import axml, empty_dex, manifest, write_zip

from yinsi.apps import ExtractionLimits, extract_facts
from yinsi.core.errors import ApkError, InputError


def _good(tmp_path: Path, name: str = "good.apk", **entries: bytes) -> Path:
    files = {"AndroidManifest.xml": manifest(), "classes.dex": empty_dex()}
    files.update({k.replace("__", "/").replace("_dot_", "."): v for k, v in entries.items()})
    return write_zip(tmp_path / name, files)


def test_minimal_valid_apk(tmp_path: Path) -> None:
    facts = extract_facts(_good(tmp_path))
    assert facts.package == "com.example.t"
    assert facts.classes == frozenset() and facts.dex_count == 1 and facts.certificate is None


def _truncated(tmp_path: Path) -> Path:
    data = _good(tmp_path).read_bytes()
    path = tmp_path / "truncated.apk"
    path.write_bytes(data[: len(data) // 2])
    return path


def _declared_bomb(tmp_path: Path) -> Path:
    """A central directory claiming a 4 GiB classes.dex (the declared-size guard must refuse it)."""
    path = _good(tmp_path, "declared.apk")
    data = bytearray(path.read_bytes())
    for offset in _central_entries(bytes(data)):
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_len] == b"classes.dex":
            struct.pack_into("<L", data, offset + 24, 0xFFFFFFF0)  # uncompressed size
    path.write_bytes(bytes(data))
    return path


def _inflation_bomb(tmp_path: Path) -> Path:
    """classes.dex declares 1 KiB but its deflate stream expands to 64 MiB of zeros."""
    raw = b"\x00" * (64 * 1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = compressor.compress(raw) + compressor.flush()
    path = tmp_path / "inflate.apk"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AndroidManifest.xml", manifest())
        info = zipfile.ZipInfo("classes.dex")
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"\x00" * 1024)
    data = bytearray(path.read_bytes())
    # Rebuild with the bomb stream but keep the small declared sizes in both headers.
    local = data.find(b"PK\x03\x04", 4)
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len
    (old_size,) = struct.unpack_from("<L", data, local + 18)
    tail = data[start + old_size :]
    central_shift = len(stream) - old_size
    struct.pack_into("<L", data, local + 18, len(stream))
    data = data[:start] + stream + tail
    for offset in _central_entries(bytes(data), shift=central_shift):
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_len] == b"classes.dex":
            struct.pack_into("<L", data, offset + 20, len(stream))
    eocd = data.rfind(b"PK\x05\x06")
    (cd_offset,) = struct.unpack_from("<L", data, eocd + 16)
    struct.pack_into("<L", data, eocd + 16, cd_offset + central_shift)
    path.write_bytes(bytes(data))
    return path


def _central_entries(data: bytes, shift: int = 0) -> list[int]:
    eocd = data.rfind(b"PK\x05\x06")
    count, _size, offset = struct.unpack_from("<HLL", data, eocd + 10)
    offset += shift
    out = []
    for _ in range(count):
        out.append(offset)
        n, m, k = struct.unpack_from("<HHH", data, offset + 28)
        offset += 46 + n + m + k
    return out


def _encrypted(tmp_path: Path) -> Path:
    path = _good(tmp_path, "encrypted.apk")
    data = bytearray(path.read_bytes())
    for offset in _central_entries(bytes(data)):
        data[offset + 8] |= 0x01  # general purpose flag bit 0: encrypted
    path.write_bytes(bytes(data))
    return path


CASES = [
    ("empty", lambda p: _write(p / "empty.apk", b""), "empty file"),
    ("not a zip", lambda p: _write(p / "text.apk", b"this is plain text, not an archive\n" * 4), "not a zip"),
    ("truncated", _truncated, "truncated zip"),
    ("declared bomb", _declared_bomb, "zip bomb"),
    ("inflation bomb", _inflation_bomb, "zip bomb"),
    ("encrypted", _encrypted, "encrypted"),
    (
        "no manifest",
        lambda p: write_zip(p / "nomanifest.apk", {"classes.dex": empty_dex()}),
        "no AndroidManifest.xml",
    ),
    (
        "missing dex",
        lambda p: write_zip(p / "nodex.apk", {"AndroidManifest.xml": manifest()}),
        "no classes.dex",
    ),
    (
        "app bundle",
        lambda p: write_zip(p / "bundle.xapk", {"base.apk": b"PK", "split_config.arm64_v8a.apk": b"PK"}),
        "app bundle of 2 APK",
    ),
    (
        "plain-text manifest",
        lambda p: write_zip(
            p / "textmanifest.apk",
            {"AndroidManifest.xml": b'<?xml version="1.0"?><manifest/>', "classes.dex": empty_dex()},
        ),
        "plain-text XML",
    ),
    (
        "garbage manifest",
        lambda p: write_zip(
            p / "garbage.apk",
            {"AndroidManifest.xml": b"\x03\x00\x08\x00" + b"\xff" * 60, "classes.dex": empty_dex()},
        ),
        "malformed AndroidManifest.xml",
    ),
    (
        "truncated manifest",
        lambda p: write_zip(
            p / "cut.apk", {"AndroidManifest.xml": manifest()[:-30], "classes.dex": empty_dex()}
        ),
        "malformed AndroidManifest.xml",
    ),
    (
        "wrong root",
        lambda p: write_zip(
            p / "root.apk", {"AndroidManifest.xml": axml(("resources", {}, [])), "classes.dex": empty_dex()}
        ),
        "root element",
    ),
    (
        "bad dex magic",
        lambda p: write_zip(
            p / "baddex.apk", {"AndroidManifest.xml": manifest(), "classes.dex": b"PK" + b"\x00" * 200}
        ),
        "malformed classes.dex",
    ),
    (
        "dex tables outside",
        lambda p: write_zip(
            p / "dextables.apk", {"AndroidManifest.xml": manifest(), "classes.dex": _dex_with_bad_table()}
        ),
        "outside the file",
    ),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _dex_with_bad_table() -> bytes:
    data = bytearray(empty_dex())
    struct.pack_into("<LL", data, 0x60, 10, 0x7FFF0000)  # class_defs far past the end
    return bytes(data)


@pytest.mark.parametrize(("make", "message"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_unusable_input_raises_one_clear_error(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ApkError, match=message) as info:
        extract_facts(path)
    assert isinstance(info.value, InputError)
    assert str(info.value).startswith(path.name)  # one line naming the file
    assert "\n" not in str(info.value)


def test_duplicate_entries_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.apk"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("AndroidManifest.xml", manifest())
        archive.writestr("classes.dex", empty_dex())
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("classes.dex", empty_dex())
    with pytest.raises(ApkError, match=r"duplicate zip entry 'classes\.dex'"):
        extract_facts(path)


def test_entry_count_checked_before_indexing(tmp_path: Path) -> None:
    path = _good(tmp_path)
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, eocd + 8, 60_000, 60_000)  # claim 60 000 entries
    path.write_bytes(bytes(data))
    with pytest.raises(ApkError, match="60000 zip entries exceed"):
        extract_facts(path, limits=ExtractionLimits(max_entries=50_000))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ApkError, match="not a file"):
        extract_facts(tmp_path / "absent.apk")


def test_code_free_app_needs_no_dex(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "res.apk", {"AndroidManifest.xml": manifest(has_code=False)})
    assert extract_facts(path).dex_count == 0


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ExtractionLimits(max_apk_bytes=100), "APK size limit"),
        (ExtractionLimits(max_entries=1), "zip entries exceed"),
        (ExtractionLimits(max_entry_bytes=16), "zip bomb guard"),
        (ExtractionLimits(max_total_bytes=200), "in total"),
    ],
)
def test_size_limits_refuse(tmp_path: Path, limits: ExtractionLimits, message: str) -> None:
    with pytest.raises(ApkError, match=message):
        extract_facts(_good(tmp_path), limits=limits)


def test_dex_count_budget_is_recorded(tmp_path: Path) -> None:
    path = _good(
        tmp_path, classes2_dot_dex=empty_dex(), classes3_dot_dex=empty_dex(), classes5_dot_dex=empty_dex()
    )
    facts = extract_facts(path)
    assert facts.dex_count == 3  # classes5.dex is not loaded by the runtime after a gap
    limited = extract_facts(path, limits=ExtractionLimits(max_dex_files=2))
    assert limited.dex_count == 2
    assert limited.limits == ("dex_files: 3 DEX files, only the first 2 read",)


def test_time_budget_is_recorded(tmp_path: Path) -> None:
    facts = extract_facts(_good(tmp_path), limits=ExtractionLimits(max_seconds=1e-9))
    assert any(note.startswith("time:") for note in facts.limits)


def test_native_libraries_and_assets(tmp_path: Path) -> None:
    path = _good(
        tmp_path,
        lib__arm64_v8a__libjiagu_dot_so=b"\x7fELF",
        lib__armeabi_v7a__libjiagu_dot_so=b"\x7fELF",
        assets__conf__sdk_dot_json=b"{}",
    )
    facts = extract_facts(path)
    assert facts.native_libraries == ("libjiagu.so",)
    assert facts.assets == ("conf/sdk.json",)


@pytest.mark.parametrize(
    "limits",
    [{"max_apk_bytes": 0}, {"max_seconds": 0}, {"startup_depth": -1}, {"max_dex_files": -1}],
)
def test_limits_validate(limits: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ExtractionLimits(**limits)  # type: ignore[arg-type]


def _mutations(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            # bias towards the header and tables at the front, where a flip changes the most
            pos = rng.randrange(min(len(mutated), rng.choice([0x70, 0x2000, len(mutated)])))
            mutated[pos] = rng.randrange(256)
        out.append(bytes(mutated))
    return out


def test_fuzzed_manifest_and_dex_raise_only_apk_error(tmp_path: Path, shared_data: Path) -> None:
    """Seeded random byte flips in a real manifest and DEX: extraction succeeds or raises ApkError."""
    source = shared_data / "apps" / "apks" / "androguard__com.politedroid_4.apk"
    if not source.exists():
        pytest.skip("politedroid APK absent")
    with zipfile.ZipFile(source) as archive:
        real_manifest, real_dex = archive.read("AndroidManifest.xml"), archive.read("classes.dex")
    rng = random.Random(20261130)
    cases = [(m, real_dex) for m in _mutations(real_manifest, rng, 100)]
    cases += [(real_manifest, d) for d in _mutations(real_dex, rng, 200)]
    for index, (manifest_bytes, dex_bytes) in enumerate(cases):
        path = write_zip(
            tmp_path / f"fuzz{index}.apk", {"AndroidManifest.xml": manifest_bytes, "classes.dex": dex_bytes}
        )
        try:
            extract_facts(path)
        except ApkError as exc:
            # a specific message, not the last-resort net for structure errors nobody checked for
            assert "malformed APK content" not in str(exc), (index, str(exc))
        path.unlink()
