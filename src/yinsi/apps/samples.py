"""Sample APKs built from source: the cases the app audit was written for, reproducible on any machine.

Each sample is a manifest plus smali sources, assembled into a real, signed APK with Debian's
`aapt`, `libsmali-java`, `zipalign` and `apksigner` (no Android SDK needed: android-framework-res stands
in for android.jar when linking resources). The cases follow public enforcement reports: a selfie app
requesting location (the Meitu case), a lending app reading contacts and SMS (the Paipaidai case), a
wifi-key utility reading wifi configuration and location, an app initialising push/analytics SDKs in
`Application.onCreate` before any consent, the same SDK initialised only after a consent check, and a
clean app that should produce no finding.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from yinsi.core.errors import ToolMissingError, YinsiError

FRAMEWORK_RES = Path("/usr/share/android-framework-res/framework-res.apk")
JAVA_LIBS = Path("/usr/share/java")
_SMALI_JARS = (
    "smali.jar",
    "dexlib2.jar",
    "smali-util.jar",
    "antlr3-runtime.jar",
    "guava.jar",
    "jcommander.jar",
)
_PROGRAMS = ("aapt", "zipalign", "apksigner", "keytool", "java")
_SIGNER_DN = "CN=yinsi sample,O=yinsi"
_PASSWORD = "yinsi-sample"  # throwaway key generated per build directory; not a secret


@dataclass(frozen=True, slots=True)
class SampleApp:
    """One sample: its manifest, its smali classes, and the app category it claims to be."""

    name: str
    package: str
    category: str
    summary: str
    manifest: str
    smali: dict[str, str] = field(default_factory=dict)  # class descriptor path "com/x/A" → source


def _manifest(package: str, body: str, *, min_sdk: int = 21, target_sdk: int = 30, app: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="{package}" android:versionCode="7" android:versionName="1.2.0">
  <uses-sdk android:minSdkVersion="{min_sdk}" android:targetSdkVersion="{target_sdk}"/>
{body}
  <application android:label="{package.rsplit(".", 1)[-1]}" {app}>
    <activity android:name=".MainActivity" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.MAIN"/>
        <category android:name="android.intent.category.LAUNCHER"/>
      </intent-filter>
    </activity>
{{components}}
  </application>
</manifest>
"""


def _activity(package: str, on_create: str = "", registers: int = 2, extra: str = "") -> str:
    cls = "L" + package.replace(".", "/") + "/MainActivity;"
    return f""".class public {cls}
.super Landroid/app/Activity;

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .registers {registers}
    invoke-super {{p0, p1}}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
{on_create}    return-void
.end method
{extra}"""


def _plain_class(descriptor: str, body: str, superclass: str = "Ljava/lang/Object;") -> str:
    return f""".class public {descriptor}
.super {superclass}

.method public constructor <init>()V
    .registers 1
    invoke-direct {{p0}}, {superclass}-><init>()V
    return-void
.end method
{body}"""


_LAST_LOCATION = """    const-string v0, "location"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "gps"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
"""
_QUERY = (
    "invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;"
    "[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;"
)


def _selfie() -> SampleApp:
    package = "com.example.selfie"
    manifest = _manifest(
        package,
        """  <uses-permission android:name="android.permission.CAMERA"/>
  <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION"/>
  <uses-permission android:name="android.permission.ACCESS_COARSE_LOCATION"/>
  <uses-permission android:name="android.permission.WRITE_EXTERNAL_STORAGE" android:maxSdkVersion="28"/>
  <uses-permission android:name="android.permission.INTERNET"/>""",
        app='android:allowBackup="false"',
    ).replace("{components}", "")
    camera = """
.method public static open()Landroid/hardware/Camera;
    .registers 1
    invoke-static {}, Landroid/hardware/Camera;->open()Landroid/hardware/Camera;
    move-result-object v0
    return-object v0
.end method
"""
    return SampleApp(
        "selfie",
        package,
        "拍摄美化类",
        "photo beautification app that reads the location (Meitu case)",
        manifest,
        {
            "com/example/selfie/MainActivity": _activity(
                package,
                _LAST_LOCATION
                + "    invoke-static {}, Lcom/example/selfie/BeautyCamera;->open()Landroid/hardware/Camera;\n",
                registers=4,
            ),
            "com/example/selfie/BeautyCamera": _plain_class("Lcom/example/selfie/BeautyCamera;", camera),
        },
    )


def _lending() -> SampleApp:
    package = "com.example.lending"
    manifest = _manifest(
        package,
        """  <uses-permission android:name="android.permission.READ_CONTACTS"/>
  <uses-permission android:name="android.permission.READ_SMS"/>
  <uses-permission android:name="android.permission.RECEIVE_SMS"/>
  <uses-permission android:name="android.permission.READ_PHONE_STATE"/>
  <uses-permission android:name="android.permission.INTERNET"/>""",
        target_sdk=22,
        app='android:usesCleartextTraffic="true"',
    ).replace(
        "{components}",
        """    <receiver android:name=".SmsReceiver">
      <intent-filter><action android:name="android.provider.Telephony.SMS_RECEIVED"/></intent-filter>
    </receiver>
    <meta-data android:name="UMENG_CHANNEL" android:value="official"/>""",
    )
    contacts = f"""
.method public static upload(Landroid/content/Context;)V
    .registers 8
    invoke-virtual {{p0}}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;
    const/4 v2, 0x0
    move-object v3, v2
    move-object v4, v2
    move-object v5, v2
    {_QUERY}
    return-void
.end method
"""
    sms = f"""
.method public static readInbox(Landroid/content/Context;)V
    .registers 8
    invoke-virtual {{p0}}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "content://sms/inbox"
    invoke-static {{v1}}, Landroid/net/Uri;->parse(Ljava/lang/String;)Landroid/net/Uri;
    move-result-object v1
    const/4 v2, 0x0
    move-object v3, v2
    move-object v4, v2
    move-object v5, v2
    {_QUERY}
    return-void
.end method
"""
    device = """
.method public static deviceId(Landroid/content/Context;)Ljava/lang/String;
    .registers 2
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
"""
    receiver = """
.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .registers 3
    invoke-static {p1}, Lcom/example/lending/SmsReader;->readInbox(Landroid/content/Context;)V
    return-void
.end method
"""
    on_create = """    invoke-static {p0}, Lcom/example/lending/ContactsUploader;->upload(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/example/lending/DeviceInfo;->deviceId(Landroid/content/Context;)Ljava/lang/String;
"""
    return SampleApp(
        "lending",
        package,
        "网络借贷类",
        "lending app reading contacts, SMS and the IMEI (Paipaidai case)",
        manifest,
        {
            "com/example/lending/MainActivity": _activity(package, on_create),
            "com/example/lending/ContactsUploader": _plain_class(
                "Lcom/example/lending/ContactsUploader;", contacts
            ),
            "com/example/lending/SmsReader": _plain_class("Lcom/example/lending/SmsReader;", sms),
            "com/example/lending/DeviceInfo": _plain_class("Lcom/example/lending/DeviceInfo;", device),
            "com/example/lending/SmsReceiver": _plain_class(
                "Lcom/example/lending/SmsReceiver;", receiver, "Landroid/content/BroadcastReceiver;"
            ),
        },
    )


def _wifi() -> SampleApp:
    package = "com.example.wifikey"
    manifest = _manifest(
        package,
        """  <uses-permission android:name="android.permission.ACCESS_WIFI_STATE"/>
  <uses-permission android:name="android.permission.CHANGE_WIFI_STATE"/>
  <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION"/>
  <uses-permission-sdk-23 android:name="android.permission.ACCESS_COARSE_LOCATION"/>
  <uses-permission android:name="android.permission.INTERNET"/>""",
        target_sdk=28,
    ).replace(
        "{components}",
        """    <service android:name=".ShareService" android:exported="true"/>""",
    )
    # Switch and array payloads exercise the bytecode walk's payload handling; the invoke after them
    # would be lost if the walk desynchronised.
    scanner = """
.method public static scan(Landroid/content/Context;)V
    .registers 3
    const-string v0, "wifi"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/net/wifi/WifiManager;
    invoke-virtual {v0}, Landroid/net/wifi/WifiManager;->getConfiguredNetworks()Ljava/util/List;
    invoke-virtual {v0}, Landroid/net/wifi/WifiManager;->getScanResults()Ljava/util/List;
    invoke-virtual {v0}, Landroid/net/wifi/WifiManager;->getConnectionInfo()Landroid/net/wifi/WifiInfo;
    move-result-object v1
    invoke-virtual {v1}, Landroid/net/wifi/WifiInfo;->getBSSID()Ljava/lang/String;
    return-void
.end method

.method public static band(I)J
    .registers 5
    const-wide v0, 0x123456789abcdefL
    packed-switch p0, :pswitch
    sparse-switch p0, :sswitch
    const/4 v2, 0x3
    new-array v2, v2, [I
    fill-array-data v2, :array
    invoke-static {}, Landroid/os/SystemClock;->elapsedRealtime()J
    move-result-wide v0
    :case
    return-wide v0
    :pswitch
    .packed-switch 0x1
        :case
        :case
    .end packed-switch
    :sswitch
    .sparse-switch
        0x5 -> :case
        0x2a -> :case
    .end sparse-switch
    :array
    .array-data 4
        0x1
        0x2
        0x3
    .end array-data
.end method
"""
    on_create = (
        """    invoke-static {p0}, Lcom/example/wifikey/WifiScanner;->scan(Landroid/content/Context;)V
"""
        + _LAST_LOCATION
    )
    return SampleApp(
        "wifi",
        package,
        "实用工具类",
        "wifi-key utility reading wifi configuration and location",
        manifest,
        {
            "com/example/wifikey/MainActivity": _activity(package, on_create, registers=4),
            "com/example/wifikey/WifiScanner": _plain_class("Lcom/example/wifikey/WifiScanner;", scanner),
            "com/example/wifikey/ShareService": _plain_class(
                "Lcom/example/wifikey/ShareService;", "", "Landroid/app/Service;"
            ),
        },
    )


_UMENG_SDK = """
.method public static init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    .registers 7
    const-string v0, "wifi"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/net/wifi/WifiManager;
    invoke-virtual {v0}, Landroid/net/wifi/WifiManager;->getConnectionInfo()Landroid/net/wifi/WifiInfo;
    move-result-object v0
    invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;
    return-void
.end method
"""

_GETUI_SDK = """
.method public static getInstance()Lcom/igexin/sdk/PushManager;
    .registers 1
    new-instance v0, Lcom/igexin/sdk/PushManager;
    invoke-direct {v0}, Lcom/igexin/sdk/PushManager;-><init>()V
    return-object v0
.end method

.method public initialize(Landroid/content/Context;)V
    .registers 3
    const-string v0, "phone"
    invoke-virtual {p1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSubscriberId()Ljava/lang/String;
    return-void
.end method
"""


# A Jetpack App Startup initializer: InitializationProvider calls create() while the process starts.
_DEVICE_INITIALIZER = """
.method public create(Landroid/content/Context;)Ljava/lang/Object;
    .registers 3
    const-string v0, "phone"
    invoke-virtual {p1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
"""


def _sdk_before_consent() -> SampleApp:
    package = "com.example.news"
    manifest = _manifest(
        package,
        """  <uses-permission android:name="android.permission.READ_PHONE_STATE"/>
  <uses-permission android:name="android.permission.ACCESS_WIFI_STATE"/>
  <uses-permission android:name="android.permission.INTERNET"/>""",
        target_sdk=31,
        app='android:name=".NewsApp" android:allowBackup="true"',
    ).replace(
        "{components}",
        """    <provider android:name=".SdkInitProvider" android:authorities="com.example.news.sdkinit"
        android:exported="false"/>
    <provider android:name="androidx.startup.InitializationProvider"
        android:authorities="com.example.news.androidx-startup" android:exported="false">
      <meta-data android:name="com.example.news.DeviceInitializer" android:value="androidx.startup"/>
    </provider>
    <service android:name="com.igexin.sdk.PushService" android:exported="false"/>
    <meta-data android:name="UMENG_APPKEY" android:value="5f8a1b2c3d4e5f6a7b8c9d0e"/>
    <meta-data android:name="UMENG_CHANNEL" android:value="official"/>
    <meta-data android:name="PUSH_APPID" android:value="sampleGetuiAppId"/>""",
    )
    app = """
.method public onCreate()V
    .registers 1
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-direct {p0}, Lcom/example/news/NewsApp;->initSdks()V
    return-void
.end method

.method private initSdks()V
    .registers 6
    const-string v0, "5f8a1b2c3d4e5f6a7b8c9d0e"
    const-string v1, "official"
    const/4 v2, 0x1
    const/4 v3, 0x0
    invoke-static {p0, v0, v1, v2, v3}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    new-instance v0, Ljava/lang/Thread;
    new-instance v1, Lcom/example/news/NewsApp$1;
    invoke-direct {v1, p0}, Lcom/example/news/NewsApp$1;-><init>(Lcom/example/news/NewsApp;)V
    invoke-direct {v0, v1}, Ljava/lang/Thread;-><init>(Ljava/lang/Runnable;)V
    invoke-virtual {v0}, Ljava/lang/Thread;->start()V
    return-void
.end method
"""
    # Getui is initialised on a background thread, the usual way to keep start-up fast.
    push_task = """.class final Lcom/example/news/NewsApp$1;
.super Ljava/lang/Object;
.implements Ljava/lang/Runnable;

.field final synthetic app:Lcom/example/news/NewsApp;

.method constructor <init>(Lcom/example/news/NewsApp;)V
    .registers 2
    iput-object p1, p0, Lcom/example/news/NewsApp$1;->app:Lcom/example/news/NewsApp;
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public run()V
    .registers 3
    invoke-static {}, Lcom/igexin/sdk/PushManager;->getInstance()Lcom/igexin/sdk/PushManager;
    move-result-object v0
    iget-object v1, p0, Lcom/example/news/NewsApp$1;->app:Lcom/example/news/NewsApp;
    invoke-virtual {v0, v1}, Lcom/igexin/sdk/PushManager;->initialize(Landroid/content/Context;)V
    return-void
.end method
"""
    provider = """
.method public onCreate()Z
    .registers 3
    invoke-virtual {p0}, Landroid/content/ContentProvider;->getContext()Landroid/content/Context;
    move-result-object v0
    invoke-virtual {v0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "android_id"
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    const/4 v0, 0x1
    return v0
.end method
"""
    return SampleApp(
        "sdk_before_consent",
        package,
        "新闻资讯类",
        "news app initialising Umeng (directly) and Getui (on a thread) in Application.onCreate, before any consent",
        manifest,
        {
            "com/example/news/MainActivity": _activity(package),
            "com/example/news/NewsApp": _plain_class(
                "Lcom/example/news/NewsApp;", app, "Landroid/app/Application;"
            ),
            "com/example/news/NewsApp$1": push_task,
            "com/example/news/DeviceInitializer": _plain_class(
                "Lcom/example/news/DeviceInitializer;", _DEVICE_INITIALIZER
            ),
            "com/example/news/SdkInitProvider": _plain_class(
                "Lcom/example/news/SdkInitProvider;", provider, "Landroid/content/ContentProvider;"
            ),
            "com/umeng/commonsdk/UMConfigure": _plain_class("Lcom/umeng/commonsdk/UMConfigure;", _UMENG_SDK),
            "com/igexin/sdk/PushManager": _plain_class("Lcom/igexin/sdk/PushManager;", _GETUI_SDK),
            "com/igexin/sdk/PushService": _plain_class(
                "Lcom/igexin/sdk/PushService;", "", "Landroid/app/Service;"
            ),
        },
    )


def _sdk_after_consent() -> SampleApp:
    """The same SDKs, initialised only once the user has agreed to the privacy policy (the fix)."""
    package = "com.example.reader"
    manifest = _manifest(
        package,
        """  <uses-permission android:name="android.permission.READ_PHONE_STATE"/>
  <uses-permission android:name="android.permission.ACCESS_WIFI_STATE"/>
  <uses-permission android:name="android.permission.INTERNET"/>""",
        target_sdk=31,
        app='android:name=".ReaderApp" android:allowBackup="false"',
    ).replace(
        "{components}",
        """    <meta-data android:name="UMENG_APPKEY" android:value="5f8a1b2c3d4e5f6a7b8c9d0f"/>""",
    )
    app = """
.method public onCreate()V
    .registers 2
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-static {p0}, Lcom/example/reader/PrivacyConsent;->isAgreed(Landroid/content/Context;)Z
    move-result v0
    if-eqz v0, :skip
    invoke-static {p0}, Lcom/example/reader/ReaderApp;->initSdks(Landroid/content/Context;)V
    :skip
    return-void
.end method

.method public static initSdks(Landroid/content/Context;)V
    .registers 6
    const-string v0, "5f8a1b2c3d4e5f6a7b8c9d0f"
    const-string v1, "official"
    const/4 v2, 0x1
    const/4 v3, 0x0
    invoke-static {p0, v0, v1, v2, v3}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    return-void
.end method
"""
    consent = """
.method public static isAgreed(Landroid/content/Context;)Z
    .registers 4
    const-string v0, "privacy"
    const/4 v1, 0x0
    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    const-string v2, "agreed"
    invoke-interface {v0, v2, v1}, Landroid/content/SharedPreferences;->getBoolean(Ljava/lang/String;Z)Z
    move-result v0
    return v0
.end method
"""
    return SampleApp(
        "sdk_after_consent",
        package,
        "新闻资讯类",
        "reader app initialising Umeng only after the user agreed to the privacy policy",
        manifest,
        {
            "com/example/reader/MainActivity": _activity(package),
            "com/example/reader/ReaderApp": _plain_class(
                "Lcom/example/reader/ReaderApp;", app, "Landroid/app/Application;"
            ),
            "com/example/reader/PrivacyConsent": _plain_class("Lcom/example/reader/PrivacyConsent;", consent),
            "com/umeng/commonsdk/UMConfigure": _plain_class("Lcom/umeng/commonsdk/UMConfigure;", _UMENG_SDK),
        },
    )


def _clean() -> SampleApp:
    package = "com.example.notes"
    manifest = _manifest(
        package,
        "",
        min_sdk=24,
        target_sdk=33,
        app='android:allowBackup="false" android:usesCleartextTraffic="false"',
    ).replace("{components}", "")
    return SampleApp(
        "clean",
        package,
        "实用工具类",
        "offline notes app with no permissions, no SDKs and nothing exported",
        manifest,
        {"com/example/notes/MainActivity": _activity(package)},
    )


SAMPLES: tuple[SampleApp, ...] = (
    _selfie(),
    _lending(),
    _wifi(),
    _sdk_before_consent(),
    _sdk_after_consent(),
    _clean(),
)


def missing_tools(java_libs: Path = JAVA_LIBS, framework_res: Path = FRAMEWORK_RES) -> list[str]:
    """Programs and files needed to build samples that are not installed (empty when all are present)."""
    missing = [program for program in _PROGRAMS if shutil.which(program) is None]
    missing += [str(java_libs / jar) for jar in _SMALI_JARS if not (java_libs / jar).is_file()]
    if not framework_res.is_file():
        missing.append(str(framework_res))
    return missing


def build_sample_apks(
    out_dir: Path,
    samples: Iterable[SampleApp] = SAMPLES,
    *,
    timeout: float = 120.0,
    java_libs: Path = JAVA_LIBS,
    framework_res: Path = FRAMEWORK_RES,
) -> dict[str, Path]:
    """Build each sample into `out_dir/<name>.apk` (signed v1+v2 with a throwaway key); name → path.

    Raises `ToolMissingError` naming what to install when a build tool is absent, and `YinsiError`
    with the failing step's output when a tool fails. Every tool runs with `timeout` seconds.
    """
    missing = missing_tools(java_libs, framework_res)
    if missing:
        raise ToolMissingError(
            "building sample APKs needs "
            + ", ".join(missing)
            + " (Debian: apt-get install aapt apksigner zipalign android-framework-res libsmali-java default-jdk)"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    keystore = out_dir / "samples.jks"
    if not keystore.exists():
        _run(
            [
                "keytool",
                "-genkeypair",
                "-keystore",
                str(keystore),
                "-storepass",
                _PASSWORD,
                "-keypass",
                _PASSWORD,
                "-alias",
                "sample",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "10000",
                "-dname",
                _SIGNER_DN,
            ],
            "keytool",
            timeout,
        )
    classpath = ":".join(str(java_libs / jar) for jar in _SMALI_JARS)
    return {
        sample.name: _build_one(sample, out_dir, keystore, classpath, framework_res, timeout)
        for sample in samples
    }


def _build_one(
    sample: SampleApp, out_dir: Path, keystore: Path, classpath: str, framework_res: Path, timeout: float
) -> Path:
    work = out_dir / f"{sample.name}.build"
    shutil.rmtree(work, ignore_errors=True)
    (work / "smali").mkdir(parents=True)
    (work / "AndroidManifest.xml").write_text(sample.manifest, encoding="utf-8")
    for path, source in sample.smali.items():
        target = work / "smali" / f"{path}.smali"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
    _run(
        [
            "java",
            "-cp",
            classpath,
            "org.jf.smali.Main",
            "assemble",
            "--api",
            "21",
            "-o",
            str(work / "classes.dex"),
            str(work / "smali"),
        ],
        f"smali ({sample.name})",
        timeout,
    )
    unsigned, aligned, final = work / "unsigned.apk", work / "aligned.apk", out_dir / f"{sample.name}.apk"
    _run(
        [
            "aapt",
            "package",
            "-f",
            "-M",
            str(work / "AndroidManifest.xml"),
            "-I",
            str(framework_res),
            "-F",
            str(unsigned),
        ],
        f"aapt package ({sample.name})",
        timeout,
    )
    _run(["aapt", "add", str(unsigned), "classes.dex"], f"aapt add ({sample.name})", timeout, cwd=work)
    _run(["zipalign", "-f", "4", str(unsigned), str(aligned)], f"zipalign ({sample.name})", timeout)
    _run(
        [
            "apksigner",
            "sign",
            "--ks",
            str(keystore),
            "--ks-pass",
            f"pass:{_PASSWORD}",
            "--key-pass",
            f"pass:{_PASSWORD}",
            "--ks-key-alias",
            "sample",
            "--out",
            str(final),
            str(aligned),
        ],
        f"apksigner ({sample.name})",
        timeout,
    )
    shutil.rmtree(work, ignore_errors=True)
    return final


def _run(command: list[str], step: str, timeout: float, cwd: Path | None = None) -> None:
    try:
        subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise YinsiError(f"building sample APKs: {step} did not finish within {timeout:g}s") from None
    except subprocess.CalledProcessError as exc:
        output = (exc.stderr or exc.stdout or b"").decode("utf-8", errors="replace").strip().splitlines()
        raise YinsiError(f"building sample APKs: {step} failed: {' | '.join(output[-3:])}") from None
