"""What an APK states and contains, extracted statically: the input of every app-audit rule.

Facts are plain frozen data so rules are pure functions of them and can be tested without an APK.
Class and method names are in Java dotted form (`com.umeng.commonsdk.UMConfigure`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Component:
    """A manifest component: activity, activity-alias, service, receiver or provider."""

    kind: str
    name: str
    exported: bool | None  # None when the manifest does not say (then Android's default applies)
    permission: str | None = None
    has_intent_filter: bool = False
    authorities: str | None = None
    # Actions and categories of all its intent filters, sorted: tells a launcher activity
    # (MAIN + LAUNCHER) or a BOOT_COMPLETED / SMS_RECEIVED receiver from an internal component.
    intent_actions: tuple[str, ...] = ()
    intent_categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Certificate:
    """The signing certificate, described without keeping the certificate itself."""

    subject: str
    issuer: str
    sha256: str
    not_before: str | None = None
    not_after: str | None = None
    is_debug: bool = False


@dataclass(frozen=True, slots=True)
class AppFacts:
    """Everything the rules look at. Collections are sorted tuples so facts compare and serialise stably.

    `api_calls` maps a referenced framework method ("android.telephony.TelephonyManager.getDeviceId")
    to the app classes whose code references it. `startup_calls` are the method references reachable
    (bounded depth) from `Application.onCreate`/`attachBaseContext` and `ContentProvider.onCreate` of
    the app's own classes: what runs before any UI, i.e. before a consent dialog can be shown.
    `limits` records every budget that was hit, so a partial extraction is never silent.
    """

    path: str
    sha256: str
    size: int
    package: str
    version_name: str | None = None
    version_code: int | None = None
    min_sdk: int | None = None
    target_sdk: int | None = None
    label: str | None = None
    application_class: str | None = None
    permissions: tuple[str, ...] = ()
    # (permission, maxSdkVersion) for requests limited to older platforms, e.g. WRITE_EXTERNAL_STORAGE ≤ 28.
    permission_max_sdk: tuple[tuple[str, int], ...] = ()
    declared_permissions: tuple[str, ...] = ()
    components: tuple[Component, ...] = ()
    meta_data_keys: tuple[str, ...] = ()
    uses_cleartext_traffic: bool | None = None
    network_security_config: bool = False
    debuggable: bool = False
    allow_backup: bool | None = None
    classes: frozenset[str] = frozenset()
    api_calls: tuple[tuple[str, tuple[str, ...]], ...] = ()
    startup_calls: tuple[str, ...] = ()
    native_libraries: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    certificate: Certificate | None = None
    dex_count: int = 0
    limits: tuple[str, ...] = field(default=())

    def exported_components(self) -> tuple[Component, ...]:
        """Components other apps can start or query: explicitly exported, or implicitly by Android's defaults.

        Without `android:exported`, a component with an intent filter is exported (apps targeting API 31+
        must say so explicitly), and a provider is exported when targetSdkVersion <= 16
        (developer.android.com/guide/topics/manifest/provider-element#exported).
        """
        out = []
        for component in self.components:
            exported = component.exported
            if exported is None:
                if component.kind == "provider":
                    exported = self.target_sdk is not None and self.target_sdk <= 16
                else:
                    exported = component.has_intent_filter
            if exported:
                out.append(component)
        return tuple(out)

    def callers_of(self, api: str) -> tuple[str, ...]:
        """App classes referencing `api` (empty when it is not referenced)."""
        for name, callers in self.api_calls:
            if name == api:
                return callers
        return ()
