"""Synthetic identifiers for the benchmark corpus: valid by the real rules, written as people write them.

Every positive value is generated from its standard and then checked with an independent implementation
(python-stdnum, phonenumbers) before it is used, so a gold label never marks something a careful human
would reject. Every hard negative is built to look like an identifier and is checked *not* to be one
(e.g. an order number that happens to be a valid resident ID is drawn again), so no gold negative is
actually personal information.

Surface forms (`Rendered.form`) record how a value was written: `plain`, `spaced`, `dashed`, `plus86`,
`fullwidth`, `zerowidth`, `lower`, `dotted`, ... so the accuracy report can break recall down by form.
"""

from __future__ import annotations

import datetime
import random
import re
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as stdnum_iban
from stdnum import imei as stdnum_imei
from stdnum import luhn
from stdnum.cn import ric, uscc

WECHAT_ID = re.compile(r"[A-Za-z][-_A-Za-z0-9]{5,19}")
FULLWIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
# Licence plates and most Chinese serial numbers leave out I and O (confusable with 1 and 0).
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

# Allocated mobile prefixes (MIIT 号段) incl. virtual operators (162, 165, 167, 170, 171) and data-only
# (145, 147); every generated number is still checked with phonenumbers.
MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 145 147 150 151 152 153 155 156 157 158 159 162 165 166 "
    "167 170 171 172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 190 191 192 193 195 "
    "196 197 198 199"
).split()
VIRTUAL_PREFIXES = ("162", "165", "167", "170", "171")
# Area codes of big cities (3-digit: 8-digit numbers) and prefecture cities (4-digit: 7 or 8 digits).
AREA_CODES_3 = ("010", "020", "021", "022", "023", "024", "025", "027", "028", "029")
AREA_CODES_4 = (
    "0755",
    "0571",
    "0512",
    "0574",
    "0591",
    "0592",
    "0731",
    "0871",
    "0531",
    "0532",
    "0351",
    "0371",
    "0431",
    "0451",
    "0471",
    "0851",
    "0898",
    "0757",
    "0769",
    "0760",
    "0510",
    "0519",
)
# Issuer identification numbers of mainland debit/credit cards (UnionPay, prefix 62).
UNIONPAY_BINS = (
    "622202",
    "622208",
    "621226",
    "621700",
    "622700",
    "622848",
    "622588",
    "621483",
    "622609",
    "621661",
    "623058",
    "622262",
    "621799",
    "622155",
    "625955",
    "628288",
    "622630",
    "621559",
    "622908",
    "621288",
)
# Type Allocation Codes of handset makers common in China (Apple 35…, Huawei/Xiaomi/OPPO 86…).
IMEI_TACS = (
    "35391110",
    "35332510",
    "35925406",
    "86891203",
    "86676803",
    "86743204",
    "86100004",
    "86962105",
    "86519603",
    "35875909",
    "35203010",
    "86035004",
)
IBAN_LOCALES = ("de_DE", "en_GB", "fr_FR", "nl_NL", "es_ES", "it_IT")
# First two postcode digits by GB/T 2260 province code (中国邮政编码 zones).
POSTCODE_PREFIXES = {
    "11": ("10",),
    "12": ("30",),
    "13": ("05", "06", "07"),
    "14": ("03", "04"),
    "15": ("01", "02"),
    "21": ("11", "12"),
    "22": ("13",),
    "23": ("15", "16"),
    "31": ("20",),
    "32": ("21", "22"),
    "33": ("31", "32"),
    "34": ("23", "24"),
    "35": ("35", "36"),
    "36": ("33", "34"),
    "37": ("25", "26", "27"),
    "41": ("45", "46", "47"),
    "42": ("43", "44"),
    "43": ("41", "42"),
    "44": ("51", "52"),
    "45": ("53", "54"),
    "46": ("57",),
    "50": ("40",),
    "51": ("61", "62", "63", "64"),
    "52": ("55", "56"),
    "53": ("65", "66", "67"),
    "54": ("85",),
    "61": ("71", "72"),
    "62": ("73", "74"),
    "63": ("81",),
    "64": ("75",),
    "65": ("83", "84"),
}
IPV6_PREFIXES = ("240e", "2408", "2409", "2001:da8", "2400:3200", "fe80")


@dataclass(frozen=True, slots=True)
class Rendered:
    """A value as it appears in the text, and the name of the form it was written in."""

    text: str
    form: str


@dataclass(frozen=True, slots=True)
class County:
    """A GB/T 2260 county-level code with the years it was in use (from python-stdnum's table)."""

    code: str
    province: str
    prefecture: str
    name: str
    first_year: int
    last_year: int


@cache
def counties() -> tuple[County, ...]:
    """Current and historical county codes of GB/T 2260, read from python-stdnum's `cn/loc.dat`."""
    raw = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    found: list[County] = []
    province_code = province = prefecture = ""
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, attrs = line.strip().partition(" ")
        name_list = attrs.split("=", 1)[1].strip('"')
        if not line.startswith(" "):
            province_code, province = code, name_list
            continue
        full = province_code + code
        for entry in name_list.split(","):
            first, last, name = 1900, 2100, entry
            if entry.startswith("["):
                period, name = entry[1:].split("]", 1)
                start, end = period.split("-")
                first, last = int(start or 1900), int(end or 2100)
            if full.endswith("00"):
                prefecture = name
                continue
            if name == "市辖区" or len(province_code) != 2:
                continue
            found.append(County(full, province, prefecture, name, first, last))
    return tuple(found)


def fullwidth(value: str) -> str:
    return value.translate(FULLWIDTH)


def group(value: str, sizes: tuple[int, ...], sep: str) -> str:
    """Split `value` into groups of `sizes` (the last group takes the rest) joined by `sep`."""
    parts, index = [], 0
    for size in sizes:
        if index >= len(value):
            break
        parts.append(value[index : index + size])
        index += size
    if index < len(value):
        parts.append(value[index:])
    return sep.join(part for part in parts if part)


class Values:
    """Draws identifiers and their written forms from one seeded random source."""

    def __init__(self, rng: random.Random, seed: int, holdout: bool = False) -> None:
        self.rng = rng
        self.holdout = holdout  # write with the held-out phrasing (corpus_phrases.py)
        self.zh = Faker("zh_CN")
        self.zh.seed_instance(seed)
        self.en = Faker("en_US")
        self.en.seed_instance(seed + 1)
        self.eu = {locale: Faker(locale) for locale in IBAN_LOCALES}
        for offset, faker in enumerate(self.eu.values()):
            faker.seed_instance(seed + 2 + offset)
        # IDs keep the code of the county where they were first issued, so historical codes are real
        # (stdnum checks that the county existed in the birth year); addresses use today's counties.
        self.counties = tuple(c for c in counties() if c.last_year >= 1960 and c.first_year <= 2005)
        self.current_counties = tuple(c for c in counties() if c.last_year == 2100)
        self._province = "11"

    # -- helpers -----------------------------------------------------------------------------------
    def digits(self, count: int, first: str = "0123456789") -> str:
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(count - 1))

    def pick(self, weighted: dict[str, float]) -> str:
        return self.rng.choices(list(weighted), weights=list(weighted.values()))[0]

    def zero_width(self, value: str) -> str:
        """Insert one or two invisible characters inside `value` (never at its ends)."""
        chars = list(value)
        for _ in range(self.rng.choice((1, 1, 2))):
            chars.insert(self.rng.randrange(1, len(chars)), self.rng.choice(ZERO_WIDTH))
        return "".join(chars)

    def disguise(self, value: str, form: str, rates: tuple[float, float]) -> Rendered:
        """Apply full-width digits or zero-width characters with the given probabilities."""
        roll = self.rng.random()
        if roll < rates[0]:
            return Rendered(fullwidth(value), "fullwidth")
        if roll < rates[0] + rates[1]:
            return Rendered(self.zero_width(value), "zerowidth")
        return Rendered(value, form)

    def birth_date(self, low: int = 1950, high: int = 2006) -> datetime.date:
        start = datetime.date(low, 1, 1).toordinal()
        end = datetime.date(high, 12, 31).toordinal()
        return datetime.date.fromordinal(self.rng.randint(start, end))

    # -- people and places -------------------------------------------------------------------------
    def person_zh(self) -> str:
        return self.zh.name()

    def person_en(self) -> str:
        return self.en.name()

    def address_zh(self, detailed: bool = True) -> str:
        """A mainland postal address built on a real GB/T 2260 county (Faker's own are invented)."""
        county = self.rng.choice(self.current_counties)
        self._province = county.code[:2]
        prefecture = "" if county.prefecture in (county.province, "") else county.prefecture
        if county.province in ("北京市", "天津市", "上海市", "重庆市"):
            prefecture = ""
        street = self.zh.street_name() + str(self.rng.randint(1, 999)) + "号"
        text = f"{county.province}{prefecture}{county.name}{street}"
        if detailed and self.rng.random() < 0.7:
            estate = self.rng.choice(("花园", "小区", "公寓", "新村", "家园", "大厦"))
            text += (
                f"{self.zh.last_name()}{estate}{self.rng.randint(1, 30)}栋"
                f"{self.rng.randint(1, 6)}单元{self.rng.randint(1, 33)}{self.rng.randint(1, 4):02d}室"
            )
        return text

    def company_zh(self) -> str:
        return self.zh.company()

    # -- national identifiers ----------------------------------------------------------------------
    def resident_id(self, birth: datetime.date | None = None) -> str:
        """An 18-digit 居民身份证号码: real county, a birth date the county existed for, MOD 11-2."""
        while True:
            county = self.rng.choice(self.counties)
            low, high = max(1950, county.first_year), min(2006, county.last_year)
            if low > high or (birth is not None and not low <= birth.year <= high):
                continue
            date = birth or self.birth_date(low, high)
            body = f"{county.code}{date:%Y%m%d}{self.rng.randint(0, 999):03d}"
            number = body + ric.calc_check_digit(body)
            if ric.is_valid(number):
                return number

    def render_resident_id(self, number: str, disguise: tuple[float, float] = (0.03, 0.02)) -> Rendered:
        form = self.pick({"plain": 0.78, "spaced4": 0.07, "spaced8": 0.05, "dashed": 0.03, "lower": 0.07})
        if form == "spaced4":
            text = group(number, (6, 4, 4, 4), " ")
        elif form == "spaced8":
            text = group(number, (6, 8, 4), " ")
        elif form == "dashed":
            text = group(number, (6, 8, 4), "-")
        elif form == "lower" and number.endswith("X"):
            text = number.lower()
        else:
            text, form = number, "plain"
        return self.disguise(text, form, disguise)

    def uscc(self) -> str:
        """A 统一社会信用代码 (GB 32100-2015): authority, type, region, organisation code, check char."""
        authority_type = self.rng.choice(("91", "91", "91", "92", "12", "11", "52", "53", "31", "93"))
        region = self.rng.choice(self.counties).code
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        # The 9-character body is a GB 11714 organisation code: 8 characters (all digits for older
        # codes, "MA" + letters and digits since 2015) and a MOD 11 check character.
        if self.rng.random() < 0.6:
            org_body = self.digits(8)
        else:
            org_body = "MA" + "".join(self.rng.choice(alphabet) for _ in range(6))
        weights = (3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(char, 36) * weight for char, weight in zip(org_body, weights, strict=True))
        org = org_body + {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))
        body = authority_type + region + org
        code = body + uscc.calc_check_digit(body)
        assert uscc.is_valid(code)
        return code

    def passport(self) -> str:
        """A PRC ordinary passport number: E + 8 digits, E + letter + 7 digits (2017+), or old G + 8."""
        kind = self.pick({"E8": 0.5, "EL7": 0.35, "G8": 0.15})
        if kind == "E8":
            return "E" + self.digits(8)
        if kind == "EL7":
            return "E" + self.rng.choice(PLATE_LETTERS) + self.digits(7)
        return "G" + self.digits(8)

    def hk_macau_permit(self) -> tuple[str, str]:
        """往来港澳通行证 (C + 8) or 港澳居民来往内地通行证/回乡证 (H or M + 8, older + 2 digits)."""
        kind = self.pick({"C8": 0.5, "CL7": 0.15, "H8": 0.2, "M8": 0.07, "H10": 0.08})
        if kind == "C8":
            return "C" + self.digits(8), "往来港澳通行证"
        if kind == "CL7":
            return "C" + self.rng.choice(PLATE_LETTERS) + self.digits(7), "往来港澳通行证"
        if kind == "H10":
            return "H" + self.digits(10), "回乡证"
        return kind[0] + self.digits(8), "回乡证"

    def taiwan_permit(self) -> str:
        """台湾居民来往大陆通行证 (台胞证): 8 digits on the card version issued since 2015."""
        return self.digits(8)

    def plate(self) -> Rendered:
        """A licence plate (GA 36-2018): province, issuing letter, 5 characters; NEV plates have 6."""
        province = self.rng.choice(PLATE_PROVINCES)
        letter = self.rng.choice(PLATE_LETTERS)
        kind = self.pick({"classic": 0.75, "nev_small": 0.18, "nev_large": 0.07})
        if kind == "classic":
            letters = self.rng.choice((0, 0, 0, 1, 1, 2))
            tail = [self.rng.choice(string.digits) for _ in range(5)]
            for position in self.rng.sample(range(5), letters):
                tail[position] = self.rng.choice(PLATE_LETTERS)
            serial = "".join(tail)
        elif kind == "nev_small":
            second = self.rng.choice(PLATE_LETTERS + string.digits)
            serial = self.rng.choice("DF") + second + self.digits(4)
        else:
            serial = self.digits(5) + self.rng.choice("DF")
        sep = self.pick({"": 0.7, "·": 0.2, " ": 0.1})
        form = {"": "plain", "·": "dotted", " ": "spaced"}[sep]
        return Rendered(f"{province}{letter}{sep}{serial}", form if kind == "classic" else f"nev_{form}")

    def postal_code(self) -> str:
        """A six-digit postcode whose first two digits belong to the province of the last address drawn."""
        first = self.rng.choice(POSTCODE_PREFIXES.get(self._province, ("10",)))
        return first + self.digits(4)

    # -- phones ------------------------------------------------------------------------------------
    def mobile(self, virtual: bool = False) -> str:
        while True:
            prefix = self.rng.choice(VIRTUAL_PREFIXES if virtual else MOBILE_PREFIXES)
            number = prefix + self.digits(8)
            parsed = phonenumbers.parse("+86" + number)
            if phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
                PhoneNumberType.MOBILE,
                PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ):
                return number

    def render_mobile(self, number: str, disguise: tuple[float, float] = (0.04, 0.03)) -> Rendered:
        form = self.pick(
            {
                "plain": 0.62,
                "spaced": 0.1,
                "dashed": 0.08,
                "plus86": 0.08,
                "plus86_dashed": 0.05,
                "0086": 0.02,
                "plus86_paren": 0.02,
                "plus86_spaced": 0.03,
            }
        )
        text = {
            "plain": number,
            "spaced": group(number, (3, 4, 4), " "),
            "dashed": group(number, (3, 4, 4), "-"),
            "plus86": "+86" + number,
            "plus86_dashed": "+86-" + group(number, (3, 4, 4), "-"),
            "plus86_spaced": "+86 " + group(number, (3, 4, 4), " "),
            "0086": "0086" + number,
            "plus86_paren": "(+86)" + number,
        }[form]
        return self.disguise(text, form, disguise)

    def landline(self) -> Rendered:
        """A fixed-line number with area code, sometimes an extension; or a 400/800 service number."""
        kind = self.pick({"area3": 0.45, "area4": 0.35, "400": 0.15, "800": 0.05})
        if kind in ("400", "800"):
            number = kind + self.digits(7)
            form = self.pick({"dashed": 0.6, "plain": 0.3, "spaced": 0.1})
            sep = {"dashed": "-", "plain": "", "spaced": " "}[form]
            return Rendered(group(number, (3, 3, 4), sep), f"{kind}_{form}")
        while True:
            area = self.rng.choice(AREA_CODES_3 if kind == "area3" else AREA_CODES_4)
            local = self.digits(8 if kind == "area3" or self.rng.random() < 0.7 else 7, "2345678")
            if phonenumbers.is_valid_number(phonenumbers.parse("+86" + area[1:] + local)):
                break
        form = self.pick(
            {"dashed": 0.55, "plain": 0.12, "paren": 0.12, "spaced": 0.06, "plus86": 0.05, "ext": 0.1}
        )
        if form == "paren":
            text = f"({area}){local}"
        elif form == "plain":
            text = area + local
        elif form == "spaced":
            # 8-digit local numbers are written 4-4, 7-digit ones 3-4.
            text = f"{area} {group(local, (4,) if len(local) == 8 else (3,), ' ')}"
        elif form == "plus86":
            text = f"+86-{area[1:]}-{local}"
        elif form == "ext":
            extension = self.digits(self.rng.choice((3, 4)), "123456789")
            text = f"{area}-{local}" + self.rng.choice(("转", "-", " ext. ", "分机")) + extension
        else:
            text = f"{area}-{local}"
        return Rendered(text, form)

    def intl_phone(self) -> Rendered:
        """An international number outside the mainland, valid per libphonenumber, with its + prefix."""
        region = self.pick({"HK": 0.3, "TW": 0.15, "US": 0.2, "GB": 0.1, "SG": 0.1, "MO": 0.05, "JP": 0.1})
        example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
        national = str(example.national_number)
        while True:
            keep = 3 if region in ("US", "GB", "JP") else 1
            candidate = national[:keep] + self.digits(len(national) - keep)
            parsed = phonenumbers.parse(f"+{example.country_code}{candidate}")
            if phonenumbers.is_valid_number(parsed):
                break
        style = self.pick({"international": 0.7, "e164": 0.3})
        fmt = PhoneNumberFormat.INTERNATIONAL if style == "international" else PhoneNumberFormat.E164
        return Rendered(phonenumbers.format_number(parsed, fmt), f"{region}_{style}")

    # -- finance -----------------------------------------------------------------------------------
    def unionpay(self) -> str:
        bin_ = self.rng.choice(UNIONPAY_BINS)
        length = self.rng.choice((16, 19, 19, 19, 16, 17, 18))
        body = bin_ + self.digits(length - len(bin_) - 1)
        return body + luhn.calc_check_digit(body)

    def render_card(self, number: str, disguise: tuple[float, float] = (0.03, 0.03)) -> Rendered:
        form = self.pick({"plain": 0.72, "spaced": 0.2, "dashed": 0.08})
        sep = {"plain": "", "spaced": " ", "dashed": "-"}[form]
        sizes = (4, 6, 5) if len(number) == 15 else (4, 4, 4, 4)
        return self.disguise(group(number, sizes, sep), form, disguise)

    def intl_card(self) -> str:
        """An international-brand card from Faker, kept only inside the brand's registered IIN range.

        Faker draws JCB numbers from all of 35xx, but JCB's range is 3528–3589 (3500–3527 are not
        JCB cards), so those are drawn again.
        """
        brand = self.rng.choice(("visa", "visa", "mastercard", "mastercard", "amex", "jcb", "discover"))
        while True:
            number = self.en.credit_card_number(card_type=brand)
            if brand != "jcb" or 3528 <= int(number[:4]) <= 3589:
                break
        assert luhn.is_valid(number)
        return number

    def iban(self) -> Rendered:
        while True:
            number = self.eu[self.rng.choice(IBAN_LOCALES)].iban()
            if stdnum_iban.is_valid(number):
                break
        if self.rng.random() < 0.5:
            return Rendered(stdnum_iban.format(number), "spaced")
        return Rendered(number, "plain")

    # -- online and devices ------------------------------------------------------------------------
    def email(self) -> Rendered:
        kind = self.pick({"free": 0.35, "qq": 0.2, "cn": 0.2, "company": 0.15, "en": 0.1})
        if kind == "qq":
            text = self.digits(self.rng.randint(6, 10), "123456789") + "@qq.com"
        elif kind == "cn":
            user = self.zh.user_name() + self.rng.choice(
                ("", str(self.rng.randint(1, 99)), str(self.rng.randint(1970, 2005)))
            )
            text = (
                user
                + "@"
                + self.rng.choice(
                    (
                        "163.com",
                        "126.com",
                        "sina.com",
                        "sohu.com",
                        "foxmail.com",
                        "aliyun.com",
                        "yeah.net",
                        "139.com",
                    )
                )
            )
        elif kind == "company":
            text = self.zh.user_name() + "@" + self.zh.domain_name()
        elif kind == "en":
            text = self.en.email()
        else:
            text = self.zh.free_email()
        if self.rng.random() < 0.02:
            return Rendered(fullwidth(text), "fullwidth")
        return Rendered(text, kind)

    def qq(self) -> str:
        return self.digits(self.rng.choice((6, 7, 8, 9, 9, 10, 10)), "123456789")

    def wechat(self) -> str:
        """A WeChat ID: 6–20 letters, digits, _ or -, starting with a letter (WeChat's own rules)."""
        while True:
            value = self._wechat_candidate()
            if WECHAT_ID.fullmatch(value):
                return value

    def _wechat_candidate(self) -> str:
        kind = self.pick({"wxid": 0.3, "pinyin": 0.5, "mixed": 0.2})
        if kind == "wxid":
            return "wxid_" + "".join(
                self.rng.choice(string.ascii_lowercase + string.digits) for _ in range(14)
            )
        if kind == "pinyin":
            sep = self.rng.choice(("", "_", "-", ""))
            number = self.rng.choice((self.rng.randint(1, 999), self.rng.randint(1970, 2005)))
            return f"{self.zh.user_name()}{sep}{number}"
        return self.rng.choice(string.ascii_letters) + "".join(
            self.rng.choice(string.ascii_letters + string.digits + "_")
            for _ in range(self.rng.randint(5, 15))
        )

    def ipv4(self) -> str:
        kind = self.pick({"public": 0.6, "private10": 0.2, "private192": 0.15, "private172": 0.05})
        if kind == "public":
            return self.en.ipv4_public()
        if kind == "private10":
            return f"10.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
        if kind == "private192":
            return f"192.168.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
        return f"172.{self.rng.randint(16, 31)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"

    def ipv6(self) -> str:
        prefix = self.rng.choice(IPV6_PREFIXES)
        groups = prefix.split(":")
        while len(groups) < 4:
            groups.append(f"{self.rng.randint(0, 0xFFFF):x}")
        if self.rng.random() < 0.5:
            return ":".join(groups) + "::" + f"{self.rng.randint(1, 0xFFFF):x}"
        while len(groups) < 8:
            groups.append(f"{self.rng.randint(0, 0xFFFF):x}")
        return ":".join(groups)

    def mac(self) -> Rendered:
        raw = [self.rng.randint(0, 255) for _ in range(6)]
        form = self.pick({"colon_lower": 0.4, "colon_upper": 0.3, "dash_upper": 0.2, "cisco": 0.1})
        if form == "cisco":
            hexes = "".join(f"{byte:02x}" for byte in raw)
            return Rendered(group(hexes, (4, 4, 4), "."), form)
        sep = ":" if form.startswith("colon") else "-"
        text = sep.join(f"{byte:02x}" for byte in raw)
        return Rendered(text.upper() if form.endswith("upper") else text, form)

    def imei(self) -> str:
        body = self.rng.choice(IMEI_TACS) + self.digits(6)
        number = body + luhn.calc_check_digit(body)  # IMEI check digit is Luhn (3GPP TS 23.003)
        assert stdnum_imei.is_valid(number)
        return number

    def gps(self) -> tuple[str, str]:
        """A (latitude, longitude) pair inside mainland China with 5–6 decimals, as strings."""
        lat = self.rng.uniform(18.2, 45.5)
        lng = self.rng.uniform(98.0, 126.5)
        places = self.rng.choice((5, 6, 6))
        return f"{lat:.{places}f}", f"{lng:.{places}f}"

    def url(self) -> str:
        return self.zh.url().rstrip("/") + "/" + self.zh.uri_path()

    # -- hard negatives ----------------------------------------------------------------------------
    def order_number(self) -> str:
        """Order numbers: a date-time prefix and a random tail (18–22 digits), never a valid ID or card."""
        while True:
            moment = self.rng.randint(1_640_000_000, 1_790_000_000)
            stamp = datetime.datetime.fromtimestamp(moment, datetime.UTC).strftime("%Y%m%d%H%M%S")
            number = stamp + self.digits(self.rng.randint(4, 8))
            if not _looks_valid(number):
                return number

    def tracking_number(self) -> str:
        kind = self.pick({"SF": 0.3, "YT": 0.15, "JD": 0.15, "ZTO": 0.25, "EMS": 0.15})
        if kind == "SF":
            return "SF" + self.digits(13, "1")
        if kind == "YT":
            return "YT" + self.digits(13, "2345678")
        if kind == "JD":
            return "JDVA" + self.digits(11, "0123")
        while True:
            number = self.digits(12 if kind == "ZTO" else 13, "7" if kind == "ZTO" else "1")
            if not _looks_valid(number):
                return number

    def timestamp_ms(self) -> str:
        return str(self.rng.randint(1_640_000_000_000, 1_790_000_000_000))

    def timestamp_s(self) -> str:
        return str(self.rng.randint(1_640_000_000, 1_790_000_000))

    def trace_id(self) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(32))

    def snowflake(self) -> str:
        return str(self.rng.randint(10**18, 2 * 10**18))

    def wechat_pay_txn(self) -> str:
        """微信支付 transaction ids: 4200 + 24 digits."""
        return "4200" + self.digits(24)

    def invalid_resident_id(self) -> tuple[str, str]:
        """An ID-shaped number that fails one rule: the check digit, the date or the region."""
        valid = self.resident_id()
        fault = self.pick({"checksum": 0.6, "date": 0.3, "region": 0.1})
        if fault == "checksum":
            wrong = self.rng.choice([c for c in "0123456789X" if c != valid[-1]])
            return valid[:17] + wrong, fault
        if fault == "date":
            bad_day = self.rng.choice(("0230", "0231", "0431", "1301", "0000", "1232"))
            body = valid[:10] + bad_day + valid[14:17]
        else:
            body = (
                self.rng.choice(("00", "19", "20", "28", "39", "48", "55", "60", "69", "80", "90", "99"))
                + valid[2:17]
            )
        number = body + ric.calc_check_digit(body)
        assert not ric.is_valid(number)
        return number, fault

    def invalid_card(self) -> str:
        number = self.unionpay()
        wrong = self.rng.choice([c for c in string.digits if c != number[-1]])
        return number[:-1] + wrong

    def invalid_imei(self) -> str:
        number = self.imei()
        return number[:-1] + self.rng.choice([c for c in string.digits if c != number[-1]])

    def invalid_uscc(self) -> str:
        code = self.uscc()
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        return code[:-1] + self.rng.choice([c for c in alphabet if c != code[-1]])

    def unallocated_mobile(self) -> str:
        while True:
            number = self.rng.choice(
                ("120", "121", "122", "127", "140", "141", "143", "144", "154", "160", "174", "179", "194")
            ) + self.digits(8)
            parsed = phonenumbers.parse("+86" + number)
            if not phonenumbers.is_valid_number(parsed):
                return number

    def version(self) -> str:
        """App and firmware versions: 3 or 4 dotted parts (6.9.15.813 looks like an IPv4 address)."""
        r = self.rng.randint
        kind = self.pick({"three": 0.4, "four": 0.3, "build": 0.3})
        if kind == "three":
            return f"{r(1, 15)}.{r(0, 30)}.{r(0, 300)}"
        if kind == "four":
            return f"{r(1, 12)}.{r(0, 20)}.{r(0, 40)}.{r(0, 999)}"
        return f"{r(1, 9)}.{r(0, 9)}.{r(1000, 9999)}"

    def imsi(self) -> str:
        """International mobile subscriber identity of a mainland operator (MCC 460); not an IMEI."""
        return "460" + self.rng.choice(("00", "01", "02", "03", "07", "11")) + self.digits(10)

    def android_id(self) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(16))


def _looks_valid(number: str) -> bool:
    """True when a digit string would be a valid ID, card, IMEI or mobile as a whole."""
    if len(number) == 18 and ric.is_valid(number):
        return True
    if (
        len(number) in (15, 16, 17, 18, 19)
        and luhn.is_valid(number)
        and number.startswith(("62", "4", "5", "3"))
    ):
        return True
    return len(number) == 15 and stdnum_imei.is_valid(number)
