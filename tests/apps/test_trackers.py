"""Tracker matching: segment-anchored prefixes, longest prefix wins, manifest keys, native libraries,
and Exodus-format signature files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yinsi.apps.facts import AppFacts
from yinsi.apps.knowledge import default_knowledge
from yinsi.apps.trackers import TrackerIndex, load_exodus_trackers
from yinsi.core.errors import ConfigurationError

INDEX = TrackerIndex(default_knowledge().trackers)


def facts(
    classes: tuple[str, ...] = (), meta: tuple[str, ...] = (), libraries: tuple[str, ...] = ()
) -> AppFacts:
    return AppFacts(
        path="t.apk",
        sha256="0" * 64,
        size=1,
        package="com.example.t",
        classes=frozenset(classes),
        meta_data_keys=meta,
        native_libraries=libraries,
    )


@pytest.mark.parametrize(
    ("class_name", "owner"),
    [
        ("com.umeng.analytics.MobclickAgent", "umeng_analytics"),
        ("com.umeng.commonsdk.UMConfigure", "umeng_common"),
        ("com.umeng.message.PushAgent", "umeng_push"),
        ("com.umeng.fb.FeedbackAgent", "umeng_other"),  # catch-all for Umeng modules without an entry
        ("com.umengx.Foo", None),  # segment boundary
        ("cn.jpush.android.api.JPushInterface", "jpush"),
        ("cn.jiguang.api.utils.JCollectionAuth", "jiguang_core"),
        ("cn.jiguang.verifysdk.api.JVerificationInterface", "jverification"),
        ("com.igexin.sdk.PushManager", "getui"),
        ("com.getui.gtc.GtcService", "getui"),
        ("com.tencent.bugly.crashreport.CrashReport", "tencent_bugly"),
        ("com.tencent.android.tpush.XGPushManager", "tencent_tpns"),
        ("com.qq.e.comm.managers.GDTAdSdk", "tencent_gdt"),
        ("com.amap.api.location.AMapLocationClient", "amap_location"),
        ("com.amap.api.maps.MapView", "amap_map"),
        ("com.bytedance.sdk.openadsdk.TTAdSdk", "pangle_csj"),
        ("com.bytedance.msdk.api.v2.GMMediationAdSdk", "pangle_gromore"),
        ("com.bytedance.boost_multidex.BoostMultiDex", None),
        ("com.google.android.gms.ads.AdView", "admob"),
        ("com.google.android.gms.ads.identifier.AdvertisingIdClient", None),  # excluded sub-package
        ("com.google.android.gms.ads.identifier.AdvertisingIdClient$Info", None),
        ("com.facebook.appevents.AppEventsLogger", "facebook_analytics"),
        ("com.facebook.react.ReactActivity", None),
        ("com.alibaba.sdk.android.push.CloudPushService", "aliyun_emas_push"),
        ("com.alibaba.fastjson.JSON", None),
        ("com.alibaba.android.arouter.launcher.ARouter", None),
    ],
)
def test_owner_of(class_name: str, owner: str | None) -> None:
    assert INDEX.owner_of(class_name) == owner


def test_match_collects_evidence() -> None:
    found = INDEX.match(
        facts(
            classes=("com.umeng.analytics.MobclickAgent", "com.umeng.analytics.pro.A", "com.example.t.Main"),
            meta=("BUGLY_APPID",),
            libraries=("libjiagu.so", "libBugly-rqd.so"),
        )
    )
    by_id = {match.tracker.id: match for match in found}
    assert set(by_id) == {"umeng_analytics", "tencent_bugly"}
    assert by_id["umeng_analytics"].class_count == 2
    assert by_id["umeng_analytics"].prefixes == ("com.umeng.analytics",)
    assert by_id["tencent_bugly"].meta_data == ("BUGLY_APPID",)
    assert by_id["tencent_bugly"].native_libraries == ("libBugly-rqd.so",)
    assert not by_id["tencent_bugly"].code_evidence


def test_shared_manifest_key_without_sibling_code_is_reported_once() -> None:
    # JPUSH_APPKEY belongs to JPush and JCore; with JPush code present, JCore is not claimed from it.
    found = INDEX.match(facts(classes=("cn.jpush.android.api.JPushInterface",), meta=("JPUSH_APPKEY",)))
    assert [match.tracker.id for match in found] == ["jpush"]


def test_no_trackers_in_a_clean_app() -> None:
    assert INDEX.match(facts(classes=("com.example.t.Main", "androidx.core.app.ActivityCompat"))) == ()


def _exodus_file(tmp_path: Path, trackers: dict[str, dict[str, object]]) -> Path:
    path = tmp_path / "trackers.json"
    path.write_text(json.dumps({"trackers": trackers}), encoding="utf-8")
    return path


def test_exodus_file_adds_trackers_and_folds_known_ones(tmp_path: Path) -> None:
    path = _exodus_file(
        tmp_path,
        {
            "1": {
                "id": 1,
                "name": "Umeng Analytics",
                "code_signature": "com.umeng.analytics",
                "categories": [],
            },
            "2": {
                "id": 2,
                "name": "Teemo",
                "code_signature": "com.databerries.|com.geolocation.android.",
                "categories": ["Location"],
            },
            "3": {"id": 3, "name": "Empty", "code_signature": "", "categories": []},
        },
    )
    signatures = load_exodus_trackers(path)
    assert [signature.name for signature in signatures] == ["Umeng Analytics", "Teemo"]  # empty skipped
    index = TrackerIndex((*default_knowledge().trackers, *signatures))
    found = index.match(facts(classes=("com.umeng.analytics.MobclickAgent", "com.databerries.Sdk")))
    by_name = {match.tracker.name: match for match in found}
    assert by_name["Umeng U-App analytics"].also_known_as == ("Umeng Analytics",)
    assert by_name["Teemo"].tracker.categories == ("location",)
    assert "Umeng Analytics" not in by_name


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[1, 2]",
        '{"trackers": {"1": {"id": 1}}}',
        '{"trackers": {"1": {"name": "x", "code_signature": "("}}}',
    ],
)
def test_bad_exodus_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"bad\.json"):
        load_exodus_trackers(path)


def test_real_exodus_file_loads(shared_data: Path) -> None:
    signatures = load_exodus_trackers(shared_data / "apps" / "exodus_trackers.json")
    assert len(signatures) > 300
    assert all(signature.code_regex for signature in signatures)


def test_exodus_references_name_existing_trackers(shared_data: Path) -> None:
    path = shared_data / "apps" / "exodus_trackers.json"
    exodus = json.loads(path.read_text(encoding="utf-8"))["trackers"]
    cited = {
        int(reference.split(":", 1)[1]): tracker.id
        for tracker in default_knowledge().trackers
        for reference in tracker.references
        if reference.startswith("exodus:")
    }
    assert cited and all(str(exodus_id) in exodus for exodus_id in cited), cited
