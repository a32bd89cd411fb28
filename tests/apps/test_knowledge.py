"""The knowledge base: complete, well-formed, validated on load, and free of known false positives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from yinsi.apps.knowledge import default_knowledge, load_knowledge
from yinsi.apps.trackers import TrackerIndex
from yinsi.core.errors import ConfigurationError

KB = default_knowledge()
DATA = Path(__file__).resolve().parents[2] / "src" / "yinsi" / "data" / "apps"
JAVA_NAME = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


def test_all_39_categories_of_the_2021_rule_in_order() -> None:
    assert [category.number for category in KB.categories] == list(range(1, 40))
    assert len({category.zh for category in KB.categories}) == 39
    assert len({category.en for category in KB.categories}) == 39


def test_thirteen_categories_need_no_personal_information() -> None:
    # The regulation: 39 categories, 13 of them (21, 27-38) need no PI for the basic service.
    assert [c.number for c in KB.categories if not c.necessary] == [21, *range(27, 39)]


def test_categories_match_the_shared_transcription(shared_data: Path) -> None:
    source = yaml.safe_load((shared_data / "apps" / "necessary_pi_2021.yaml").read_text(encoding="utf-8"))
    for entry, category in zip(source["categories"], KB.categories, strict=True):
        assert (entry["id"], entry["zh"]) == (category.number, category.zh)
        assert [item.text for item in category.necessary] == [
            text for text in entry["necessary_pi"]
        ] or entry["id"] in {1, 9}  # merged/shortened wording
        assert bool(entry["necessary_pi"]) == bool(category.necessary)


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("36", 36),
        ("拍摄美化类", 36),
        ("拍摄美化", 36),
        ("Photo capture and beautification", 36),
        ("1", 1),
        ("地图导航类", 1),
        ("map navigation", 1),
        (" 39 ", 39),
        ("网络借贷类", 12),
    ],
)
def test_category_lookup(query: str, number: int) -> None:
    category = KB.category(query)
    assert category is not None and category.number == number


@pytest.mark.parametrize("query", ["unknown", "未知", "UNKNOWN"])
def test_unknown_category_is_none(query: str) -> None:
    assert KB.category(query) is None


@pytest.mark.parametrize("query", ["0", "40", "火星类", "photo"])
def test_bad_category_names_the_choices(query: str) -> None:
    with pytest.raises(ConfigurationError, match="1-39"):
        KB.category(query)


def test_photo_category_needs_no_location() -> None:
    photo = KB.category("拍摄美化类")
    assert photo is not None and "location" not in photo.necessary_types
    assert "location" not in photo.functional


def test_every_tracker_prefix_is_well_formed_and_unique() -> None:
    owners: dict[str, str] = {}
    for tracker in KB.trackers:
        assert tracker.packages, tracker.id
        for prefix in (*tracker.packages, *tracker.excludes):
            assert JAVA_NAME.match(prefix), (tracker.id, prefix)
            assert not prefix.endswith("."), prefix
        for prefix in tracker.packages:
            assert prefix not in owners, (prefix, owners.get(prefix), tracker.id)
            owners[prefix] = tracker.id
        assert tracker.confidence in {"V", "C", "X", "U"}
        assert set(tracker.collects) <= KB.pi_types.keys()


@pytest.mark.parametrize(
    "required",
    [
        "umeng_analytics",
        "umeng_push",
        "umeng_common",
        "jpush",
        "jiguang_core",
        "jverification",
        "getui",
        "tencent_bugly",
        "tencent_mta",
        "tencent_tpns",
        "tencent_gdt",
        "baidu_mobstat",
        "baidu_location",
        "baidu_map",
        "amap_location",
        "amap_map",
        "alipay_sdk",
        "pangle_csj",
        "kuaishou_ads",
        "sensors_data",
        "talkingdata",
        "growingio",
        "sharesdk",
        "mobtech_core",
        "iflytek",
        "shumei",
        "tongdun",
        "xiaomi_push",
        "huawei_push",
        "oppo_push",
        "vivo_push",
        "meizu_push",
        "firebase_analytics",
        "crashlytics",
        "admob",
        "facebook_analytics",
        "appsflyer",
        "adjust",
    ],
)
def test_required_sdks_are_covered(required: str) -> None:
    assert required in {tracker.id for tracker in KB.trackers}


# Harmless libraries that naive vendor prefixes (com.alibaba, com.bytedance, com.tencent) would flag.
@pytest.mark.parametrize(
    "class_name",
    [
        "com.alibaba.android.arouter.launcher.ARouter",
        "com.alibaba.android.arouter.facade.Postcard",
        "com.alibaba.fastjson.JSON",
        "com.alibaba.fastjson.parser.DefaultJSONParser",
        "com.alibaba.android.vlayout.VirtualLayoutManager",
        "com.xuexiang.xupdate.XUpdate",
        "com.xuexiang.xupdate.entity.UpdateEntity",
        "com.xuexiang.xutil.XUtil",
        "com.bytedance.boost_multidex.BoostMultiDex",
        "com.tencent.mmkv.MMKV",
        "com.tencent.tinker.lib.Tinker",
        "com.google.android.gms.ads.identifier.AdvertisingIdClient",
        "com.umengx.Foo",
        "com.mobvista.Foo",
        "com.facebook.react.ReactActivity",
        "com.facebook.fresco.Fresco",
        "com.baidu.tts.Foo",
    ],
)
def test_harmless_libraries_match_no_tracker(class_name: str) -> None:
    assert TrackerIndex(KB.trackers).owner_of(class_name) is None


def test_permissions_and_apis_map_to_known_pi_types() -> None:
    assert KB.permissions["android.permission.ACCESS_FINE_LOCATION"].pi_types == ("location",)
    assert KB.permissions["android.permission.READ_CONTACTS"].dangerous
    assert not KB.permissions["android.permission.ACCESS_WIFI_STATE"].dangerous
    for api in (
        "android.telephony.TelephonyManager.getDeviceId",
        "android.net.wifi.WifiManager.getScanResults",
        "android.content.pm.PackageManager.getInstalledPackages",
        "android.content.ClipboardManager.getPrimaryClip",
        "java.net.NetworkInterface.getHardwareAddress",
        "android.provider.Settings$Secure.getString",
        "android.provider.CallLog$Calls.CONTENT_URI",
    ):
        assert api in KB.apis
    assert "android.provider.Settings.Secure.getString" in KB.sensitive_api_names()


def test_every_knowledge_file_is_versioned_with_a_source() -> None:
    for name in ("trackers", "permissions", "categories", "packers"):
        document = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        assert document["version"] and document["source"], name
        assert KB.versions[name] == str(document["version"])


def _broken_copy(tmp_path: Path, file_name: str, old: str, new: str) -> Path:
    copy = tmp_path / "kb"
    shutil.copytree(DATA, copy)
    text = (copy / file_name).read_text(encoding="utf-8")
    assert old in text
    (copy / file_name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        (
            "trackers.yaml",
            "packages: [com.umeng.analytics]",
            "packages: [com.umeng.analytics.]",
            r"trackers\.yaml: trackers entry 'umeng_analytics': package prefix",
        ),
        (
            "trackers.yaml",
            "packages: [com.umeng.analytics]",
            "packages: [com.umeng.*]",
            r"trackers\.yaml: trackers entry 'umeng_analytics'",
        ),
        (
            "trackers.yaml",
            "packages: [com.umeng.analytics]",
            "packages: [com.umeng.commonsdk]",
            r"already belongs to 'umeng_common'",
        ),
        (
            "trackers.yaml",
            "collects: [device_id, location, wifi]",
            "collects: [device_id, soul]",
            r"unknown PI type 'soul'",
        ),
        (
            "trackers.yaml",
            "post_consent: [com.igexin.sdk.PushManager.initialize]",
            "post_consent: [initialize]",
            r"trackers entry 'getui': call 'initialize'",
        ),
        ("categories.yaml", "number: 2\n", "number: 3\n", r"categories\.yaml: .*numbered in order"),
        (
            "permissions.yaml",
            "dangerous: true}",
            "dangerous: maybe}",
            r"permissions\.yaml: permissions entry",
        ),
        ("packers.yaml", "version:", "versions:", r"packers\.yaml: missing top-level key 'version'"),
    ],
)
def test_validation_names_file_and_entry(
    tmp_path: Path, file_name: str, old: str, new: str, message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        load_knowledge(_broken_copy(tmp_path, file_name, old, new))


def test_default_knowledge_is_loaded_once() -> None:
    assert default_knowledge() is default_knowledge()
