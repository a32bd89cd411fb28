"""出生日期 (GB/T 35273-2020 A.1 个人基本资料): dates labelled as a birth date, in Chinese and ISO forms."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from yinsi.core.types import Finding
from yinsi.recognizers._anchored import DIGITS, take_back, touches
from yinsi.recognizers.base import Examples, Pattern, PatternRecognizer

# A date is personal information here only when it is labelled as a birth date, so candidates are
# found from the label: 出生日期/出生年月/出生于 (all start with 出生), 生日, birthday/birth_date/date of
# birth (contain "birth"), born, DOB, and the pinyin column names csrq (出生日期) and csny (出生年月). Every
# branch starts with a literal so the engine skips ahead to label characters; "dob" must not be the end
# of a word such as "adobe", checked right after its first letter, "born" not the end of "stubborn",
# and "birth" may go on only as birthday/birthdate (`birthtime` is a file timestamp) and not follow
# "Happy" (a greeting or a release name, "Happy Birthday Lina" (2009-02-28)). The label may be
# followed by up to 16 characters that are not digits, line breaks or sentence ends (：, "_date": ",
# 是), so the nearest label wins: 生日1990-03-07 入职2024-01-05 reports only the first date,
# 生日快乐！2024-01-05 none.
_LABEL = (
    "出生|生日|b(?<![Hh]appy b)irth(?:day|date)?(?![a-z])|B(?<![Hh]appy B)irth(?:day|date)?(?![a-z])|BIRTH"
    "|b(?<![A-Za-z]b)orn|B(?<![A-Za-z]B)orn|csrq|CSRQ|csny|CSNY"
    "|d(?<![A-Za-z]d)ob|D(?<![A-Za-z]D)OB|D(?<![A-Za-z]D)ob"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d{2}"
# Longer forms first, so that 1990-03-07 is never cut to its year and month.
_DATE = (
    rf"{_YEAR}(?P<sep>[-/.])\d{{1,2}}(?P=sep)\d{{1,2}}"  # 1990-03-07, 1990/3/7, 1990.03.07
    rf"|{_YEAR}\s?年\s?\d{{1,2}}\s?月(?:\s?\d{{1,2}}\s?[日号]?)?"  # 1990年3月7日, 1990年3月
    rf"|{_YEAR}\d{{4}}"  # 19900307
    rf"|\d{{1,2}}(?P<sep2>[-/.])\d{{1,2}}(?P=sep2){_YEAR}"  # 07/03/1990 (day or month first)
    rf"|{_MONTH_WORD}\s\d{{1,2}},?\s{_YEAR}"  # March 7, 1990
    rf"|\d{{1,2}}\s{_MONTH_WORD}\s{_YEAR}"  # 7 March 1990
    rf"|{_YEAR}[-/.]\d{{1,2}}"  # 1990-03 (出生年月)
)
_LABELLED = rf"(?:{_LABEL})[^\d\n。！？!?；;]{{0,16}}?(?P<value>{_DATE})"
# 1990年3月7日出生: found from 年 (a literal), `trim` takes back the year.
_TRAILING_LABEL = r"年\d{1,2}月\d{1,2}[日号]?(?=\s?出生)"
_YEAR_DIGITS = 4

# Words that turn a birth label into the label of another event when they stand between the label and
# the date or right after it (生日礼物已于2024-01-05发货, birthday order created 2024-01-05). Only that
# stretch is searched: a 有效期 line above 出生日期 says nothing about the birth date.
_OTHER_EVENT = re.compile(
    "发货|下单|订单|签发|有效|到期|创建|更新|礼物|快递|order|expir|issue|creat|updat", re.IGNORECASE
)
_LABEL_RE = re.compile(_LABEL)
_LABEL_REACH = 24
_AFTER_REACH = 4
_NUMBERS = re.compile(r"\d+")
_MONTH_WORD_RE = re.compile(r"[A-Za-z]+")
_EARLIEST_YEAR = 1900


def _real_date(year: int, month: int, day: int, today: datetime.date) -> bool:
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return False
    return _EARLIEST_YEAR <= year and date <= today


def is_valid_birth_date(value: str, today: datetime.date | None = None) -> bool:
    """True when `value` is a real calendar date (or year and month) from 1900 up to `today`.

    Day-first and month-first numeric dates (07/03/1990) are accepted when either reading is real.
    """
    today = today or datetime.date.today()
    numbers = [int(number) for number in _NUMBERS.findall(value)]
    word = _MONTH_WORD_RE.search(value)
    if word:
        prefix = word.group()[:3].lower()
        if prefix not in _MONTHS or len(numbers) != 2:
            return False
        day, year = numbers
        return _real_date(year, _MONTHS.index(prefix) + 1, day, today)
    if len(numbers) == 1 and len(value) == 8:  # 19900307
        numbers = [int(value[:4]), int(value[4:6]), int(value[6:])]
    if len(numbers) == 2:  # year and month only
        year, month = numbers
        return _real_date(year, month, 1, today)
    if len(numbers) != 3:
        return False
    if numbers[0] >= _EARLIEST_YEAR:
        year, month, day = numbers
        return _real_date(year, month, day, today)
    first, second, year = numbers
    return _real_date(year, second, first, today) or _real_date(year, first, second, today)


def about_another_event(text: str, start: int, end: int) -> bool:
    """True when an event word stands between the nearest birth label and the date, or just after it."""
    labels = list(_LABEL_RE.finditer(text, max(0, start - _LABEL_REACH), start))
    between = text[labels[-1].end() : start] if labels else ""
    return bool(_OTHER_EVENT.search(between) or _OTHER_EVENT.search(text, end, end + _AFTER_REACH))


class DateOfBirthRecognizer(PatternRecognizer):
    """出生日期 (GB/T 35273-2020 附录A 个人基本资料; dates per GB/T 7408 / ISO 8601 and common forms).

    Reported only next to a birth-date label (出生日期, 生日, 出生于, birthday, DOB, csrq, …), because an
    unlabelled date is far more often an order, log or expiry date. Accepts 1990-03-07, 1990/3/7,
    1990.03.07, 1990年3月7日, 19900307, 07/03/1990, March 7, 1990 and 1990年3月 (出生年月); the date must
    be real and not in the future.
    """

    entity_type = "DATE_OF_BIRTH"
    patterns = (
        Pattern("labelled", _LABELLED, 0.55, requires_context=True),
        Pattern("trailing_label", _TRAILING_LABEL, 0.55, requires_context=True),
    )
    context = (
        "出生", "生日", "出生日期", "出生年月", "出生于", "birth", "born", "dob", "date of birth", "birthday",
        "birth_date", "csrq", "csny",
    )
    # Boundaries are checked in `analyze`, after `trim` has taken back the year of trailing-label dates.
    boundary = "none"
    validated_score = 0.6
    context_boost = 0.3
    examples = Examples(
        positive=(
            "出生日期：1990-03-07",
            "生日 1990年3月7日",
            "DOB: 07/03/1990",
            '{"birth_date": "19900307"}',
            "1985年12月1日出生于上海",
        ),
        negative=(
            "下单时间 2024-01-05",  # not a birth date
            "出生日期：1990-02-30",  # not a real date
            "出生日期：2999-01-01",  # in the future
            "生日快乐！2024-01-05",  # the label belongs to another sentence
            "Adobe 2020-01-01",  # "dob" inside a word
        ),
    )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        if text[start] == "年":
            start = take_back(text, start, DIGITS, _YEAR_DIGITS)
        return start, end

    def validate(self, value: str) -> bool | None:
        if value.startswith("年"):  # the year could not be taken back
            return False
        return is_valid_birth_date(value)

    def analyze(self, text: str) -> Iterator[Finding]:
        for finding in super().analyze(text):
            if not touches(text, finding.start, finding.end, DIGITS) and not about_another_event(
                text, finding.start, finding.end
            ):
                yield finding
