"""Clauses the app-audit rules cite, written once.

Documents:
- 认定方法(2019): 《App违法违规收集使用个人信息行为认定方法》(国信办秘字〔2019〕191号). Item numbers follow
  its six parts (一 … 六) and numbered items; wording checked against a quoted excerpt (confidence C).
- 必要个人信息范围规定(2021): 《常见类型移动互联网应用程序必要个人信息范围规定》(国信办秘字〔2021〕14号).
- GB/T 41391-2022 《信息安全技术 移动互联网应用程序(App)收集个人信息基本要求》: clause titles taken from
  the standard's table of contents (6.1 最小必要收集 … 6.6 第三方收集管理, annexes A–F; confidence C).
- GB/T 35273-2020 《信息安全技术 个人信息安全规范》.
- PIPL: 《中华人民共和国个人信息保护法》(2021).
"""

from __future__ import annotations

from yinsi.apps.findings import Reference

RENDING = "认定方法(2019)"
NECESSARY = "必要个人信息范围规定(2021)"
GBT_41391 = "GB/T 41391-2022"
GBT_35273 = "GB/T 35273-2020"
PIPL = "PIPL 个人信息保护法"

RENDING_2_1 = Reference(
    RENDING, "二.1",
    "未逐一列出App（包括委托的第三方或嵌入的第三方代码、插件）收集使用个人信息的目的、方式、范围")
RENDING_3_1 = Reference(
    RENDING, "三.1",
    "征得用户同意前就开始收集个人信息或打开可收集个人信息的权限")
RENDING_4_1 = Reference(
    RENDING, "四.1",
    "收集的个人信息类型或打开的可收集个人信息权限与现有业务功能无关")
RENDING_5_1 = Reference(
    RENDING, "五.1",
    "未经同意向第三方提供个人信息，包括通过客户端嵌入的第三方代码、插件等方式")
NECESSARY_ART_4 = Reference(
    NECESSARY, "第四条",
    "App不得因为用户不同意提供非必要个人信息，而拒绝用户使用其基本功能服务", "V")
GBT_41391_6_1 = Reference(GBT_41391, "6.1", "最小必要收集")
GBT_41391_6_2 = Reference(GBT_41391, "6.2", "必要个人信息")
GBT_41391_6_4 = Reference(GBT_41391, "6.4", "告知同意")
GBT_41391_6_5 = Reference(GBT_41391, "6.5", "系统权限")
GBT_41391_6_6 = Reference(GBT_41391, "6.6", "第三方收集管理")
GBT_41391_6_7 = Reference(GBT_41391, "6.7", "其他要求")
GBT_41391_ANNEX_A = Reference(
    GBT_41391, "附录A",
    "常见服务类型App必要个人信息范围及其使用要求")
GBT_41391_ANNEX_E = Reference(
    GBT_41391, "附录E",
    "与常见服务类型相关程度较低的安卓系统权限")
GBT_35273_5_4 = Reference(GBT_35273, "5.4", "收集个人信息时的授权同意")
GBT_35273_6_3 = Reference(
    GBT_35273, "6.3",
    "个人敏感信息的传输和存储：应采用加密等安全措施")
GBT_35273_9_7 = Reference(GBT_35273, "9.7", "第三方接入管理")
PIPL_6 = Reference(
    PIPL, "第六条",
    "处理个人信息应当具有明确、合理的目的，限于实现处理目的的最小范围", "V")
PIPL_13 = Reference(PIPL, "第十三条", "处理个人信息的合法性基础（取得个人同意等）", "V")
PIPL_14 = Reference(PIPL, "第十四条", "同意应当由个人在充分知情的前提下自愿、明确作出", "V")
PIPL_16 = Reference(
    PIPL, "第十六条",
    "不得以个人不同意处理其个人信息为由拒绝提供产品或者服务（处理为提供产品或服务所必需的除外）", "V")
PIPL_23 = Reference(
    PIPL, "第二十三条",
    "向其他个人信息处理者提供个人信息，应告知并取得单独同意", "V")
PIPL_29 = Reference(PIPL, "第二十九条", "处理敏感个人信息应当取得个人的单独同意", "V")
PIPL_51 = Reference(
    PIPL, "第五十一条",
    "采取加密、去标识化等安全技术措施，防止未经授权的访问以及个人信息泄露", "V")


def category_reference(number: int, zh: str) -> Reference:
    """The 2021 regulation's item for one category (article 5 lists them as items (一)–(三十九))."""
    return Reference(NECESSARY, f"第五条第（{number}）项", f"{zh}的基本功能服务与必要个人信息")
