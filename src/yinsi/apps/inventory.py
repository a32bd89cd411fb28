"""What personal information an app can collect, by PI type: the permissions that open it and the
sensitive framework APIs its code references (with the classes that reference them).

Either is enough: a permission without a reference can still be used through code the audit cannot see
(reflection, native code, a packed DEX), and some reads need no permission at all (clipboard, app list
before Android 11, ANDROID_ID).
"""

from __future__ import annotations

from dataclasses import dataclass

from yinsi.apps.facts import AppFacts
from yinsi.apps.knowledge import KnowledgeBase, SensitiveApi


@dataclass(frozen=True, slots=True)
class PiAccess:
    """How an app can reach one PI type."""

    pi_type: str
    permissions: tuple[str, ...] = ()
    apis: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (API name, referencing classes)

    def evidence(self, max_callers: int = 2) -> tuple[str, ...]:
        lines = [f"permission {name}" for name in self.permissions]
        for api, callers in self.apis:
            shown = ", ".join(callers[:max_callers]) + (" …" if len(callers) > max_callers else "")
            lines.append(f"API {api}" + (f" ← {shown}" if shown else ""))
        return tuple(lines)


def _canonical(name: str) -> str:
    return name.replace("$", ".")


def _uri_api(literal: str, uris: dict[str, SensitiveApi]) -> SensitiveApi | None:
    """The URI entry naming the provider of `literal` ("content://sms/inbox" -> "content://sms")."""
    for name, api in uris.items():
        if literal == name or literal.startswith(name + "/"):
            return api
    return None


def collectable_pi(facts: AppFacts, knowledge: KnowledgeBase) -> dict[str, PiAccess]:
    """PI type -> how the app can collect it, from declared permissions and referenced APIs."""
    permissions: dict[str, list[str]] = {}
    for permission in facts.permissions:
        info = knowledge.permissions.get(permission)
        for pi_type in info.pi_types if info else ():
            permissions.setdefault(pi_type, []).append(permission)
    apis_by_name = {_canonical(name): api for name, api in knowledge.apis.items() if api.kind != "uri"}
    uris = {name: api for name, api in knowledge.apis.items() if api.kind == "uri"}
    apis: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    libraries = tuple(prefix + "." for prefix in knowledge.library_callers)
    for name, callers in facts.api_calls:
        api = _uri_api(name, uris) if name.startswith("content://") else apis_by_name.get(_canonical(name))
        if api is None:
            continue
        if api.ambiguous:
            callers = tuple(caller for caller in callers if not caller.startswith(libraries))
            if not callers:
                continue
        for pi_type in api.pi_types:
            apis.setdefault(pi_type, []).append((name if api.kind == "uri" else api.name,
                                                 tuple(sorted(callers))))
    return {
        pi_type: PiAccess(pi_type, tuple(sorted(set(permissions.get(pi_type, ())))),
                          tuple(sorted(set(apis.get(pi_type, ())))))
        for pi_type in sorted(permissions.keys() | apis.keys(), key=list(knowledge.pi_types).index)
    }


def dangerous_permissions(facts: AppFacts, knowledge: KnowledgeBase) -> tuple[str, ...]:
    """The app's runtime ("dangerous") permissions known to the knowledge base, sorted."""
    return tuple(sorted(name for name in set(facts.permissions)
                        if (info := knowledge.permissions.get(name)) is not None and info.dangerous))
