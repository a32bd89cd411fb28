"""policy.storage_location: where personal information is stored and whether it leaves China
(PIPL art. 38-40; GB/T 35273 5.5 c, 9.8)."""

from __future__ import annotations

import re

from yinsi.apps.findings import Severity
from yinsi.privacy_policy.model import Status
from yinsi.privacy_policy.rules import references as ref
from yinsi.privacy_policy.rules.base import Assessment, DisclosureRule, PolicyContext

_LOCATION = re.compile(
    r"(?:存储|存放|保存|储存|位于|服务器)[^。；;]{0,20}(?:境内|中国大陆|中国内地|中华人民共和国"
    r"|[\u4e00-\u9fff]{2,6}(?:市|省|国)|数据中心)|(?:境内|中华人民共和国境内)[^。；;]{0,12}(?:存储|存放"
    r"|保存|储存)|位于[\u4e00-\u9fff]{2,8}的(?:服务器|数据中心|机房)"
    # "存储在上海的服务器", "存储于新加坡。": a place name, not "安全可靠的服务器" or "服务器上"
    r"|(?:存储|存放|储存)(?:在|于)(?!安全|可靠|加密|我们|合作|第三方|云|本地|您的|服务器)[\u4e00-\u9fff]{2,6}"
    r"(?:的(?:服务器|数据中心|机房)|(?=[，,。；;]|$))"
    r"|\b(?:stored?|host(?:s|ed|ing)?|kept|processe?d?"
    r"|servers?(?: are)? located|data cent(?:re|er)s?)\b.{0,60}\b(?:in|within) (?:the )?"
    r"(?:mainland China|China|People's Republic of China|PRC|(?-i:[A-Z]{2,3})\b"
    r"|(?-i:(?:[A-Z]{2,5} )?[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\b",
    re.IGNORECASE)
_CROSS_BORDER = re.compile(
    r"跨境|境外|出境|海外|向(?:其他)?国家|\bcross-border\b"
    r"|\boutside (?:of )?(?:mainland )?(?:China|the PRC)\b"
    r"|\b(?:transfer\w*|send|move|stor\w*)\b[^.;]{0,50}\boutside\b|\babroad\b|\boverseas\b"
    r"|\b(?:data|information|backups?|copies|records|it|they)\b[^.;]{0,40}\b(?:never|not) leaves?\b"
    r"|\bleav(?:e|es|ing) (?:the|this|that) (?:country|region|jurisdiction)\b"
    r"|\bother countries\b|\bcountries other than\b|\binternational(?:ly)? transfers?\b"
    r"|\b(?:moved|transferred|copied|replicated|sent) to (?:other|another|a different) (?:regions?|countries"
    r"|country|jurisdictions?)\b|所在国家或地区以外|(?:其他|别的)国家或地区"
    # kept in one place only: "replicated … in Singapore only", "only stored in Germany", "仅存储在境内"
    r"|\b(?:in|within) (?:the )?(?-i:[A-Z][a-z]+|[A-Z]{2,3})(?: (?-i:[A-Z][a-z]+))? only\b"
    r"|\bonly (?:in|within) (?:the )?(?-i:[A-Z])|仅(?:在|于)[^，,。；;]{0,10}(?:境内|存储|保存)"
    r"|\btransfer(?:red)? to (?:another|other) (?:country|jurisdiction)"
    # the legal bases of a transfer abroad name one (PIPL art. 38; GDPR chapter V)
    r"|标准合同|个人信息保护认证|\bstandard contractual clauses\b|\badequacy decision\b"
    r"|\bbinding corporate rules\b"
    # remote access from another country is a transfer too
    r"|\b(?:accessed|viewed) (?:by [^.;]{0,50})?\b(?:in|from) (?:the )?(?-i:[A-Z][a-z]+)",
    re.IGNORECASE)


class StorageLocationRule(DisclosureRule):
    """Present: the storage location and a statement on cross-border transfer (none, or to whom and on
    which basis). Vague: only one of the two."""

    id = "policy.storage_location"
    order = 7
    severity = Severity.MEDIUM
    title_zh = "存储地点与跨境传输"
    title_en = "Storage location and cross-border transfer"
    what_zh = "个人信息的存储地点及是否向境外提供"
    what_en = "where personal information is stored and whether it is transferred abroad"
    references = (ref.GBT_5_5_C, ref.GBT_9_8, ref.PIPL_38, ref.PIPL_39, ref.PIPL_40)

    def assess(self, context: PolicyContext) -> Assessment:
        located = [clause for clause in context.policy.clauses if _LOCATION.search(clause.text)]
        crossing = [clause for clause in context.policy.clauses if _CROSS_BORDER.search(clause.text)]
        if located and crossing:
            return Assessment(Status.PRESENT, tuple(dict.fromkeys((*located, *crossing))))
        if located:
            return Assessment(Status.VAGUE, tuple(located), ("cross-border transfer",))
        if crossing:
            return Assessment(Status.VAGUE, tuple(crossing), ("storage location",))
        return Assessment(Status.MISSING, lacking=("storage location", "cross-border transfer"))
