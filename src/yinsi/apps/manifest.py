"""What AndroidManifest.xml declares: identity, SDK levels, permissions, components, security flags.

Element and attribute semantics follow the Android manifest reference
(developer.android.com/guide/topics/manifest/manifest-intro). Component names are resolved the way the
package manager resolves them: ".App" and "App" are relative to the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from .axml import AxmlValue, XmlElement, parse_axml
from .facts import Component

COMPONENT_TAGS = ("activity", "activity-alias", "service", "receiver", "provider")
# uses-permission-sdk-23 (alias -sdk-m) requests a permission only on API 23+ (runtime permissions).
_PERMISSION_TAGS = ("uses-permission", "uses-permission-sdk-23", "uses-permission-sdk-m")


@dataclass(frozen=True, slots=True)
class Manifest:
    """The manifest facts `AppFacts` carries, plus what extraction itself needs (providers, hasCode)."""

    package: str
    version_name: str | None
    version_code: int | None
    min_sdk: int | None
    target_sdk: int | None
    label: str | None
    label_resource: int | None  # resource id when android:label is a reference (@string/app_name)
    application_class: str | None
    permissions: tuple[str, ...]
    permission_max_sdk: tuple[tuple[str, int], ...]
    declared_permissions: tuple[str, ...]
    components: tuple[Component, ...]
    meta_data_keys: tuple[str, ...]
    uses_cleartext_traffic: bool | None
    network_security_config: bool
    debuggable: bool
    allow_backup: bool | None
    has_code: bool
    # Jetpack App Startup initializers (<meta-data android:value="androidx.startup"> under a provider):
    # their create() runs from the provider's onCreate, before any Activity.
    startup_initializers: tuple[str, ...] = ()


def read_manifest(data: bytes) -> Manifest:
    """Parse binary AndroidManifest.xml bytes into `Manifest` (raises `ApkError` when malformed)."""
    root = parse_axml(data)
    if root.tag != "manifest":
        from yinsi.core.errors import ApkError

        raise ApkError(f"malformed AndroidManifest.xml: root element is <{root.tag}>, not <manifest>")
    package = _text(root.attributes.get("package")) or ""
    sdk = next(iter(root.iter("uses-sdk")), None)
    min_sdk = _int(sdk.attributes.get("minSdkVersion")) if sdk else None
    target_sdk = _int(sdk.attributes.get("targetSdkVersion")) if sdk else None
    applications = [child for child in root.children if child.tag == "application"]
    app = applications[0].attributes if applications else {}
    permissions: set[str] = set()
    max_sdk: dict[str, int] = {}
    for tag in _PERMISSION_TAGS:
        for node in root.iter(tag):
            name = _text(node.attributes.get("name"))
            if not name:
                continue
            permissions.add(name)
            limit = _int(node.attributes.get("maxSdkVersion"))
            if limit is not None:
                max_sdk[name] = max(limit, max_sdk.get(name, limit))
    declared = {_text(node.attributes.get("name")) for node in root.iter("permission")}
    components = tuple(
        sorted(
            (
                _component(node, package)
                for app_node in applications
                for node in app_node.children
                if node.tag in COMPONENT_TAGS
            ),
            key=lambda c: (c.kind, c.name),
        )
    )
    meta = {_text(node.attributes.get("name")) for node in root.iter("meta-data")}
    app_class = _text(app.get("name"))
    return Manifest(
        package=package,
        version_name=_text(root.attributes.get("versionName")),
        version_code=_int(root.attributes.get("versionCode")),
        # Platform defaults (uses-sdk-element): minSdkVersion 1, targetSdkVersion = minSdkVersion.
        min_sdk=min_sdk if min_sdk is not None else 1,
        target_sdk=target_sdk if target_sdk is not None else (min_sdk if min_sdk is not None else 1),
        label=_literal(app.get("label")),
        label_resource=_reference(app.get("label")),
        application_class=resolve_class_name(package, app_class) if app_class else None,
        permissions=tuple(sorted(permissions)),
        permission_max_sdk=tuple(sorted(max_sdk.items())),
        declared_permissions=tuple(sorted(p for p in declared if p)),
        components=components,
        meta_data_keys=tuple(sorted(k for k in meta if k)),
        uses_cleartext_traffic=_bool(app.get("usesCleartextTraffic")),
        network_security_config="networkSecurityConfig" in app,
        debuggable=_bool(app.get("debuggable")) is True,
        allow_backup=_bool(app.get("allowBackup")),
        has_code=_bool(app.get("hasCode")) is not False,
        startup_initializers=_startup_initializers(applications, package),
    )


def _startup_initializers(applications: list[XmlElement], package: str) -> tuple[str, ...]:
    """developer.android.com/topic/libraries/app-startup: initializers are meta-data of a provider."""
    found = []
    for app_node in applications:
        for provider in (node for node in app_node.children if node.tag == "provider"):
            for meta in provider.children:
                name = _text(meta.attributes.get("name"))
                if meta.tag == "meta-data" and name and meta.attributes.get("value") == "androidx.startup":
                    found.append(resolve_class_name(package, name))
    return tuple(sorted(set(found)))


def resolve_class_name(package: str, name: str) -> str:
    """Resolve a manifest class name: ".App" and "App" (no dot) are relative to the package."""
    if name.startswith("."):
        return package + name
    if "." not in name and package:
        return f"{package}.{name}"
    return name


def _component(node: XmlElement, package: str) -> Component:
    attrs = node.attributes
    name = _text(attrs.get("name")) or ""
    permission = _text(attrs.get("permission"))
    filters = [child for child in node.children if child.tag == "intent-filter"]
    if node.tag == "provider" and permission is None:
        # A provider guarded only for reads or writes is still guarded; record the read side first.
        permission = _text(attrs.get("readPermission")) or _text(attrs.get("writePermission"))
    return Component(
        kind=node.tag,
        name=resolve_class_name(package, name) if name else "",
        exported=_bool(attrs.get("exported")),
        permission=permission,
        has_intent_filter=bool(filters),
        authorities=_text(attrs.get("authorities")) if node.tag == "provider" else None,
        intent_actions=_names(filters, "action"),
        intent_categories=_names(filters, "category"),
    )


def _names(filters: list[XmlElement], tag: str) -> tuple[str, ...]:
    names = {_text(item.attributes.get("name")) for f in filters for item in f.children if item.tag == tag}
    return tuple(sorted(n for n in names if n))


def _text(value: AxmlValue | None) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    return str(value)


def _literal(value: AxmlValue | None) -> str | None:
    """A string attribute, or None when it is a resource reference we do not resolve."""
    text = _text(value)
    return None if text is None or text.startswith(("@", "?")) else text


def _reference(value: AxmlValue | None) -> int | None:
    """The resource id of an `@xxxxxxxx` reference value, else None."""
    if isinstance(value, str) and value.startswith("@") and len(value) == 9:
        try:
            return int(value[1:], 16)
        except ValueError:
            return None
    return None


def _int(value: AxmlValue | None) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    try:
        return int(value, 0)
    except ValueError:
        return None  # a preview codename such as "P", or a reference


def _bool(value: AxmlValue | None) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None
