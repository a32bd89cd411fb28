"""What runs at process start, before any screen: code reachable from Application and ContentProvider.

Android creates the Application object, calls `attachBaseContext`, creates every ContentProvider of the
manifest and calls its `onCreate` (Jetpack App Startup runs its initializers' `create` from there), then
calls `Application.onCreate`: all before the first Activity can show a privacy-policy dialog
(developer.android.com/reference/android/app/Application#onCreate()). Whatever SDK initialisation or
data access is reachable from there happens before consent unless the code checks a flag first;
《App违法违规收集使用个人信息行为认定方法》 三.1 counts collection before the user agrees as unlawful
(PIPL art. 13, 14). The walk is bounded in depth and in methods visited.
"""

from __future__ import annotations

from collections import deque

from .dex import ClassDef, Dex, descriptor_to_name

# (method name, proto) entry points; constructors and static initialisers run first.
APPLICATION_ENTRIES = (
    ("<clinit>", "()V"),
    ("<init>", "()V"),
    ("attachBaseContext", "(Landroid/content/Context;)V"),
    ("onCreate", "()V"),
)
PROVIDER_ENTRIES = (("<clinit>", "()V"), ("<init>", "()V"), ("onCreate", "()Z"))
INITIALIZER_ENTRIES = (
    ("<clinit>", "()V"),
    ("<init>", "()V"),
    ("create", "(Landroid/content/Context;)Ljava/lang/Object;"),
)
TASK_ENTRIES = (("run", "()V"), ("call", "()Ljava/lang/Object;"))
_MAX_SUPERCLASSES = 8


class Program:
    """All classes defined across an APK's DEX files, for resolving a method reference to its code."""

    def __init__(self, dexes: list[Dex]) -> None:
        self._where: dict[str, tuple[Dex, ClassDef]] = {}
        for dex in dexes:
            for class_def in dex.class_defs():
                self._where.setdefault(dex.type_descriptor(class_def.type_idx), (dex, class_def))

    def find(self, descriptor: str, name: str, proto: str) -> tuple[Dex, int] | None:
        """(dex, code_off) of the method a call to descriptor->name(proto) runs; looks up app superclasses."""
        for _ in range(_MAX_SUPERCLASSES):
            entry = self._where.get(descriptor)
            if entry is None:
                return None
            dex, class_def = entry
            for method_idx, code_off in dex.methods(class_def):
                _, proto_idx, name_idx = dex.method_id(method_idx)
                if dex.string(name_idx) == name and dex.proto_descriptor(proto_idx) == proto:
                    return (dex, code_off) if code_off else None
            if class_def.superclass_idx is None:
                return None
            descriptor = dex.type_descriptor(class_def.superclass_idx)
        return None


def startup_calls(
    program: Program,
    application_class: str | None,
    providers: list[str],
    max_depth: int,
    max_nodes: int,
    initializers: list[str] | None = None,
) -> tuple[tuple[str, ...], list[str]]:
    """Method and field references reachable from the startup entry points, and budgets that were hit."""
    queue: deque[tuple[Dex, int, int]] = deque()
    seen: set[tuple[int, int]] = set()

    def push(target: tuple[Dex, int] | None, depth: int) -> None:
        if target is not None and (id(target[0]), target[1]) not in seen:
            seen.add((id(target[0]), target[1]))
            queue.append((target[0], target[1], depth))

    roots: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    if application_class:
        roots.append((application_class, APPLICATION_ENTRIES))
    roots += [(provider, PROVIDER_ENTRIES) for provider in providers]
    roots += [(initializer, INITIALIZER_ENTRIES) for initializer in initializers or ()]
    for class_name, entries in roots:
        descriptor = "L" + class_name.replace(".", "/") + ";"
        for name, proto in entries:
            push(program.find(descriptor, name, proto), 0)
    reached: set[str] = set()
    limits: list[str] = []
    visited = 0
    while queue:
        if visited >= max_nodes:
            limits.append(f"startup: stopped after {max_nodes} methods; reachability is partial")
            break
        dex, code_off, depth = queue.popleft()
        visited += 1
        methods: set[int] = set()
        fields: set[int] = set()
        dex.code_references(code_off, methods, fields)
        for idx in sorted(methods):
            class_idx, proto_idx, name_idx = dex.method_id(idx)
            descriptor, name = dex.type_descriptor(class_idx), dex.string(name_idx)
            reached.add(f"{descriptor_to_name(descriptor)}.{name}")
            if depth < max_depth:
                push(program.find(descriptor, name, dex.proto_descriptor(proto_idx)), depth + 1)
                if name == "<init>":
                    # An app object built here is most often a Runnable/Callable handed to a thread or
                    # executor (anonymous classes and desugared lambdas alike): its body runs at start-up
                    # too, through platform code the walk cannot follow.
                    for task, task_proto in TASK_ENTRIES:
                        push(program.find(descriptor, task, task_proto), depth + 1)
        for idx in fields:
            class_idx, name_idx = dex.field_id(idx)
            reached.add(f"{descriptor_to_name(dex.type_descriptor(class_idx))}.{dex.string(name_idx)}")
    return tuple(sorted(reached)), limits
