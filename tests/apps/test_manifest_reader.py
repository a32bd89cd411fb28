"""Manifest semantics: class-name resolution, exported defaults, attribute lookup by resource id."""

from __future__ import annotations

import pytest
from apk_helpers import axml

from yinsi.apps import AppFacts, Component
from yinsi.apps.manifest import read_manifest, resolve_class_name


@pytest.mark.parametrize(
    ("name", "resolved"),
    [
        (".App", "com.example.app.App"),
        ("App", "com.example.app.App"),
        (".ui.Main", "com.example.app.ui.Main"),
        ("com.other.Sdk", "com.other.Sdk"),
    ],
)
def test_resolve_class_name(name: str, resolved: str) -> None:
    assert resolve_class_name("com.example.app", name) == resolved


def _facts(target: int, *components: Component) -> AppFacts:
    return AppFacts(
        path="x.apk", sha256="0" * 64, size=1, package="p", target_sdk=target, components=components
    )


@pytest.mark.parametrize(
    ("target", "component", "exported"),
    [
        (30, Component("activity", "p.A", True), True),
        (30, Component("activity", "p.A", False, has_intent_filter=True), False),
        (30, Component("receiver", "p.R", None, has_intent_filter=True), True),
        (30, Component("service", "p.S", None), False),
        (16, Component("provider", "p.P", None), True),  # providers were exported by default up to API 16
        (17, Component("provider", "p.P", None), False),
    ],
)
def test_exported_defaults(target: int, component: Component, exported: bool) -> None:
    assert (component in _facts(target, component).exported_components()) is exported


def test_manifest_fields_from_binary_xml() -> None:
    data = axml(
        (
            "manifest",
            {"package": "com.example.app", "versionCode": 42, "versionName": "4.2"},
            [
                ("uses-sdk", {"minSdkVersion": 19}, []),
                ("uses-permission", {"name": "android.permission.READ_CONTACTS"}, []),
                ("uses-permission", {"name": "android.permission.READ_CONTACTS"}, []),  # duplicates collapse
                ("uses-permission-sdk-23", {"name": "android.permission.CAMERA", "maxSdkVersion": 29}, []),
                ("permission", {"name": "com.example.app.permission.C2D", "protectionLevel": 2}, []),
                (
                    "application",
                    {
                        "name": ".App",
                        "debuggable": True,
                        "allowBackup": False,
                        "networkSecurityConfig": "@xml/nsc",
                    },
                    [
                        ("meta-data", {"name": "JPUSH_APPKEY", "value": "k"}, []),
                        (
                            "provider",
                            {
                                "name": ".Files",
                                "authorities": "com.example.app.files",
                                "readPermission": "com.example.app.READ",
                            },
                            [],
                        ),
                        (
                            "activity-alias",
                            {"name": ".Alias", "targetActivity": ".Main"},
                            [
                                (
                                    "intent-filter",
                                    {},
                                    [("action", {"name": "android.intent.action.VIEW"}, [])],
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        )
    )
    m = read_manifest(data)
    assert (m.package, m.version_code, m.version_name) == ("com.example.app", 42, "4.2")
    assert (m.min_sdk, m.target_sdk) == (19, 19)  # targetSdkVersion defaults to minSdkVersion
    assert m.permissions == ("android.permission.CAMERA", "android.permission.READ_CONTACTS")
    assert m.permission_max_sdk == (("android.permission.CAMERA", 29),)
    assert m.declared_permissions == ("com.example.app.permission.C2D",)
    assert m.application_class == "com.example.app.App"
    assert (m.debuggable, m.allow_backup, m.network_security_config) == (True, False, True)
    assert m.meta_data_keys == ("JPUSH_APPKEY",)
    provider, alias = sorted(m.components, key=lambda c: c.kind, reverse=True)
    assert (provider.name, provider.authorities, provider.permission) == (
        "com.example.app.Files",
        "com.example.app.files",
        "com.example.app.READ",
    )
    assert (alias.kind, alias.has_intent_filter, alias.intent_actions) == (
        "activity-alias",
        True,
        ("android.intent.action.VIEW",),
    )


def test_attribute_names_resolved_by_resource_id() -> None:
    """A manifest whose attribute-name strings were blanked still reads: the platform uses the ids."""
    data = bytearray(
        axml(("manifest", {"package": "p.q"}, [("uses-permission", {"name": "android.permission.X"}, [])]))
    )
    encoded = "name".encode("utf-16-le")
    data[data.find(encoded) : data.find(encoded) + len(encoded)] = "zzzz".encode("utf-16-le")
    assert read_manifest(bytes(data)).permissions == ("android.permission.X",)


def test_app_startup_initializers() -> None:
    """Jetpack App Startup: initializers are meta-data with value "androidx.startup" under a provider."""
    data = axml(
        (
            "manifest",
            {"package": "com.example.app"},
            [
                (
                    "application",
                    {},
                    [
                        (
                            "meta-data",
                            {"name": "UMENG_APPKEY", "value": "androidx.startup"},
                            [],
                        ),  # not in a provider
                        (
                            "provider",
                            {"name": "androidx.startup.InitializationProvider", "authorities": "x"},
                            [
                                ("meta-data", {"name": ".SdkInitializer", "value": "androidx.startup"}, []),
                                ("meta-data", {"name": "other.Key", "value": "something"}, []),
                            ],
                        ),
                    ],
                )
            ],
        )
    )
    assert read_manifest(data).startup_initializers == ("com.example.app.SdkInitializer",)
