"""Wording patterns shared by the policy rules: negation, purposes, collection, contact details, periods.

Patterns are plain regular expressions over one clause (bounded length, see segmenter.MAX_CLAUSE), all
linear in practice: no nested quantifiers over overlapping classes.
"""

from __future__ import annotations

import re

# 不断 (continually), 不仅 (not only), 不时, 不限于 and 不久 do not negate what follows.
_ZH_NEGATION = re.compile(
    r"(?:不(?!断|仅|时|限于|久)|未|无|非|没有|绝不|禁止|避免|拒绝|杜绝)[^，,。；;]{0,6}$")
_EN_NEGATION = re.compile(r"\b(?:not|never|no|without|neither|nor|cannot|won't|don't|doesn't|isn't)\b"
                          r"(?:\W+\w+){0,8}\W*$|n't\b(?:\W+\w+){0,8}\W*$", re.IGNORECASE)


def any_of(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of wordings, each a complete regular expression.

    The rules' patterns are long alternations; listing one wording per argument keeps each readable and
    spares every module the same re.compile(... | ... | ..., re.IGNORECASE) boilerplate.
    """
    return re.compile("|".join(alternatives), re.IGNORECASE)


def negated(text: str, start: int) -> bool:
    """True when a negation governs the words at `start` (a few characters or words before it)."""
    before = text[max(0, start - 80):start]
    return bool(_ZH_NEGATION.search(before[-12:]) or _EN_NEGATION.search(before))


# A negation anywhere earlier in the same sentence part ("我们不会将您的个人信息出售给…"): Chinese puts the
# object between the negation and the verb, beyond the reach of `negated`. 不限于 / 不仅 do not negate.
_PART_NEGATION = re.compile(
    r"不(?:会|得|将|再|能|可|应|予)|绝不|决不|从不|并不|禁止|\b(?:not|never|no|nothing)\b|n't\b",
    re.IGNORECASE)
_PART_START = re.compile(r"[，,。；;：:！？!?]")


def negated_in_part(text: str, start: int) -> bool:
    """True when a negation occurs between the last comma or stop before `start` and `start`."""
    part_start = max((match.end() for match in _PART_START.finditer(text, 0, start)), default=0)
    return bool(_PART_NEGATION.search(text, part_start, start))


def affirmed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `pattern` in `text` that is not negated."""
    for match in pattern.finditer(text):
        if not negated(text, match.start()):
            return match
    return None


PURPOSE = re.compile(
    r"用于|用以|用来|为了|以便|便于|为您提供|为(?:完成|提供|保障|实现|满足|帮助|确保|便于|向您|您)"
    r"|目的(?:是|为|在于)|以实现|以完成|以向您|以帮助"
    # a sentence opening with its goal: "为开具发票，您需要填写…"
    r"|(?:^|[，,。；;])为[\u4e00-\u9fff]{2,12}[，,]"
    r"|\bin order to\b|\bso that\b|\bso we can\b|\bused (?:to|for)\b"
    r"|\b(?:needed|required|necessary) (?:for|to)\b"
    r"|\bfor the purposes? of\b|\bpurposes?\b|\bwe use (?:it|this|them|your)\b"
    # a sentence opening with what it is for: "For fraud checks we need your bank details"
    r"|(?:^|[.;]\s+)for\b[^,.;]{3,60}?,?\s+we (?:need|collect|use|ask for|process|require|request)\b"
    # "to <verb>" after the object ("… with Crashlytics to diagnose failures"); not "to you", "to partners".
    r"|\b(?:in order |so as )?to (?!(?:you|us|the|our|your|their|its|a|an|any|all|other|third|whom|which"
    r"|them|it|this|that|these|those|be|have)\b)[a-z]{3,}\b",
    re.IGNORECASE)
COLLECT = re.compile(
    r"收集|获取|采集|读取|调用|访问您的|使用您的|申请.{0,10}权限|需要您提供|请您提供|向您索取|记录您的"
    r"|记录(?:下)?您(?:输入|填写|搜索|浏览|点击|上传|发布)的"
    r"|您(?:需要|需|须|应当?)?(?:[^，,。；;]{0,10}?)(?:提供|填写|上传|提交)|我们(?:会|将)?(?:存储|保存|处理)您?的"
    r"|\b(?:collect|obtain|gather|access|request|record)(?:s|es|ed|ing)?\b|\breceiv(?:e|es|ed|ing)\b"
    r"|\bread(?:s|ing)?\b|\bus(?:e|es|ed|ing)\b|\blog(?:s|ged)?\b(?! (?:in|out|on|off|into)\b)"
    r"|\bask (?:you )?for\b|\byou (?:give|provide|submit|enter|upload)\b"
    r"|\bwe (?:also |only |then )?(?:store|save|keep|process|hold)\b",
    re.IGNORECASE)
GENERIC_PI = re.compile(
    r"个人信息|个人数据|用户信息|用户数据|您的(?:个人)?(?:数据|资料)|设备信息|相关信息"
    r"|personal (?:information|data)|your (?:information|data)|device information"
    r"|information (?:about|from) (?:you|your device)",
    re.IGNORECASE)
SHARE = re.compile(
    r"共享|分享给|提供给|向(?:[^，,。；;]{0,20})提供|对外提供|转让|披露|委托(?:[^，,。；;]{0,10})处理"
    r"|第三方(?:SDK|软件开发工具包)|接入|嵌入|(?:使用|集成|接入|嵌入)了?[^，,。；;]{0,20}SDK"
    r"|\bshar(?:e|es|ed|ing)\b|\bdisclos(?:e|es|ed|ing|ure)\b|\btransfer\b|\bsell\b"
    r"|\bprovide (?:it |them |your \w+ )?to\b|\bpass(?:es|ed)? (?:it |them )?(?:on )?to\b"
    r"|\b(?:send|sends|sent|forward|forwards|forwarded|pass|passes|passed)\b[^.;]{0,80}?"
    r"\bto (?:our|an?|the|its|their)\b"
    r"|(?:发送|传输|传送)(?:至|给)"
    # recipients that can reach the data: "they may have access to your information", "可以接触到您的"
    r"|\b(?:have|get|gain|given|has) access to (?:your|the|this|such)\b|(?:接触|访问)到您的"
    r"|\b(?:use|uses|integrate[sd]?|embed[sd]?)\b[^.;]{0,40}\bSDK"
    r"|(?<![A-Za-z])SDKs?(?![A-Za-z])",
    re.IGNORECASE)
THIRD_PARTY = re.compile(
    r"第三方|合作伙伴|合作方|关联公司|关联方|服务提供商|服务商|供应商|SDK|广告主"
    r"|third[- ]part|partner|affiliate|service provider|vendor|advertiser",
    re.IGNORECASE)
COMPANY = re.compile(
    r"[\u4e00-\u9fff（）()A-Za-z0-9]{2,40}?(?:有限公司|有限责任公司|股份有限公司|集团|分公司)"
    r"|\b[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*){0,6},?\s+"
    r"(?:Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|GmbH|Corporation|Corp\.?|S\.A\.|Pte\.?\s*Ltd\.?|PLC|plc|AG|B\.V\."
    r"|Sdn\.?\s*Bhd\.?)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<!\d)(?:\+?86[- ]?)?(?:400|800)[- ]?\d{3}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)"
    r"|(?<!\d)1[3-9]\d{9}(?!\d)|\+\d{1,3}[- ]?\(?\d{1,4}\)?[- ]?\d{3,4}[- ]?\d{3,4}"
    r"|(?<![\d.,])0\d{3} \d{3} \d{4}(?!\d)|(?:热线|电话|拨打)[：:]?\s*(?:95|96|12)\d{3}(?:\d{3})?(?!\d)")
POSTAL_ADDRESS = re.compile(
    r"(?:注册|办公|联系|通信|通讯|邮寄)地址"
    r"|[\u4e00-\u9fff]{2,8}(?:省|市)[\u4e00-\u9fff\d]{1,20}(?:区|县|路|街|号|大厦)"
    r"|\b(?:registered|office|postal|mailing) address\b"
    r"|\b\d+\s+\w+(?:\s\w+)?\s(?:Street|St\.|Road|Rd\.|Avenue|Ave\.)",
    re.IGNORECASE)
URL = re.compile(r"https?://[^\s，。；）)]+|www\.[^\s，。；）)]+", re.IGNORECASE)
IN_APP_PATH = re.compile(r"[“\"「『]?(?:我的|设置|账号与安全|个人中心|帮助与反馈)[”\"」』]?\s*[-—>＞→/]"
                         r"|\bSettings\s*[>→/-]|\btap\b|\bgo to\b", re.IGNORECASE)


def concrete_contact(text: str) -> bool:
    """An e-mail address, telephone number, postal address, web address or in-app path.

    The e-mail and URL patterns run only when "@" or a scheme is present: on a long run of letters
    they would otherwise retry from every position (quadratic in the clause length).
    """
    lowered = text.lower()
    web = "http" in lowered or "www." in lowered
    return bool(("@" in text and EMAIL.search(text)) or PHONE.search(text) or POSTAL_ADDRESS.search(text)
                or (web and URL.search(text)) or IN_APP_PATH.search(text))


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
               "sixty": 60,
               "ninety": 90}
NUMBER = (r"(?:\d+|[零〇一二两三四五六七八九十百]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
          r"|twelve|fifteen|twenty|thirty|sixty|ninety|半)")


def number_value(word: str) -> int | None:
    """12, 十五, fifteen, 三十 → int; None when it is not a number value."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    if word == "半":
        return 0
    if not word or any(char not in "零〇一二两三四五六七八九十百" for char in word):
        return None
    if "百" in word:
        head, _, tail = word.partition("百")
        return (_CN_DIGITS.get(head, 1) if head else 1) * 100 + (number_value(tail) or 0 if tail else 0)
    if "十" in word:
        head, _, tail = word.partition("十")
        return (_CN_DIGITS.get(head, 1) if head else 1) * 10 + (_CN_DIGITS.get(tail, 0) if tail else 0)
    value = 0
    for char in word:
        value = value * 10 + _CN_DIGITS[char]
    return value


PERIOD = re.compile(
    rf"({NUMBER})(?:\s*[（(]\d+[)）])?\s*(?:个)?\s*(个?工作日|个?自然日|天|日|周|星期|个月|月|年|小时|"
    rf"(?:working|business|calendar)?\s*days?|weeks?|months?|years?|hours?)(?![A-Za-z])", re.IGNORECASE)
