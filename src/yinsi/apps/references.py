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
        owners: dict[int, str | None] = {}  # type_idx → dotted class name when outside the app
        method_names = _external_members(dex, "method", defined, owners)
        field_names = _external_members(dex, "field", defined, owners)
        external_methods, external_fields = frozenset(method_names), frozenset(field_names)
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
            if dex.class_references(class_def, methods, fields, strings):
                malformed.append(caller)  # references before the bad instruction are kept
            # Set intersections run in C; most references are to the app's own classes.
            for idx in methods.intersection(external_methods):
                callers[method_names[idx]].add(caller)
            for idx in fields.intersection(external_fields):
                callers[field_names[idx]].add(caller)
            for idx in strings:
                if idx < dex.string_count:
                    text = dex.string(idx)
                    if text.startswith(_URI_PREFIX):
                        callers[text].add(caller)
        if malformed:
            limits.append(
                f"bytecode: {len(malformed)} class(es) in {dex.label} have methods ending in malformed "
                f"bytecode, read up to the fault (first: {malformed[0]})"
            )
    return _freeze(callers), limits


def _external_members(
    dex: Dex, kind: str, defined: frozenset[str], owners: dict[int, str | None]
) -> dict[int, str]:
    """Index → dotted "pkg.Class.member" for every method_id or field_id whose class is outside the app."""
    out: dict[int, str] = {}
    for idx, (class_idx, name_idx) in enumerate(dex.member_table(kind)):
        if class_idx in owners:
            owner = owners[class_idx]
        else:
            owner = descriptor_to_name(dex.type_descriptor(class_idx))
            if owner in defined or owner.startswith("["):
                owner = None  # app-internal, or an array pseudo-class (clone())
            owners[class_idx] = owner
        if owner is not None:
            out[idx] = f"{owner}.{dex.string(name_idx)}"
    return out


def _freeze(callers: dict[str, set[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(sorted(users))) for name, users in sorted(callers.items()))
