"""Every app-audit rule on hand-built AppFacts: one parametrized table per rule, plus the rule contract."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from yinsi.apps.audit import audit_facts
from yinsi.apps.facts import AppFacts, Component
from yinsi.apps.findings import AppFinding, Severity
from yinsi.apps.rules.registry import discover

P = "android.permission."
BASE = AppFacts(
    path="t.apk",
    sha256="0" * 64,
    size=1,
    package="com.example.t",
    min_sdk=21,
    target_sdk=30,
    uses_cleartext_traffic=False,
    classes=frozenset({"com.example.t.MainActivity"}),
)


def make(**changes: Any) -> AppFacts:
    return replace(BASE, **changes)


def run(rule_id: str, facts: AppFacts, category: str | None = None) -> list[AppFinding]:
    return [f for f in audit_facts(facts, category=category).findings if f.rule_id == rule_id]


def summary(findings: list[AppFinding]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((finding.severity.value, finding.pi_types) for finding in findings)


def test_rule_contract() -> None:
    rules = discover()
    ids = {rule.id for rule in rules}
    assert {
        "apps.excess_permission",
        "apps.tracker_sdk",
        "apps.pre_consent_collection",
        "apps.legacy_target_sdk",
        "apps.many_dangerous_permissions",
        "apps.exported_component",
        "apps.cleartext_traffic",
        "apps.packed_apk",
    } <= ids
    for rule in rules:
        assert rule.id.startswith("apps.") and rule.title_zh and rule.title_en and rule.references
        assert rule.max_deduction >= 0 and isinstance(rule.severity, Severity)
        assert rule.__module__.rsplit(".", 1)[1] == rule.id.split(".", 1)[1], "one rule per file, named by id"


LOCATION = (P + "ACCESS_FINE_LOCATION",)


@pytest.mark.parametrize(
    ("facts", "category", "expected"),
    [
        # The Meitu case: a photo app reading location.
        (make(permissions=LOCATION), "拍摄美化类", [("high", ("location",))]),
        (make(permissions=(P + "CAMERA", P + "READ_MEDIA_IMAGES")), "拍摄美化类", []),  # the service itself
        (make(permissions=LOCATION), "地图导航类", []),
        (make(permissions=LOCATION), "22", []),  # bike sharing needs location
        # The Paipaidai case: a lending app reading contacts and SMS.
        (
            make(permissions=(P + "READ_CONTACTS", P + "READ_SMS")),
            "网络借贷类",
            [("high", ("contacts",)), ("high", ("sms",))],
        ),
        (make(api_calls=(("content://sms/inbox", ("com.example.t.Loan",)),)), "12", [("high", ("sms",))]),
        # Wifi-key apps: a utility reading saved networks and location.
        (
            make(api_calls=(("android.net.wifi.WifiManager.getConfiguredNetworks", ("com.example.t.W",)),)),
            "实用工具类",
            [("medium", ("wifi",))],
        ),
        (
            make(api_calls=(("android.telephony.TelephonyManager.getDeviceId", ("com.example.t.A",)),)),
            "news",
            [("medium", ("device_id",))],
        ),
        (make(permissions=(P + "READ_PHONE_NUMBERS",)), "即时通信类", []),  # phone number is necessary there
        (
            make(permissions=(P + "READ_CONTACTS",)),
            "即时通信类",
            [("high", ("contacts",))],
        ),  # IM friend list ≠ address book
        (
            make(permissions=(*LOCATION, P + "READ_CONTACTS")),
            None,
            [("low", ("location",)), ("medium", ("contacts",))],
        ),
        (
            make(permissions=(P + "READ_SMS", P + "READ_PHONE_STATE")),
            "unknown",
            [("medium", ("sms", "device_id"))],
        ),
        (make(permissions=LOCATION), "unknown", [("low", ("location",))]),
        (make(permissions=(P + "INTERNET",)), "36", []),
        # Settings.Secure.getString is ambiguous: Android's support library reads other settings with it.
        (
            make(
                api_calls=(
                    (
                        "android.provider.Settings$Secure.getString",
                        ("android.support.v4.app.NotificationManagerCompat",),
                    ),
                )
            ),
            "36",
            [],
        ),
        (
            make(
                api_calls=(
                    (
                        "android.provider.Settings$Secure.getString",
                        ("androidx.core.app.NotificationManagerCompat", "com.example.t.Ids"),
                    ),
                )
            ),
            "36",
            [("medium", ("device_id",))],
        ),
    ],
)
def test_excess_permission(
    facts: AppFacts, category: str | None, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert summary(run("apps.excess_permission", facts, category)) == sorted(expected)


def test_excess_permission_cites_the_category_item() -> None:
    [finding] = run("apps.excess_permission", make(permissions=LOCATION), "拍摄美化类")
    cited = [str(reference) for reference in finding.references]
    assert cited[0] == "必要个人信息范围规定(2021) 第五条第（36）项"
    assert "认定方法(2019) 四.1" in cited and "GB/T 41391-2022 6.2" in cited
    assert "位置信息不是拍摄美化类的必要个人信息" in finding.message_zh
    assert "Location is not necessary" in finding.message_en
    assert "permission android.permission.ACCESS_FINE_LOCATION" in finding.evidence


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (("com.qq.e.ads.ADActivity",), [("medium", "tencent_gdt")]),
        (("com.umeng.analytics.MobclickAgent",), [("low", "umeng_analytics")]),
        (("com.tencent.mm.opensdk.openapi.WXAPIFactory",), [("info", "wechat_opensdk")]),
        (("com.alibaba.fastjson.JSON", "com.alibaba.android.arouter.launcher.ARouter"), []),
    ],
)
def test_tracker_sdk(classes: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    findings = run("apps.tracker_sdk", make(classes=frozenset(classes)))
    assert sorted((f.severity.value, f.tracker) for f in findings) == expected


UM = "com.umeng.commonsdk.UMConfigure"
UM_CLASSES = frozenset({UM, "com.umeng.analytics.MobclickAgent"})


@pytest.mark.parametrize(
    ("classes", "startup", "expected"),
    [
        (UM_CLASSES, (f"{UM}.preInit",), []),  # vendor-documented pre-consent call
        (UM_CLASSES, (f"{UM}.preInit", f"{UM}.init"), [("high", "umeng_common")]),
        (UM_CLASSES, (f"{UM}.init", "com.example.t.PrivacyHelper.isAgreed"), [("low", "umeng_common")]),
        (
            frozenset({"com.igexin.sdk.PushManager"}),
            ("com.igexin.sdk.PushManager.initialize", "com.igexin.sdk.PushManager.<init>"),
            [("high", "getui")],
        ),
        (
            frozenset({"com.tencent.tencentmap.mapsdk.maps.TencentMapInitializer"}),
            ("com.tencent.tencentmap.mapsdk.maps.TencentMapInitializer.setAgreePrivacy",),
            [("high", "tencent_map")],
        ),
        (
            frozenset({"com.ishumei.smantifraud.SmAntiFraud"}),
            ("com.ishumei.smantifraud.SmAntiFraud.create",),
            [("high", "shumei")],
        ),
        (
            frozenset({"com.onesignal.OneSignal"}),
            ("com.onesignal.OneSignal.initWithContext",),
            [("medium", "onesignal")],
        ),
        (frozenset(), ("android.telephony.TelephonyManager.getDeviceId",), [("high", None)]),
        (frozenset(), ("android.provider.ContactsContract$Contacts.CONTENT_URI",), [("high", None)]),
        (frozenset(), ("com.example.t.App.setupLogging", "android.util.Log.d"), []),
        (UM_CLASSES, (), []),
    ],
)
def test_pre_consent_collection(
    classes: frozenset[str], startup: tuple[str, ...], expected: list[tuple[str, str | None]]
) -> None:
    findings = run("apps.pre_consent_collection", make(classes=classes, startup_calls=startup))
    assert sorted((f.severity.value, f.tracker) for f in findings) == expected, findings
    assert all(f.heuristic and f.title_en == "Suspected collection before consent" for f in findings)


@pytest.mark.parametrize(
    ("target", "minimum", "permissions", "expected"),
    [
        (22, 15, (P + "READ_CONTACTS",), ["high"]),
        (22, 15, (P + "INTERNET",), ["low"]),
        (23, 15, (P + "READ_CONTACTS",), []),
        (None, 19, (P + "CAMERA",), ["high"]),  # Android defaults targetSdk to minSdk
        (None, None, (), ["low"]),  # and minSdk to 1
    ],
)
def test_legacy_target_sdk(
    target: int | None, minimum: int | None, permissions: tuple[str, ...], expected: list[str]
) -> None:
    facts = make(target_sdk=target, min_sdk=minimum, permissions=permissions, uses_cleartext_traffic=False)
    assert [f.severity.value for f in run("apps.legacy_target_sdk", facts)] == expected


DANGEROUS = tuple(
    P + name
    for name in (
        "ACCESS_FINE_LOCATION",
        "ACCESS_COARSE_LOCATION",
        "READ_CONTACTS",
        "WRITE_CONTACTS",
        "READ_SMS",
        "RECEIVE_SMS",
        "READ_CALL_LOG",
        "CAMERA",
        "RECORD_AUDIO",
        "READ_PHONE_STATE",
        "READ_CALENDAR",
        "WRITE_CALENDAR",
        "BODY_SENSORS",
        "GET_ACCOUNTS",
        "CALL_PHONE",
        "SEND_SMS",
    )
)


@pytest.mark.parametrize(("count", "expected"), [(5, []), (6, ["low"]), (10, ["medium"]), (15, ["high"])])
def test_many_dangerous_permissions(count: int, expected: list[str]) -> None:
    facts = make(permissions=(*DANGEROUS[:count], P + "INTERNET", P + "ACCESS_WIFI_STATE"))
    assert [f.severity.value for f in run("apps.many_dangerous_permissions", facts)] == expected


@pytest.mark.parametrize(
    ("component", "target", "expected"),
    [
        (Component("provider", "com.example.t.Files", True), 30, ["medium"]),
        (Component("provider", "com.example.t.Files", True, permission="com.example.t.READ"), 30, []),
        (Component("provider", "com.example.t.Files", None), 16, ["medium"]),  # old default: exported
        (Component("provider", "com.example.t.Files", None), 30, []),
        (Component("receiver", "com.example.t.Boot", None, has_intent_filter=True), 30, ["low"]),
        (Component("service", "com.example.t.Sync", False, has_intent_filter=True), 30, []),
        (Component("activity", "com.example.t.MainActivity", True, has_intent_filter=True), 30, []),
    ],
)
def test_exported_component(component: Component, target: int, expected: list[str]) -> None:
    facts = make(components=(component,), target_sdk=target)
    assert [f.severity.value for f in run("apps.exported_component", facts)] == expected


@pytest.mark.parametrize(
    ("cleartext", "target", "config", "expected"),
    [
        (True, 30, False, ["medium"]),
        (None, 27, False, ["low"]),
        (None, 28, False, []),
        (None, 27, True, []),
        (False, 22, False, []),
    ],
)
def test_cleartext_traffic(cleartext: bool | None, target: int, config: bool, expected: list[str]) -> None:
    facts = make(uses_cleartext_traffic=cleartext, target_sdk=target, network_security_config=config)
    assert [f.severity.value for f in run("apps.cleartext_traffic", facts)] == expected


@pytest.mark.parametrize(
    ("changes", "packers"),
    [
        ({"native_libraries": ("lib/arm64-v8a/libjiagu_a64.so",)}, ["360加固"]),
        ({"native_libraries": ("libSecShell.so",)}, ["梆梆加固"]),
        ({"native_libraries": ("libexec.so",), "assets": ("ijiami.dat",)}, ["爱加密"]),
        ({"native_libraries": ("libshella-2.10.so",)}, ["腾讯乐固"]),
        ({"native_libraries": ("libbaiduprotect.so",)}, ["百度加固"]),
        ({"classes": frozenset({"com.stub.StubApp"})}, ["360加固"]),
        ({"native_libraries": ("libc++_shared.so",)}, []),
    ],
)
def test_packed_apk_limits_the_audit(changes: dict[str, Any], packers: list[str]) -> None:
    audit = audit_facts(make(**changes))
    found = [f for f in audit.findings if f.rule_id == "apps.packed_apk"]
    assert [
        next(p for p in ("360加固", "梆梆加固", "爱加密", "腾讯乐固", "百度加固") if p in f.message_zh)
        for f in found
    ] == packers
    assert audit.limited == bool(packers)
    assert all(f.severity is Severity.INFO for f in found)


def test_debuggable_and_extraction_limits() -> None:
    audit = audit_facts(make(debuggable=True, limits=("dex: class budget 200000 reached",)))
    assert {f.rule_id for f in audit.findings} == {"apps.debuggable", "apps.extraction_limits"}
    assert audit.limited


def test_clean_app_has_no_findings() -> None:
    audit = audit_facts(make(permissions=(P + "INTERNET",)), category="38")
    assert audit.findings == () and audit.score.value == 100 and audit.score.grade == "A"
