"""Why an entity type matters and what the rules say about it: the references reports print beside it.

SARIF rule help and the HTML report's rule explanations both come from here, so a data-protection
officer reads the same clauses in a code-scanning dashboard as in the report. Clauses cited:
PIPL art. 4 (what personal information is), art. 28 (sensitive personal information), art. 29
(separate consent for it), art. 19 (keep no longer than necessary), art. 51 (encryption and
de-identification as security measures); GB/T 35273-2020 Annex A (categories), Annex B (sensitive
examples), 6.1 (minimal retention), 6.2 (de-identification), 6.3 (storing sensitive information).
"""

from __future__ import annotations

from dataclasses import dataclass

from yinsi.apps.findings import Reference
from yinsi.core.entities import ENTITY_TYPES, EntityType

_DEFINITION = Reference("PIPL", "第四条 art. 4", "个人信息的定义 / what personal information is")
_SENSITIVE = Reference("PIPL", "第二十八条 art. 28", "敏感个人信息 / sensitive personal information")
_CONSENT = Reference("PIPL", "第二十九条 art. 29", "单独同意 / separate consent")
_MEASURES = Reference("PIPL", "第五十一条 art. 51",
                      "加密、去标识化等安全技术措施 / encryption, de-identification")
_ANNEX_B = Reference("GB/T 35273-2020", "附录B 表B.1", "个人敏感信息举例 / examples of sensitive PI")
_STORE_SENSITIVE = Reference("GB/T 35273-2020", "6.3", "个人敏感信息的传输和存储 / storing sensitive PI")
_DEIDENTIFY = Reference("GB/T 35273-2020", "6.2", "去标识化处理 / de-identify after collection")
_RETENTION = Reference("GB/T 35273-2020", "6.1", "存储时间最小化 / minimal retention")
_RETENTION_LAW = Reference("PIPL", "第十九条 art. 19",
                           "保存期限为实现目的所必要的最短时间 / shortest necessary")

RETENTION_REFERENCES: tuple[Reference, ...] = (_RETENTION_LAW, _RETENTION)


@dataclass(frozen=True, slots=True)
class Explanation:
    """An entity type as a rule: bilingual name, level, why it matters, what to do, and references."""

    entity_type: str
    chinese: str
    english: str
    category: str
    category_english: str
    sensitive: bool
    personal: bool
    why: str
    action: str
    references: tuple[Reference, ...]

    @property
    def level(self) -> str:
        """SARIF level: sensitive PI is an error, other PI a warning, non-personal context a note."""
        return "error" if self.sensitive else "warning" if self.personal else "note"

    def as_dict(self) -> dict[str, object]:
        return {
            "entity_type": self.entity_type, "chinese": self.chinese, "english": self.english,
            "category": self.category, "category_english": self.category_english,
            "sensitive": self.sensitive, "personal": self.personal, "why": self.why,
            "action": self.action, "references": [reference.as_dict() for reference in self.references],
        }


def explain(entity: EntityType) -> Explanation:
    """The explanation of one catalogue entry."""
    category = Reference("GB/T 35273-2020", "附录A 表A.1",
                         f"{entity.category.value} / {entity.category.english}")
    if entity.sensitive:
        why = ("敏感个人信息:一旦泄露或非法使用,容易导致人格尊严受到侵害或人身、财产安全受到危害。 "
               "Sensitive personal information: a leak can harm the person's dignity, safety or property.")
        action = ("仅在特定目的和充分必要时处理,取得单独同意,存储时加密,在日志和导出中去标识化。 "
                  "Process only for a specific, necessary purpose with separate consent; encrypt at rest; "
                  "de-identify it in logs and exports.")
        references: tuple[Reference, ...] = (_SENSITIVE, _CONSENT, _ANNEX_B, _STORE_SENSITIVE, _MEASURES,
                                             category)
    elif entity.personal:
        why = ("个人信息:能够单独或者与其他信息结合识别特定自然人。 "
               "Personal information: identifies a natural person alone or combined with other data.")
        action = ("只在需要的地方保存,保存期限最短,在日志、测试数据和导出中掩码或假名化。 "
                  "Keep it only where needed and no longer than needed; mask or pseudonymise it in logs, "
                  "test data and exports.")
        references = (_DEFINITION, _DEIDENTIFY, _RETENTION, _MEASURES, category)
    else:
        why = ("单独不属于个人信息(机构、网址等),但可能与个人信息相邻或包含个人信息。 "
               "Not personal information on its own (organisations, URLs), but it may sit next to or "
               "contain personal information.")
        action = ("检查其内容是否含有个人信息(如网址参数中的手机号)。 "
                  "Check whether it carries personal information (e.g. a phone number in a URL query).")
        references = (_DEFINITION,)
    return Explanation(
        entity_type=entity.name, chinese=entity.chinese, english=entity.english,
        category=entity.category.value, category_english=entity.category.english,
        sensitive=entity.sensitive, personal=entity.personal, why=why, action=action,
        references=references,
    )


def explain_name(name: str) -> Explanation:
    """The explanation of a type by name; a type missing from the catalogue (a plugin's) gets a plain one."""
    entity = ENTITY_TYPES.get(name)
    if entity is not None:
        return explain(entity)
    return Explanation(
        entity_type=name, chinese="", english=name.replace("_", " ").lower(), category="",
        category_english="",
        sensitive=False, personal=True, why="Reported by a recognizer outside the built-in catalogue.",
        action="See the recognizer's documentation.", references=(_DEFINITION,),
    )
