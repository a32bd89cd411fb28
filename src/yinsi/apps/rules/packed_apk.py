"""apps.packed_apk: a packer / hardening service hides the real code, so the static audit is limited."""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.knowledge import PackerSignature
from yinsi.apps.rules.base import AppRule, RuleContext

_LIMITED = Reference("yinsi", "static audit limited",
                     "a packed APK decrypts its code at run time; findings are a lower bound", "V")


def packer_evidence(packer: PackerSignature, facts: AppFacts) -> tuple[str, ...]:
    """Files and classes of `facts` that match `packer`'s signature."""
    libraries = {PurePosixPath(path).name for path in facts.native_libraries}
    assets = {PurePosixPath(path).name for path in facts.assets}
    found = [f"native library {name}" for name in sorted(libraries)
             if any(fnmatch.fnmatchcase(name, pattern) for pattern in packer.native_libraries)]
    found += [f"asset {name}" for name in sorted(assets)
              if any(fnmatch.fnmatchcase(name, pattern) for pattern in packer.assets)]
    if packer.classes:
        exact, under = set(packer.classes), tuple(prefix + "." for prefix in packer.classes)
        classes = sorted(name for name in facts.classes if name in exact or name.startswith(under))
        found += [f"class {name}" for name in classes[:3]]
    return tuple(found)


class PackedApkRule(AppRule):
    """Packed (加固) APKs keep their DEX encrypted: class names, API references and startup calls seen
    here are the packer's, not the app's. Reported as information, never as a violation."""

    id = "apps.packed_apk"
    severity = Severity.INFO
    title_zh = "应用已加固：静态审计受限"
    title_en = "Packed / hardened APK: static audit limited"
    references = (_LIMITED,)
    max_deduction = 0

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        findings = []
        for packer in context.knowledge.packers:
            evidence = packer_evidence(packer, facts)
            if evidence:
                findings.append(self.finding(
                    f"检测到 {packer.name_zh or packer.name} 加固，真实代码运行时才解密，"
                    "本次静态审计结果只是下限。",
                    f"Packed with {packer.name}: the real code is decrypted at run time, so these "
                    "results are a lower bound.",
                    evidence=(*evidence, f"signature confidence {packer.confidence}")))
        return findings
