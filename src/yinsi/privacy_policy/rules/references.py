"""Clauses the privacy-policy rules cite, written once.

Documents (see also yinsi.apps.rules.references):
- 认定方法(2019) 《App违法违规收集使用个人信息行为认定方法》: parts 一–三 checked against re-publications of
  the text (confidence C); items of parts 四–六 are cited from the published structure (U until checked).
- GB/T 35273-2020 §5.5 个人信息保护政策 items a)–h) and 附录D (policy template); chapter 8 (subject rights),
  6.1 (retention minimisation), 9.2/9.7/9.8 (sharing, third-party access, cross-border): confidence C for
  clause titles, U for exact wording.
- PIPL 《个人信息保护法》 (2021): article texts (V).
"""

from __future__ import annotations

from yinsi.apps.findings import Reference
from yinsi.apps.rules.references import (
    GBT_35273,
    GBT_35273_9_7,
    NECESSARY,
    NECESSARY_ART_4,
    PIPL,
    PIPL_6,
    PIPL_13,
    PIPL_14,
    PIPL_16,
    PIPL_23,
    PIPL_29,
    RENDING,
    RENDING_2_1,
    RENDING_4_1,
    RENDING_5_1,
)

__all__ = ["NECESSARY_ART_4", "PIPL_6", "PIPL_13", "PIPL_14", "PIPL_16", "PIPL_23", "PIPL_29", "RENDING_2_1",
           "RENDING_4_1", "RENDING_5_1"]

RENDING_1_1 = Reference(RENDING, "一.1", "在App中没有隐私政策，或者隐私政策中没有收集使用个人信息规则")
RENDING_2_2 = Reference(
    RENDING, "二.2",
    "收集使用个人信息的目的、方式、范围发生变化时，未以适当方式通知用户（更新隐私政策并提醒用户阅读等）")
RENDING_2_3 = Reference(
    RENDING, "二.3",
    "申请收集身份证号、银行账号、行踪轨迹等个人敏感信息时，未同步告知用户其目的，或者目的不明确、难以理解")
RENDING_3_4 = Reference(RENDING, "三.4", "以默认选择同意隐私政策等非明示方式征求用户同意")
RENDING_3_8 = Reference(RENDING, "三.8", "未向用户提供撤回同意收集个人信息的途径、方式", confidence="U")
RENDING_4_2 = Reference(
    RENDING, "四.2", "因用户不同意收集非必要个人信息或打开非必要权限，拒绝提供业务功能", confidence="U")
RENDING_4_5 = Reference(
    RENDING, "四.5",
    "仅以改善服务质量、提升用户体验、定向推送信息、研发新产品等为由，"
    "强制要求用户同意收集个人信息",
    confidence="U")
RENDING_6_1 = Reference(RENDING, "六.1", "未提供有效的更正、删除个人信息及注销用户账号功能", confidence="U")
RENDING_6_3 = Reference(
    RENDING, "六.3",
    "需人工处理的，未在承诺时限内（不得超过15个工作日，无承诺时限的以15个工作日为限）"
    "完成核查和处理",
    confidence="U")
RENDING_6_5 = Reference(
    RENDING, "六.5", "未建立并公布个人信息安全投诉、举报渠道，或未在承诺时限内（不超过15个工作日）受理并处理",
    confidence="U")

GBT_5_5 = Reference(GBT_35273, "5.5", "个人信息保护政策应公开的内容")
GBT_5_5_A = Reference(GBT_35273, "5.5 a)", "个人信息控制者的基本情况，包括主体身份、联系方式")
GBT_5_5_B = Reference(
    GBT_35273, "5.5 b)",
    "收集、使用个人信息的业务功能及各业务功能分别收集的个人信息类型；"
    "个人敏感信息需明确标识或突出显示")
GBT_5_5_C = Reference(GBT_35273, "5.5 c)", "个人信息收集方式、存储期限、涉及数据出境情况等处理规则")
GBT_5_5_D = Reference(
    GBT_35273, "5.5 d)", "对外共享、转让、公开披露的目的、个人信息类型、接收方类型及各自的安全和法律责任")
GBT_5_5_E = Reference(
    GBT_35273, "5.5 e)",
    "个人信息主体的权利和实现机制"
    "（查询、更正、删除、注销账户、撤回同意、获取副本等方法）")
GBT_5_5_H = Reference(
    GBT_35273, "5.5 h)",
    "处理个人信息主体询问、投诉的渠道和机制，以及外部纠纷解决机构及联络方式")
GBT_ANNEX_D = Reference(GBT_35273, "附录D", "个人信息保护政策模板")
GBT_5_3 = Reference(GBT_35273, "5.3", "多项业务功能的自主选择：不应捆绑业务功能要求一次性授权同意")
GBT_5_4 = Reference(GBT_35273, "5.4", "收集个人信息时的授权同意")
GBT_6_1 = Reference(GBT_35273, "6.1", "个人信息保存时间最小化")
GBT_8 = Reference(
    GBT_35273, "第8章",
    "个人信息主体的权利：查询、更正、删除、撤回同意、注销账户、获取副本、响应请求")
GBT_9_2 = Reference(GBT_35273, "9.2", "个人信息共享、转让")
GBT_9_7 = GBT_35273_9_7  # the app audit cites the same clause
GBT_9_8 = Reference(GBT_35273, "9.8", "个人信息跨境传输")
GBT_ANNEX_B = Reference(GBT_35273, "附录B", "个人敏感信息判定")

PIPL_7 = Reference(
    PIPL, "第七条",
    "处理个人信息应当遵循公开、透明原则，公开个人信息处理规则，明示处理的目的、方式和范围", "V")
PIPL_15 = Reference(PIPL, "第十五条", "个人有权撤回其同意；处理者应当提供便捷的撤回同意的方式", "V")
PIPL_17 = Reference(
    PIPL, "第十七条",
    "告知处理者名称和联系方式，处理目的、方式、种类、保存期限，行使权利的方式和程序；"
    "变更的应告知变更部分", "V")
PIPL_19 = Reference(PIPL, "第十九条", "保存期限应当为实现处理目的所必要的最短时间", "V")
PIPL_20 = Reference(
    PIPL, "第二十条",
    "共同处理个人信息，侵害个人信息权益造成损害的，应当依法承担连带责任", "V")
PIPL_21 = Reference(
    PIPL, "第二十一条",
    "委托处理个人信息的，应当约定处理目的、方式、种类和保护措施，并对受托人的活动进行监督", "V")
PIPL_28 = Reference(
    PIPL, "第二十八条",
    "敏感个人信息的范围；只有在具有特定的目的和充分的必要性时方可处理", "V")
PIPL_30 = Reference(PIPL, "第三十条", "处理敏感个人信息应告知其必要性以及对个人权益的影响", "V")
PIPL_31 = Reference(
    PIPL, "第三十一条",
    "处理不满十四周岁未成年人个人信息的，应当取得父母或者其他监护人的同意，"
    "并制定专门的处理规则", "V")
PIPL_38 = Reference(PIPL, "第三十八条", "向境外提供个人信息应具备的条件（安全评估、认证、标准合同等）", "V")
PIPL_39 = Reference(
    PIPL, "第三十九条",
    "向境外提供个人信息应告知境外接收方的名称、联系方式、目的、方式、种类及行权方式，"
    "并取得单独同意", "V")
PIPL_40 = Reference(
    PIPL, "第四十条",
    "关键信息基础设施运营者和达到规定数量的处理者应将在境内收集的个人信息存储在境内", "V")
PIPL_44_47 = Reference(PIPL, "第四十四条至第四十七条", "知情权、决定权、查阅复制、更正补充、删除的权利", "V")
PIPL_50 = Reference(
    PIPL, "第五十条",
    "建立便捷的个人行使权利的申请受理和处理机制；拒绝请求的应当说明理由", "V")
PIPL_65 = Reference(PIPL, "第六十五条", "任何组织、个人有权对违法个人信息处理活动进行投诉、举报", "V")
MIIT_15_DAYS = Reference(
    RENDING, "六.3/六.5", "承诺时限不得超过15个工作日；无承诺时限的，以15个工作日为限", confidence="U")
NECESSARY_ART_5 = Reference(NECESSARY, "第五条", "常见类型App的基本功能服务和必要个人信息范围")
