"""Extraction on the sample APKs built from source: exact manifest facts, classes, API callers, startup."""

from __future__ import annotations

from pathlib import Path

import pytest
from apk_helpers import sample_apks

from yinsi.apps import AppFacts, extract_facts

P = "android.permission."


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AppFacts]:
    return {name: extract_facts(path) for name, path in sample_apks(tmp_path_factory).items()}


@pytest.mark.parametrize(
    ("sample", "package", "sdk", "permissions"),
    [
        (
            "selfie",
            "com.example.selfie",
            (21, 30),
            {
                "CAMERA",
                "ACCESS_FINE_LOCATION",
                "ACCESS_COARSE_LOCATION",
                "WRITE_EXTERNAL_STORAGE",
                "INTERNET",
            },
        ),
        (
            "lending",
            "com.example.lending",
            (21, 22),
            {"READ_CONTACTS", "READ_SMS", "RECEIVE_SMS", "READ_PHONE_STATE", "INTERNET"},
        ),
        (
            "wifi",
            "com.example.wifikey",
            (21, 28),
            {
                "ACCESS_WIFI_STATE",
                "CHANGE_WIFI_STATE",
                "ACCESS_FINE_LOCATION",
                "ACCESS_COARSE_LOCATION",
                "INTERNET",
            },
        ),
        (
            "sdk_before_consent",
            "com.example.news",
            (21, 31),
            {"READ_PHONE_STATE", "ACCESS_WIFI_STATE", "INTERNET"},
        ),
        ("clean", "com.example.notes", (24, 33), set()),
    ],
)
def test_manifest_identity_and_permissions(
    facts: dict[str, AppFacts], sample: str, package: str, sdk: tuple[int, int], permissions: set[str]
) -> None:
    app = facts[sample]
    assert app.package == package
    assert (app.min_sdk, app.target_sdk) == sdk
    assert (app.version_code, app.version_name) == (7, "1.2.0")
    assert app.permissions == tuple(sorted(P + p for p in permissions))
    assert app.dex_count == 1
    assert app.limits == ()  # nothing truncated, no malformed bytecode (switch/array payloads included)


def test_max_sdk_and_sdk23_permission_variants(facts: dict[str, AppFacts]) -> None:
    assert facts["selfie"].permission_max_sdk == ((P + "WRITE_EXTERNAL_STORAGE", 28),)
    assert P + "ACCESS_COARSE_LOCATION" in facts["wifi"].permissions  # declared via uses-permission-sdk-23


@pytest.mark.parametrize(
    ("sample", "components", "exported"),
    [
        ("clean", {("activity", "com.example.notes.MainActivity", True)}, {"com.example.notes.MainActivity"}),
        (
            "lending",
            {
                ("activity", "com.example.lending.MainActivity", True),
                ("receiver", "com.example.lending.SmsReceiver", None),
            },
            # targetSdk 22, intent filter, no android:exported → exported by default
            {"com.example.lending.MainActivity", "com.example.lending.SmsReceiver"},
        ),
        (
            "wifi",
            {
                ("activity", "com.example.wifikey.MainActivity", True),
                ("service", "com.example.wifikey.ShareService", True),
            },
            {"com.example.wifikey.MainActivity", "com.example.wifikey.ShareService"},
        ),
        (
            "sdk_before_consent",
            {
                ("activity", "com.example.news.MainActivity", True),
                ("provider", "androidx.startup.InitializationProvider", False),
                ("provider", "com.example.news.SdkInitProvider", False),
                ("service", "com.igexin.sdk.PushService", False),
            },
            {"com.example.news.MainActivity"},
        ),
    ],
)
def test_components_and_exported(
    facts: dict[str, AppFacts], sample: str, components: set[tuple[str, str, bool | None]], exported: set[str]
) -> None:
    app = facts[sample]
    assert {(c.kind, c.name, c.exported) for c in app.components} == components
    assert {c.name for c in app.exported_components()} == exported


def test_component_details(facts: dict[str, AppFacts]) -> None:
    launcher = facts["clean"].components[0]
    assert launcher.intent_actions == ("android.intent.action.MAIN",)
    assert launcher.intent_categories == ("android.intent.category.LAUNCHER",)
    receiver = next(c for c in facts["lending"].components if c.kind == "receiver")
    assert receiver.intent_actions == ("android.provider.Telephony.SMS_RECEIVED",)
    provider = next(c for c in facts["sdk_before_consent"].components if c.name.endswith("SdkInitProvider"))
    assert provider.authorities == "com.example.news.sdkinit"


@pytest.mark.parametrize(
    ("sample", "application_class", "meta", "flags"),
    [
        (
            "sdk_before_consent",
            "com.example.news.NewsApp",
            ("PUSH_APPID", "UMENG_APPKEY", "UMENG_CHANNEL", "com.example.news.DeviceInitializer"),
            (True, None),
        ),
        ("lending", None, ("UMENG_CHANNEL",), (None, True)),
        ("clean", None, (), (False, False)),
    ],
)
def test_application_attributes(
    facts: dict[str, AppFacts],
    sample: str,
    application_class: str | None,
    meta: tuple[str, ...],
    flags: tuple[bool | None, bool | None],
) -> None:
    app = facts[sample]
    assert app.application_class == application_class
    assert app.meta_data_keys == meta
    assert (app.allow_backup, app.uses_cleartext_traffic) == flags
    assert app.debuggable is False and app.network_security_config is False


@pytest.mark.parametrize(
    ("sample", "classes"),
    [
        ("selfie", {"com.example.selfie.MainActivity", "com.example.selfie.BeautyCamera"}),
        ("clean", {"com.example.notes.MainActivity"}),
        (
            "sdk_before_consent",
            {
                "com.example.news.MainActivity",
                "com.example.news.NewsApp",
                "com.example.news.NewsApp$1",
                "com.example.news.DeviceInitializer",
                "com.example.news.SdkInitProvider",
                "com.umeng.commonsdk.UMConfigure",
                "com.igexin.sdk.PushManager",
                "com.igexin.sdk.PushService",
            },
        ),
    ],
)
def test_classes(facts: dict[str, AppFacts], sample: str, classes: set[str]) -> None:
    assert facts[sample].classes == frozenset(classes)


@pytest.mark.parametrize(
    ("sample", "api", "callers"),
    [
        (
            "selfie",
            "android.location.LocationManager.getLastKnownLocation",
            ("com.example.selfie.MainActivity",),
        ),
        ("selfie", "android.hardware.Camera.open", ("com.example.selfie.BeautyCamera",)),
        (
            "lending",
            "android.content.ContentResolver.query",
            ("com.example.lending.ContactsUploader", "com.example.lending.SmsReader"),
        ),
        (
            "lending",
            "android.provider.ContactsContract$CommonDataKinds$Phone.CONTENT_URI",
            ("com.example.lending.ContactsUploader",),
        ),  # a field reference (sget-object)
        ("lending", "content://sms/inbox", ("com.example.lending.SmsReader",)),  # a const-string URI
        ("lending", "android.telephony.TelephonyManager.getDeviceId", ("com.example.lending.DeviceInfo",)),
        ("wifi", "android.net.wifi.WifiManager.getConfiguredNetworks", ("com.example.wifikey.WifiScanner",)),
        ("wifi", "android.net.wifi.WifiInfo.getBSSID", ("com.example.wifikey.WifiScanner",)),
        (
            "wifi",
            "android.os.SystemClock.elapsedRealtime",
            ("com.example.wifikey.WifiScanner",),
        ),  # after payloads
        (
            "sdk_before_consent",
            "android.telephony.TelephonyManager.getSubscriberId",
            ("com.igexin.sdk.PushManager",),
        ),
        (
            "sdk_before_consent",
            "android.provider.Settings$Secure.getString",
            ("com.example.news.SdkInitProvider",),
        ),
        # calls between the app's own classes (SDKs bundled in the DEX) are not platform APIs
        ("sdk_before_consent", "com.umeng.commonsdk.UMConfigure.init", ()),
        ("clean", "android.location.LocationManager.getLastKnownLocation", ()),
    ],
)
def test_api_callers(facts: dict[str, AppFacts], sample: str, api: str, callers: tuple[str, ...]) -> None:
    assert facts[sample].callers_of(api) == callers


def test_startup_calls_follow_application_and_provider(facts: dict[str, AppFacts]) -> None:
    startup = set(facts["sdk_before_consent"].startup_calls)
    expected = {
        "com.example.news.NewsApp.initSdks",  # Application.onCreate → initSdks()
        "com.umeng.commonsdk.UMConfigure.init",  # → UMConfigure.init(...)
        "java.lang.Thread.start",
        "com.igexin.sdk.PushManager.getInstance",  # in NewsApp$1.run(), the Runnable given to the thread
        "com.igexin.sdk.PushManager.initialize",
        "android.net.wifi.WifiInfo.getMacAddress",  # inside UMConfigure.init, depth 2
        "android.telephony.TelephonyManager.getSubscriberId",  # inside PushManager.initialize
        "android.provider.Settings$Secure.getString",  # SdkInitProvider.onCreate
        "android.telephony.TelephonyManager.getLine1Number",  # DeviceInitializer.create (App Startup)
    }
    assert expected <= startup
    gated = set(facts["sdk_after_consent"].startup_calls)
    # the consent check and the SDK initialisation behind it are both reachable; rules judge the gate
    assert {"com.example.reader.PrivacyConsent.isAgreed", "com.umeng.commonsdk.UMConfigure.init"} <= gated
    assert "android.content.SharedPreferences.getBoolean" in gated
    assert facts["sdk_after_consent"].application_class == "com.example.reader.ReaderApp"
    for name in ("selfie", "lending", "wifi", "clean"):  # no Application subclass, no provider
        assert facts[name].startup_calls == ()


def test_startup_depth_limit(tmp_path_factory: pytest.TempPathFactory) -> None:
    from yinsi.apps import ExtractionLimits

    path: Path = sample_apks(tmp_path_factory)["sdk_before_consent"]
    shallow = extract_facts(path, limits=ExtractionLimits(startup_depth=0))
    assert "com.umeng.commonsdk.UMConfigure.init" not in shallow.startup_calls  # reached only via initSdks()
    assert "com.example.news.NewsApp.initSdks" in shallow.startup_calls
    budget = extract_facts(path, limits=ExtractionLimits(startup_nodes=1))
    assert any(note.startswith("startup:") for note in budget.limits)


def test_certificate_and_files(facts: dict[str, AppFacts]) -> None:
    cert = facts["clean"].certificate
    assert cert is not None
    assert cert.subject == "CN=yinsi sample,O=yinsi" and cert.issuer == cert.subject
    assert len(cert.sha256) == 64 and not cert.is_debug
    assert cert.not_before is not None and cert.not_after is not None
    assert facts["clean"].native_libraries == () and facts["clean"].assets == ()
    assert len(facts["clean"].sha256) == 64 and facts["clean"].size > 0
