"""Extraction on real APKs (../shared/data/apps/apks, skipped when absent), checked against androguard."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from yinsi.apps import AppFacts, extract_facts
from yinsi.apps.dex import Dex, descriptor_to_name
from yinsi.core.errors import ApkError

APK_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "apps" / "apks"
APKS = sorted(APK_DIR.glob("*.apk")) if APK_DIR.is_dir() else []
# Files in the corpus that are not auditable applications, and why (androguard's own test inputs).
UNUSABLE = {
    "androguard__AndroidManifest_ShortName.apk": "no classes.dex",
    "androguard__compact-entry.apk": "no classes.dex",
    "androguard__CertChain.apk": "no AndroidManifest.xml",
    "androguard__multidex.apk": "no AndroidManifest.xml",
    "androguard__empty-unsigned.apk": "no AndroidManifest.xml",
}
_DEX = re.compile(r"classes\d*\.dex")


@pytest.fixture(autouse=True)
def _quiet_androguard() -> None:
    pytest.importorskip("androguard")
    from loguru import logger

    logger.remove()


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.mark.parametrize("apk", APKS, ids=_ids(APKS))
def test_dex_class_sets_identical_to_androguard(shared_data: Path, apk: Path) -> None:
    from androguard.core.dex import DEX

    with zipfile.ZipFile(apk) as archive:
        names = [n for n in archive.namelist() if _DEX.fullmatch(n)]
        if not names:
            pytest.skip("no DEX file in this APK")
        for name in names:
            data = archive.read(name)
            ours = {descriptor_to_name(d) for d in Dex(data, name).class_descriptors()}
            theirs = {descriptor_to_name(d) for d in DEX(data).get_classes_names()}
            assert ours == theirs, name


@pytest.mark.parametrize("apk", APKS, ids=_ids(APKS))
def test_manifest_matches_androguard(shared_data: Path, apk: Path) -> None:
    from androguard.core.apk import APK

    if apk.name in UNUSABLE:
        with pytest.raises(ApkError, match=UNUSABLE[apk.name]):
            extract_facts(apk)
        return
    facts = extract_facts(apk)
    ref = APK(str(apk))
    assert facts.package == ref.get_package()
    assert facts.version_name == ref.get_androidversion_name()
    assert str(facts.version_code) == str(ref.get_androidversion_code())
    assert facts.min_sdk == int(ref.get_min_sdk_version() or 1)  # Android's default is 1
    assert facts.target_sdk == ref.get_effective_target_sdk_version()
    # androguard leaves out <uses-permission-sdk-23>; Android grants those on API 23+, so they count.
    sdk23 = {
        el.get("{http://schemas.android.com/apk/res/android}name")
        for el in ref.get_android_manifest_xml().iter("uses-permission-sdk-23")
    }
    assert set(facts.permissions) == set(ref.get_permissions()) | sdk23
    kinds = {
        kind: {c.name for c in facts.components if c.kind in kinds_of} for kind, kinds_of in _KINDS.items()
    }
    assert kinds["activity"] == set(ref.get_activities())
    assert kinds["service"] == set(ref.get_services())
    assert kinds["receiver"] == set(ref.get_receivers())
    assert kinds["provider"] == set(ref.get_providers())
    assert (facts.label or "") == (ref.get_app_name() or "")  # @string label resolved via resources.arsc
    assert facts.limits == ()
    _check_classes(apk, facts)


_KINDS = {
    "activity": ("activity", "activity-alias"),
    "service": ("service",),
    "receiver": ("receiver",),
    "provider": ("provider",),
}


def _check_classes(apk: Path, facts: AppFacts) -> None:
    with zipfile.ZipFile(apk) as archive:
        count = sum(1 for n in archive.namelist() if _DEX.fullmatch(n))
    assert facts.dex_count == count
    assert facts.classes  # every auditable APK here has code


@pytest.mark.parametrize(
    ("name", "debug", "subject"),
    [
        ("ARouter__arouter-demo.apk", True, "CN=Android Debug,O=Android,C=US"),
        ("androguard__v2-only-with-rsa-pkcs1-sha256-2048.apk", False, "CN=rsa-2048"),  # v2 block only
        ("androguard__v1-only-with-ecdsa-sha256-1.2.840.10045.4.3.2-p256.apk", False, "CN=ec-p256"),  # v1 .EC
        ("androguard__TestActivity_unsigned.apk", None, None),
    ],
)
def test_signing_certificate(shared_data: Path, name: str, debug: bool | None, subject: str | None) -> None:
    path = APK_DIR / name
    if not path.exists():
        pytest.skip(f"{name} absent")
    cert = extract_facts(path).certificate
    if subject is None:
        assert cert is None
        return
    assert cert is not None and cert.subject == subject and cert.is_debug is debug
    assert re.fullmatch(r"[0-9a-f]{64}", cert.sha256)


def test_startup_reaches_sdk_initialisation(shared_data: Path) -> None:
    path = APK_DIR / "XUpdate__xupdate_demo_1.0.2.apk"
    if not path.exists():
        pytest.skip("XUpdate demo absent")
    facts = extract_facts(path)
    assert facts.application_class == "com.xuexiang.xupdatedemo.App"
    assert any(call.startswith("com.xuexiang.xupdate.") for call in facts.startup_calls)


def test_label_from_compact_resource_entries(shared_data: Path) -> None:
    """Android 14 compact resource entries (androguard's compact-entry.apk: a table without classes.dex)."""
    from yinsi.apps.manifest import read_manifest
    from yinsi.apps.resources import resolve_string

    path = APK_DIR / "androguard__compact-entry.apk"
    if not path.exists():
        pytest.skip("compact-entry APK absent")
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive.read("AndroidManifest.xml"))
        arsc = archive.read("resources.arsc")
    assert manifest.label is None and manifest.label_resource == 0x7F010000
    assert resolve_string(arsc, 0x7F010000) == "erev0s.com-CompactEntry"
    assert resolve_string(arsc, 0x7F010001) is None  # no such entry
    assert resolve_string(arsc[: len(arsc) // 2], 0x7F010000) is None  # truncated table: unresolved, no error
    assert resolve_string(b"garbage", 0x7F010000) is None
