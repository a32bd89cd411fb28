"""apps.cleartext_traffic: the app allows unencrypted HTTP traffic."""

from __future__ import annotations

from yinsi.apps.facts import AppFacts
from yinsi.apps.findings import AppFinding, Reference, Severity
from yinsi.apps.rules import references as ref
from yinsi.apps.rules.base import AppRule, RuleContext

CLEARTEXT_OFF_BY_DEFAULT_API = 28  # Android 9 blocks cleartext by default for apps targeting 28+
_ANDROID_DOC = Reference("Android", "usesCleartextTraffic",
                         "defaults to false from targetSdk 28, true before", "V")


class CleartextTrafficRule(AppRule):
    """Personal information sent over plain HTTP can be read on the network (GB/T 35273-2020 6.3,
    PIPL art. 51). A network security config may still allow it per domain: reported as a lower bound."""

    id = "apps.cleartext_traffic"
    severity = Severity.MEDIUM
    title_zh = "允许明文网络传输"
    title_en = "Cleartext (HTTP) traffic allowed"
    references = (ref.GBT_35273_6_3, ref.PIPL_51, _ANDROID_DOC)
    max_deduction = 8

    def check(self, facts: AppFacts, context: RuleContext) -> list[AppFinding]:
        if facts.uses_cleartext_traffic:
            return [self.finding("清单声明 usesCleartextTraffic=true，允许明文 HTTP 传输。",
                                 "The manifest sets usesCleartextTraffic=true: plain HTTP is allowed.",
                                 evidence=("android:usesCleartextTraffic=true",))]
        legacy = facts.target_sdk is None or facts.target_sdk < CLEARTEXT_OFF_BY_DEFAULT_API
        if facts.uses_cleartext_traffic is None and legacy and not facts.network_security_config:
            return [self.finding(
                f"targetSdk={facts.target_sdk} 低于 28 且未配置网络安全策略，默认允许明文 HTTP。",
                f"targetSdk={facts.target_sdk} is below 28 with no network security config: "
                "plain HTTP is allowed by default.",
                severity=Severity.LOW, evidence=(f"targetSdkVersion {facts.target_sdk}",))]
        return []
