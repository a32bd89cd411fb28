"""Which app classes reference which platform APIs, from the invoke and field instructions of every method.

A "platform API" is a method or field whose class is not defined in the APK's own DEX files (android.*,
java.*, javax.*, dalvik.*, org.apache.http.*, ...): those are the calls through which an app reaches
personal information. Calls between the app's own classes (including bundled SDKs) are followed only
by the startup reachability in `startup.py`.

String constants naming a content provider URI ("content://sms/inbox", "content://call_log/calls") are
reported too, keyed by the literal: code reaching SMS, call log or contacts through a raw URI string
never references the `Telephony.Sms.CONTENT_URI`-style fields.
"""

from __future__ import annotations

from collections import defaultdict

from .dex import Dex, descriptor_to_name
from .limits import Deadline

_CHECK_EVERY = 128  # classes between deadline checks
_URI_PREFIX = "content://"


def collect_api_calls(
    dexes: list[Dex], defined: frozenset[str], deadline: Deadline
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], list[str]]:
    """Map each referenced platform method/field ("android.telephony.TelephonyManager.getDeviceId") to
    the sorted app classes using it. Returns the mapping and the budgets that were hit."""
    callers: defaultdict[str, set[str]] = defaultdict(set)
    limits: list[str] = []
    for dex in dexes:
        method_names: dict[int, str | None] = {}
        field_names: dict[int, str | None] = {}
        owners: dict[int, str | None] = {}  # type_idx → dotted class name when outside the app
        malformed: list[str] = []
        class_defs = dex.class_defs()
        for done, class_def in enumerate(class_defs):
            if done % _CHECK_EVERY == 0 and deadline.expired():
                limits.append(
                    f"time: {deadline.seconds:g}s budget spent; API references of {dex.label} read for "
                    f"{done} of {len(class_defs)} classes"
                )
                return _freeze(callers), limits
            caller = descriptor_to_name(dex.type_descriptor(class_def.type_idx))
            methods: set[int] = set()
            fields: set[int] = set()
            strings: set[int] = set()
            for _, code_off in dex.methods(class_def):
                if code_off and not dex.code_references(code_off, methods, fields, strings):
                    malformed.append(caller)  # references before the bad instruction are kept
            for idx in methods:
                name = method_names.get(idx, "")
                if name == "":
                    name = method_names[idx] = _member_name(dex, *dex.method_id(idx)[::2], defined, owners)
                if name:
                    callers[name].add(caller)
            for idx in fields:
                name = field_names.get(idx, "")
                if name == "":
                    name = field_names[idx] = _member_name(dex, *dex.field_id(idx), defined, owners)
                if name:
                    callers[name].add(caller)
            for idx in strings:
                if idx < dex.string_count:
                    text = dex.string(idx)
                    if text.startswith(_URI_PREFIX):
                        callers[text].add(caller)
        if malformed:
            limits.append(
                f"bytecode: {len(malformed)} method(s) in {dex.label} end in malformed bytecode, "
                f"read up to the fault (first in {malformed[0]})"
            )
    return _freeze(callers), limits


def _member_name(
    dex: Dex, class_idx: int, name_idx: int, defined: frozenset[str], owners: dict[int, str | None]
) -> str | None:
    """Dotted "pkg.Class.member" when the member's class is outside the app, else None."""
    if class_idx in owners:
        owner = owners[class_idx]
    else:
        owner = descriptor_to_name(dex.type_descriptor(class_idx))
        if owner in defined or owner.startswith("["):
            owner = None  # app-internal, or an array pseudo-class (clone())
        owners[class_idx] = owner
    return None if owner is None else f"{owner}.{dex.string(name_idx)}"


def _freeze(callers: dict[str, set[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(sorted(users))) for name, users in sorted(callers.items()))
