"""Record templates of the benchmark corpus: the kinds of business text personal information lives in.

Each template writes one record through a `Doc`, which tracks character offsets as text is appended,
so a label is always exactly the characters that were written for it. Templates follow how the data
looks in real systems: forms label their values (收件人手机：…), logs use keys (mobile=…), CSV rows and
chat messages often carry values bare, and the same record mixes personal values with business numbers
that merely look like them (order, tracking and trace numbers, timestamps, versions, masked values).
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus_phrases import CSV_HEADERS, JSON_KEYS, PHRASES
from corpus_values import Rendered, Values


@dataclass(frozen=True, slots=True)
class Label:
    """A gold span: `label` is a canonical entity name (or a hard-negative kind in `negatives`)."""

    start: int
    end: int
    label: str
    form: str = "plain"


@dataclass(slots=True)
class Doc:
    """Text under construction with the labels of the spans appended so far."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    labels: list[Label] = field(default_factory=list)
    negatives: list[Label] = field(default_factory=list)

    def t(self, text: str) -> Doc:
        self.parts.append(text)
        self.length += len(text)
        return self

    def pii(self, label: str, value: str | Rendered, form: str | None = None) -> Doc:
        text, written = (value.text, value.form) if isinstance(value, Rendered) else (value, form or "plain")
        self.labels.append(Label(self.length, self.length + len(text), label, form or written))
        return self.t(text)

    def span(self, start: int, label: str, form: str) -> Doc:
        """Label everything written since `start` (for containers written in several pieces)."""
        self.labels.append(Label(start, self.length, label, form))
        return self

    def neg(self, kind: str, text: str) -> Doc:
        self.negatives.append(Label(self.length, self.length + len(text), kind))
        return self.t(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def say(values: Values, key: str) -> str:
    """A phrase that introduces a value, from the main or the held-out set (corpus_phrases.py)."""
    return values.rng.choice(PHRASES[key][values.holdout])


def _dob_text(values: Values, date_: datetime.date) -> str:
    style = values.pick({"iso": 0.45, "cn": 0.25, "slash": 0.12, "compact": 0.1, "dot": 0.08})
    if style == "cn":
        return f"{date_.year}年{date_.month}月{date_.day}日"
    fmt = {"iso": "%Y-%m-%d", "slash": "%Y/%m/%d", "compact": "%Y%m%d", "dot": "%Y.%m.%d"}[style]
    return date_.strftime(fmt)


def _datetime_text(values: Values) -> str:
    date_ = values.birth_date(2021, 2026)
    return (
        f"{date_:%Y-%m-%d} {values.rng.randint(0, 23):02d}:{values.rng.randint(0, 59):02d}:"
        f"{values.rng.randint(0, 59):02d}"
    )


def _birth_from_id(number: str) -> datetime.date:
    return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def _masked_mobile(values: Values) -> str:
    number = values.mobile()
    return number[:3] + "****" + number[7:]


def _amount(values: Values) -> str:
    return f"{values.rng.randint(1, 99999)}.{values.rng.randint(0, 99):02d}"


# -- record kinds --------------------------------------------------------------------------------------


def _order_line(values: Values, doc: Doc) -> None:
    doc.t("订单号：").neg("ORDER_NUMBER", values.order_number())
    doc.t("  下单时间：").neg("DATETIME", _datetime_text(values))


def delivery(values: Values, doc: Doc) -> None:
    """A parcel waybill or a food-delivery order as exported by a merchant system."""
    rng = values.rng
    carrier = rng.choice(("顺丰速运", "中通快递", "圆通速递", "京东物流", "EMS"))
    doc.t(f"【{carrier}】运单号：").neg("TRACKING_NUMBER", values.tracking_number()).t("\n")
    order_first = rng.random() < 0.5  # merchant systems print the order line above or below the parties
    if order_first:
        _order_line(values, doc)
        doc.t("\n")
    if rng.random() < 0.6:
        doc.t("寄件人：").pii("PERSON", values.person_zh()).t(" ")
        doc.pii("CN_MOBILE", values.render_mobile(values.mobile())).t("\n")
    doc.t(say(values, "recipient")).pii("PERSON", values.person_zh())
    label = say(values, "recipient_phone")
    doc.t(label)
    if rng.random() < 0.12:
        doc.neg("MASKED_MOBILE", _masked_mobile(values)).t("（隐私面单）")
    elif rng.random() < 0.1:
        doc.pii("CN_LANDLINE", values.landline())
    else:
        doc.pii("CN_MOBILE", values.render_mobile(values.mobile()))
        if rng.random() < 0.1:
            doc.t("（微信同号）")
    doc.t(say(values, "address"))
    doc.pii("ADDRESS", values.address_zh())
    roll = rng.random()
    if roll < 0.35:
        doc.t(say(values, "postcode")).pii("CN_POSTAL_CODE", values.postal_code())
    elif roll < 0.5:
        doc.t(" ").pii("CN_POSTAL_CODE", values.postal_code(), "bare")
    if not order_first:
        doc.t("\n")
        _order_line(values, doc)
    doc.t("\n实付：¥").neg("AMOUNT", _amount(values))
    if rng.random() < 0.3:
        doc.t("  支付方式：微信支付 交易单号：").neg("WECHATPAY_TXN", values.wechat_pay_txn())
    doc.t(rng.choice(("\n备注：放门口，到了打电话", "\n备注：工作日送货", "\n备注：无", "")))


def kyc(values: Values, doc: Doc) -> None:
    """A bank account-opening / KYC verification record (客户身份识别)."""
    rng = values.rng
    number = values.resident_id()
    doc.t("客户身份信息核验记录\n客户姓名：").pii("PERSON", values.person_zh())
    doc.t(f"  性别：{rng.choice('男女')}  民族：汉\n" + say(values, "kyc_id"))
    doc.pii("CN_RESIDENT_ID", values.render_resident_id(number))
    if rng.random() < 0.7:
        doc.t(say(values, "dob")).pii("DATE_OF_BIRTH", _dob_text(values, _birth_from_id(number)))
    issued = values.birth_date(2012, 2024)
    doc.t("\n证件有效期：").neg("DATE", f"{issued:%Y.%m.%d}").t("-").neg(
        "DATE", f"{issued.year + 20}.{issued:%m.%d}"
    )
    doc.t("\n联系地址：").pii("ADDRESS", values.address_zh())
    doc.t(say(values, "kyc_mobile")).pii(
        "CN_MOBILE", values.render_mobile(values.mobile(virtual=rng.random() < 0.08))
    )
    if rng.random() < 0.4:
        doc.t(say(values, "kyc_landline")).pii("CN_LANDLINE", values.landline())
    bank = rng.choice(("中国工商银行", "中国农业银行", "中国建设银行", "招商银行", "中国银行", "交通银行"))
    doc.t(f"\n开户行：{bank}{rng.choice(('北京', '上海', '深圳', '杭州', '成都'))}分行  ")
    doc.t(say(values, "card"))
    doc.pii("BANK_CARD", values.render_card(values.unionpay()))
    doc.t("\n工作单位：").pii("ORGANIZATION", values.company_zh())
    if rng.random() < 0.6:
        doc.t(say(values, "uscc")).pii("CN_USCC", values.uscc())
    if rng.random() < 0.3:
        doc.t(say(values, "email")).pii("EMAIL", values.email())
    doc.t("\n核验流水号：").neg("ORDER_NUMBER", values.order_number())
    roll = rng.random()
    if roll < 0.15:
        bad, fault = values.invalid_resident_id()
        doc.t("\n二次核验：证件号码 ").neg(f"INVALID_RESIDENT_ID_{fault.upper()}", bad).t(
            " 校验失败，请客户重新提供"
        )
    elif roll < 0.25:
        doc.t("\n扣款失败：卡号 ").neg("INVALID_CARD", values.invalid_card()).t(" 校验位错误")
    elif roll < 0.3:
        doc.t("\n企业信息：代码 ").neg("INVALID_USCC", values.invalid_uscc()).t(" 与登记信息不符")
    doc.t(f"\n核验结果：{rng.choice(('通过', '通过', '待人工复核'))}  操作时间：").neg(
        "DATETIME", _datetime_text(values)
    )


def _log_prefix(values: Values, doc: Doc) -> None:
    rng = values.rng
    doc.neg("DATETIME", _datetime_text(values)).t(f".{rng.randint(0, 999):03d} ")
    doc.t(rng.choice(("INFO ", "INFO ", "WARN ", "DEBUG", "ERROR")))
    doc.t(
        f" [{rng.choice(('http-nio-8080-exec-', 'pool-3-thread-', 'main-', 'kafka-consumer-'))}"
        f"{rng.randint(1, 64)}] "
    )
    doc.t(
        rng.choice(
            (
                "c.y.user.LoginController",
                "c.y.order.OrderService",
                "c.y.risk.DeviceService",
                "c.y.pay.PayCallback",
                "c.y.sms.SmsSender",
                "c.y.geo.LocationReporter",
            )
        )
        + " - "
    )


def _log_line(values: Values, doc: Doc) -> None:
    rng = values.rng
    kind = values.pick(
        {"login": 0.25, "device": 0.2, "pay": 0.15, "sms": 0.12, "geo": 0.1, "user": 0.1, "plain": 0.08}
    )
    _log_prefix(values, doc)
    if kind == "login":
        doc.t("login success userId=").neg("SNOWFLAKE_ID", values.snowflake())
        doc.t(say(values, "log_mobile")).pii(
            "CN_MOBILE", values.render_mobile(values.mobile(), disguise=(0.0, 0.0))
        )
        if rng.random() < 0.15:
            # IPv6 peers as Java logs them: [address]:port; the gold span is the address alone.
            doc.t(" ip=[").pii("IP_ADDRESS", values.ipv6(), "ipv6").t(f"]:{rng.randint(1024, 65535)}")
        else:
            doc.t(say(values, "log_ip")).pii("IP_ADDRESS", values.ipv4())
            if rng.random() < 0.3:
                doc.t(f":{rng.randint(1024, 65535)}")
        doc.t(" traceId=").neg("TRACE_ID", values.trace_id())
        doc.t(f" cost={rng.randint(2, 900)}ms")
    elif kind == "device":
        doc.t("device bind ")
        doc.t(say(values, "log_imei")).pii("IMEI", values.imei())
        doc.t(say(values, "log_mac")).pii("MAC_ADDRESS", values.mac())
        if rng.random() < 0.5:
            doc.t(" androidId=").neg("ANDROID_ID", values.android_id())
        if rng.random() < 0.4:
            doc.t(" imsi=").neg("IMSI", values.imsi())
        doc.t(" appVersion=").neg("VERSION", values.version())
        doc.t(" ts=").neg("TIMESTAMP_MS", values.timestamp_ms())
    elif kind == "pay":
        doc.t("pay callback orderId=").neg("ORDER_NUMBER", values.order_number())
        if rng.random() < 0.6:
            doc.t(say(values, "log_card")).pii("BANK_CARD", values.unionpay())
        else:
            doc.t(" cardNo=").neg("MASKED_CARD", (number := values.unionpay())[:6] + "******" + number[-4:])
        doc.t(" transactionId=").neg("WECHATPAY_TXN", values.wechat_pay_txn())
        doc.t(" amount=").neg("AMOUNT", _amount(values))
        doc.t(" ts=").neg("TIMESTAMP", values.timestamp_s())
    elif kind == "sms":
        doc.t("send sms to ")
        if rng.random() < 0.5:
            doc.pii("CN_MOBILE", values.mobile())
        else:
            doc.neg("MASKED_MOBILE", _masked_mobile(values))
        doc.t(" template=SMS_").neg("TEMPLATE_ID", values.digits(9, "123456789"))
        doc.t(" code=").neg("VERIFICATION_CODE", values.digits(6)).t(" result=OK")
    elif kind == "geo":
        lat, lng = values.gps()
        doc.t("report location uid=").neg("USER_ID", values.digits(8, "123456789"))
        if rng.random() < 0.5:
            doc.t(" lat=").pii("GPS_COORDINATE", lat, "separate").t(" lng=").pii(
                "GPS_COORDINATE", lng, "separate"
            )
        else:
            doc.t(" location=").pii("GPS_COORDINATE", f"{lng},{lat}", "lng_lat")
        doc.t(" accuracy=").neg("AMOUNT", f"{rng.uniform(5, 80):.1f}")
        if rng.random() < 0.5:
            doc.t(" ipv6=").pii("IP_ADDRESS", values.ipv6(), "ipv6")
    elif kind == "user":
        doc.t("update profile uid=").neg("USER_ID", values.digits(8, "123456789"))
        doc.t(say(values, "log_email")).pii("EMAIL", values.email())
        if rng.random() < 0.5:
            doc.t(say(values, "log_id")).pii("CN_RESIDENT_ID", values.resident_id())
        if rng.random() < 0.3:
            doc.t(say(values, "log_dob")).pii("DATE_OF_BIRTH", f"{values.birth_date():%Y-%m-%d}")
    else:
        doc.t("request done, version=").neg("VERSION", values.version())
        doc.t(" build=").neg("BUILD_NUMBER", values.digits(8, "2"))
        doc.t(" elapsed=").neg("TIMESTAMP_MS", values.timestamp_ms()).t(" trace=").neg(
            "TRACE_ID", values.trace_id()
        )
    doc.t("\n")


def app_log(values: Values, doc: Doc) -> None:
    """A few lines of a Java/Spring service log (logback pattern), as shipped to a log platform."""
    for _ in range(values.rng.randint(2, 6)):
        _log_line(values, doc)


def access_log(values: Values, doc: Doc) -> None:
    """nginx combined access log lines with query strings and referrers."""
    rng = values.rng
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.8:
            doc.pii("IP_ADDRESS", values.ipv4())
        else:
            doc.pii("IP_ADDRESS", values.ipv6(), "ipv6")
        stamp = values.birth_date(2023, 2026)
        doc.t(
            f" - - [{stamp:%d/%b/%Y}:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
            f"{rng.randint(0, 59):02d}"
            f' +0800] "GET /api/v2/'
        )
        kind = rng.random()
        if kind < 0.35:
            doc.t("user/query?phone=").pii("CN_MOBILE", values.mobile()).t("&ts=").neg(
                "TIMESTAMP_MS", values.timestamp_ms()
            )
        elif kind < 0.5:
            doc.t("sms/verify?code=").neg("VERIFICATION_CODE", values.digits(6)).t("&nonce=").neg(
                "TRACE_ID", values.trace_id()
            )
        else:
            doc.t("order/detail?orderId=").neg("ORDER_NUMBER", values.order_number())
        doc.t(f' HTTP/1.1" {rng.choice((200, 200, 200, 302, 404, 500))} {rng.randint(100, 90000)} "')
        if rng.random() < 0.6:
            doc.pii("URL", values.url())
        else:
            doc.t("-")
        doc.t(f'" "{values.en.user_agent()}" rt=0.{rng.randint(1, 999):03d}\n')


def _chat_mobile(values: Values, doc: Doc) -> None:
    rng = values.rng
    number = values.mobile()
    if rng.random() < 0.01:
        digits = "零一二三四五六七八九"
        doc.pii("CN_MOBILE", "".join(digits[int(c)] for c in number), "chinese_numerals")
    else:
        doc.pii("CN_MOBILE", values.render_mobile(number, disguise=(0.12, 0.1)))


def chat(values: Values, doc: Doc) -> None:
    """A customer-service chat transcript: casual, values often bare, full-width and pasted from apps."""
    rng = values.rng
    agent = rng.choice(("小美", "小智", "客服01", "阿杰"))
    doc.t(f"[客服 {agent}] 您好，很高兴为您服务，请问有什么可以帮您？\n[用户] ")
    doc.t(rng.choice(("我上周买的东西还没到，订单号", "退款一直没到账，订单", "帮我查下这个单子 ")))
    doc.neg("ORDER_NUMBER", values.order_number()).t("\n[客服] 麻烦提供一下收件人姓名和手机号哦\n[用户] ")
    doc.pii("PERSON", values.person_zh()).t(say(values, "chat_name_sep"))
    _chat_mobile(values, doc)
    for _ in range(rng.randint(1, 3)):
        topic = values.pick(
            {"id": 0.2, "wechat": 0.2, "qq": 0.15, "email": 0.15, "card": 0.1, "addr": 0.1, "mobile": 0.1}
        )
        doc.t("\n[用户] ")
        if topic == "id":
            doc.t(say(values, "chat_id"))
            doc.pii("CN_RESIDENT_ID", values.render_resident_id(values.resident_id(), disguise=(0.1, 0.1)))
        elif topic == "wechat":
            doc.t(say(values, "chat_wechat"))
            doc.pii("WECHAT_ID", values.wechat()).t(rng.choice(("", " 备注订单号", "，谢谢")))
        elif topic == "qq":
            doc.t(say(values, "chat_qq")).pii("QQ_NUMBER", values.qq())
        elif topic == "email":
            doc.t(say(values, "chat_email")).pii("EMAIL", values.email())
            doc.t(rng.choice(("就行", "，谢谢", "")))
        elif topic == "card":
            doc.t(say(values, "chat_card")).pii(
                "BANK_CARD", values.render_card(values.unionpay(), disguise=(0.08, 0.08))
            )
        elif topic == "addr":
            doc.t("地址改成 ").pii("ADDRESS", values.address_zh())
        else:
            doc.t(say(values, "chat_mobile2")).t(" ")
            _chat_mobile(values, doc)
    if rng.random() < 0.3:
        number = values.resident_id()
        doc.t("\n[客服] 已核实证件 ").neg("MASKED_RESIDENT_ID", number[:6] + "********" + number[14:])
        doc.t("，手机 ").neg("MASKED_MOBILE", _masked_mobile(values))
    doc.t("\n[客服] 好的，已为您登记，工单号 ").neg("TICKET_NUMBER", "GD" + values.digits(14, "2"))
    doc.t(f"，预计{rng.randint(1, 3)}个工作日内处理，请留意短信。")


def json_export(values: Values, doc: Doc) -> None:
    """A JSON object of a user-table export (one line or pretty-printed), keys in English, pinyin or 中文."""
    rng = values.rng
    pretty = rng.random() < 0.35
    sep = ",\n  " if pretty else ", "

    def key(name: str) -> None:
        doc.t(json.dumps(name, ensure_ascii=False) + ": ")

    doc.t("{\n  " if pretty else "{")
    key("id")
    doc.neg("SNOWFLAKE_ID", values.snowflake())
    fields = [
        "name",
        "CN_MOBILE",
        *rng.sample(
            [
                "CN_RESIDENT_ID",
                "EMAIL",
                "ADDRESS",
                "BANK_CARD",
                "DATE_OF_BIRTH",
                "WECHAT_ID",
                "QQ_NUMBER",
                "CN_LICENSE_PLATE",
                "IP_ADDRESS",
                "CN_POSTAL_CODE",
            ],
            rng.randint(2, 6),
        ),
    ]
    for name in fields:
        doc.t(sep)
        key(rng.choice(JSON_KEYS[name][values.holdout]))
        doc.t('"')
        if name == "name":
            doc.pii("PERSON", values.person_zh())
        elif name == "CN_MOBILE":
            doc.pii(name, values.render_mobile(values.mobile(), disguise=(0.0, 0.0)))
        elif name == "CN_RESIDENT_ID":
            doc.pii(name, values.resident_id())
        elif name == "EMAIL":
            doc.pii(name, values.email())
        elif name == "ADDRESS":
            doc.pii(name, values.address_zh())
        elif name == "BANK_CARD":
            doc.pii(name, values.unionpay())
        elif name == "DATE_OF_BIRTH":
            doc.pii(name, f"{values.birth_date():%Y-%m-%d}")
        elif name == "WECHAT_ID":
            doc.pii(name, values.wechat())
        elif name == "QQ_NUMBER":
            doc.pii(name, values.qq())
        elif name == "CN_LICENSE_PLATE":
            doc.pii(name, values.plate())
        elif name == "IP_ADDRESS":
            doc.pii(name, values.ipv4())
        else:
            doc.pii(name, values.postal_code())
        doc.t('"')
    if rng.random() < 0.3:
        lat, lng = values.gps()
        doc.t(sep)
        key("location")
        doc.t('{"lat": ').pii("GPS_COORDINATE", lat, "separate").t(', "lng": ').pii(
            "GPS_COORDINATE", lng, "separate"
        ).t("}")
    doc.t(sep)
    key("createdAt")
    doc.neg("TIMESTAMP_MS", values.timestamp_ms())
    doc.t(sep)
    key("lastOrderNo")
    doc.t('"').neg("ORDER_NUMBER", values.order_number()).t('"')
    doc.t(sep)
    key("appVersion")
    doc.t('"').neg("VERSION", values.version()).t('"')
    doc.t("\n}" if pretty else "}")


def csv_rows(values: Values, doc: Doc) -> None:
    """A header and a few rows of a CSV export; values are bare, only the header names them."""
    rng = values.rng
    english = rng.random() < 0.4
    columns = [
        "ORDER_NUMBER",
        "PERSON",
        "CN_MOBILE",
        *rng.sample(
            ["CN_RESIDENT_ID", "EMAIL", "BANK_CARD", "ADDRESS", "CN_POSTAL_CODE", "CN_LICENSE_PLATE"],
            rng.randint(1, 4),
        ),
    ]
    columns += ["AMOUNT", "DATETIME"]
    headers = {column: CSV_HEADERS[column][values.holdout] for column in columns}
    doc.t(",".join(headers[column][1 if english else 0] for column in columns) + "\n")
    for _ in range(rng.randint(1, 5)):
        for index, column in enumerate(columns):
            if index:
                doc.t(",")
            if column == "ORDER_NUMBER":
                doc.neg(column, values.order_number())
            elif column == "PERSON":
                doc.pii(column, values.person_zh())
            elif column == "CN_MOBILE":
                doc.pii(column, values.mobile(), "bare")
            elif column == "CN_RESIDENT_ID":
                doc.pii(column, values.resident_id(), "bare")
            elif column == "EMAIL":
                doc.pii(column, values.email())
            elif column == "BANK_CARD":
                doc.pii(column, values.unionpay(), "bare")
            elif column == "ADDRESS":
                doc.t('"').pii(column, values.address_zh()).t('"')
            elif column == "CN_POSTAL_CODE":
                doc.pii(column, values.postal_code(), "bare")
            elif column == "CN_LICENSE_PLATE":
                doc.pii(column, values.plate())
            elif column == "AMOUNT":
                doc.neg(column, _amount(values))
            else:
                doc.neg(column, _datetime_text(values))
        doc.t("\n")


def english(values: Values, doc: Doc) -> None:
    """A cross-border e-commerce / support note in English with some Chinese mixed in."""
    rng = values.rng
    doc.t("Customer: ").pii("PERSON", values.person_en())
    doc.t(say(values, "en_phone")).pii("PHONE_NUMBER", values.intl_phone())
    doc.t("\nEmail: ").pii("EMAIL", values.email())
    roll = rng.random()
    if roll < 0.5:
        doc.t(say(values, "en_card"))
        doc.pii("CREDIT_CARD", values.render_card(values.intl_card(), disguise=(0.0, 0.0)))
        doc.t(f" exp {rng.randint(1, 12):02d}/{rng.randint(26, 31)}")
    elif roll < 0.75:
        doc.t(say(values, "en_iban")).pii("IBAN", values.iban())
    else:
        doc.t("\nRefund to UnionPay card ").pii(
            "BANK_CARD", values.render_card(values.unionpay(), disguise=(0, 0))
        )
    doc.t("\nShip to: ").pii("ADDRESS", values.address_zh(detailed=False)).t(", contact ")
    doc.pii("PERSON", values.zh.last_name() + rng.choice(("先生", "女士")))
    doc.t(" ").pii("CN_MOBILE", values.render_mobile(values.mobile()))
    doc.t("\nOrder #").neg("ORDER_NUMBER", values.order_number())
    doc.t(", tracking ").neg("TRACKING_NUMBER", values.tracking_number())
    doc.t(", placed ").neg("DATETIME", _datetime_text(values))
    if rng.random() < 0.3:
        doc.t("\nSee ").pii("URL", values.url()).t(" for the return policy.")
    if rng.random() < 0.3:
        doc.t("\nLogin from ").pii("IP_ADDRESS", values.ipv4()).t(", app v").neg("VERSION", values.version())


def travel(values: Values, doc: Doc) -> None:
    """A flight or hotel booking with travel documents (护照, 港澳通行证, 回乡证, 台胞证)."""
    rng = values.rng
    name = values.person_zh()
    doc.t("旅客姓名：").pii("PERSON", name)
    kind = values.pick({"passport": 0.45, "hk": 0.3, "tw": 0.25})
    if kind == "passport":
        doc.t(say(values, "passport"))
        doc.pii("CN_PASSPORT", values.passport())
    elif kind == "hk":
        number, name_of_permit = values.hk_macau_permit()
        doc.t(f"\n证件类型：{name_of_permit}  ").t(say(values, "permit_number"))
        doc.pii("CN_HK_MACAU_PERMIT", number)
    else:
        doc.t(say(values, "taiwan"))
        doc.pii("CN_TAIWAN_PERMIT", values.taiwan_permit())
    expiry = values.birth_date(2026, 2036)
    doc.t("  有效期至：").neg("DATE", f"{expiry:%Y-%m-%d}")
    doc.t(say(values, "travel_dob")).pii("DATE_OF_BIRTH", _dob_text(values, values.birth_date()))
    doc.t(say(values, "travel_mobile")).pii("CN_MOBILE", values.render_mobile(values.mobile()))
    if rng.random() < 0.3:
        doc.t("  紧急联系人：").pii("PERSON", values.person_zh()).t(" ").pii(
            "CN_MOBILE", values.render_mobile(values.mobile())
        )
    doc.t(f"\n航班：{rng.choice(('CA', 'MU', 'CZ', 'HU', 'CX'))}{rng.randint(100, 9999)}  电子客票号：")
    doc.neg("TICKET_NUMBER", rng.choice(("999", "781", "784", "880")) + "-" + values.digits(10))
    doc.t("  订单号：").neg("ORDER_NUMBER", values.order_number())
    doc.t("\n入住酒店：").pii("ORGANIZATION", values.zh.company_prefix() + "大酒店")
    doc.t("  预订时间：").neg("DATETIME", _datetime_text(values))


def vehicle(values: Values, doc: Doc) -> None:
    """Parking, ride-hailing and vehicle registration records with plates and coordinates."""
    rng = values.rng
    kind = values.pick({"parking": 0.4, "ride": 0.35, "owner": 0.25})
    if kind == "parking":
        doc.t(say(values, "plate")).pii("CN_LICENSE_PLATE", values.plate()).t(" 入场时间：")
        doc.neg("DATETIME", _datetime_text(values)).t(" 车道编号：").neg("LANE_ID", "P" + values.digits(4))
        doc.t(" 应缴：").neg("AMOUNT", _amount(values)).t("元")
        if rng.random() < 0.5:
            doc.t(" plate=").pii("CN_LICENSE_PLATE", values.plate())
    elif kind == "ride":
        lat, lng = values.gps()
        doc.t("行程单：乘客 ").pii("PERSON", values.person_zh()).t(" 手机尾号").neg(
            "MOBILE_TAIL", values.digits(4)
        )
        doc.t("\n上车点：").pii("ADDRESS", values.address_zh(detailed=False)).t(" (")
        form = rng.choice(("lat_lng", "lat_lng_space"))
        doc.pii("GPS_COORDINATE", f"{lat},{lng}" if form == "lat_lng" else f"{lat}, {lng}", form).t(")")
        doc.t("\n司机：").pii("PERSON", values.zh.last_name() + "师傅").t(" 车牌 ").pii(
            "CN_LICENSE_PLATE", values.plate()
        )
        doc.t(" 行程号：").neg("ORDER_NUMBER", values.order_number())
        doc.t(f" 里程{rng.randint(1, 60)}.{rng.randint(0, 9)}公里")
    else:
        doc.t("机动车登记信息\n所有人：").pii("PERSON", values.person_zh())
        doc.t(say(values, "owner_id")).pii("CN_RESIDENT_ID", values.render_resident_id(values.resident_id()))
        doc.t("\n号牌号码：").pii("CN_LICENSE_PLATE", values.plate())
        doc.t("\n车辆识别代号：").neg(
            "VIN", "LSV" + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(14))
        )
        doc.t("\n住所地址：").pii("ADDRESS", values.address_zh())
        doc.t("\n联系电话：").pii("CN_MOBILE", values.render_mobile(values.mobile()))


def hr(values: Values, doc: Doc) -> None:
    """An HR onboarding form (员工入职登记表) in key-value text."""
    rng = values.rng
    number = values.resident_id()
    doc.t("员工入职登记表\n姓名：").pii("PERSON", values.person_zh())
    doc.t("  工号：").neg("EMPLOYEE_ID", "E" + values.digits(6))
    doc.t(say(values, "hr_id")).pii("CN_RESIDENT_ID", values.render_resident_id(number))
    doc.t("\n出生日期：").pii("DATE_OF_BIRTH", _dob_text(values, _birth_from_id(number)))
    doc.t(say(values, "hr_mobile")).pii("CN_MOBILE", values.render_mobile(values.mobile()))
    doc.t("  邮箱：").pii("EMAIL", values.email())
    if rng.random() < 0.5:
        doc.t(say(values, "hr_qq")).pii("QQ_NUMBER", values.qq())
    if rng.random() < 0.5:
        doc.t(say(values, "hr_wechat")).pii("WECHAT_ID", values.wechat())
    doc.t("\n户籍地址：").pii("ADDRESS", values.address_zh())
    if rng.random() < 0.5:
        doc.t("  邮编：").pii("CN_POSTAL_CODE", values.postal_code())
    doc.t(say(values, "hr_card")).pii("BANK_CARD", values.render_card(values.unionpay()))
    doc.t("\n紧急联系人：").pii("PERSON", values.person_zh()).t(" 电话：").pii(
        "CN_LANDLINE", values.landline()
    )
    doc.t("\n入职日期：").neg("DATE", f"{values.birth_date(2018, 2026):%Y-%m-%d}")


def device(values: Values, doc: Doc) -> None:
    """An IoT / terminal registration event as JSON lines from a device-management platform."""
    rng = values.rng
    doc.t('{"event":"register","sn":"').neg("SERIAL_NUMBER", "SN" + values.digits(12))
    doc.t('","imei":"').pii("IMEI", values.imei())
    if rng.random() < 0.4:
        doc.t('","imei2":"').pii("IMEI", values.imei())
    doc.t('","mac":"').pii("MAC_ADDRESS", values.mac())
    doc.t('","wan_ip":"').pii("IP_ADDRESS", values.ipv4())
    if rng.random() < 0.5:
        doc.t('","ipv6":"').pii("IP_ADDRESS", values.ipv6(), "ipv6")
    doc.t('","fw":"').neg("VERSION", values.version())
    doc.t('","ts":').neg("TIMESTAMP_MS", values.timestamp_ms())
    lat, lng = values.gps()
    doc.t(',"gps":"').pii("GPS_COORDINATE", f"{lat},{lng}", "lat_lng").t('"')
    if rng.random() < 0.3:
        doc.t(',"owner_mobile":"').pii("CN_MOBILE", values.mobile()).t('"')
    if rng.random() < 0.3:
        doc.t(',"imei_bad":"').neg("INVALID_IMEI", values.invalid_imei()).t('"')
    doc.t("}")


def support_ticket(values: Values, doc: Doc) -> None:
    """A free-text complaint or ticket: values in running prose, next to Chinese characters."""
    rng = values.rng
    doc.t("工单描述：用户").pii("PERSON", values.person_zh()).t("来电反映，")
    doc.t(say(values, "ticket_mobile")).pii(
        "CN_MOBILE", values.render_mobile(values.mobile(virtual=rng.random() < 0.1))
    )
    doc.t(rng.choice(("于", "在"))).neg("DATE", f"{values.birth_date(2024, 2026):%Y-%m-%d}")
    doc.t("收到陌生来电")
    if rng.random() < 0.5:
        doc.t("，来电号码").pii("CN_LANDLINE", values.landline())
    doc.t("，对方自称客服并索要验证码。")
    if rng.random() < 0.4:
        doc.t("用户提供的交易单号为").neg("ORDER_NUMBER", values.order_number()).t("，")
    if rng.random() < 0.3:
        # Systems build business numbers by gluing digits to a phone number or an ID; the valid
        # identifier inside a longer digit run is not a match.
        inner = values.mobile() if rng.random() < 0.6 else values.resident_id()
        while inner.endswith("X"):  # an all-digit ID, so the run stays one run
            inner = values.resident_id()
        doc.t(rng.choice(("流水号", "批次号"))).neg(
            "EMBEDDED_RUN", values.digits(4, "123456789") + inner + values.digits(3)
        )
        doc.t("，")
    if rng.random() < 0.3:
        doc.t("涉及银行卡").pii("BANK_CARD", values.render_card(values.unionpay()))
        doc.t("，")
    if rng.random() < 0.3:
        doc.t("诈骗网址").pii("URL", values.url()).t("，")
    if rng.random() < 0.25:
        doc.t("用户登记邮箱").pii("EMAIL", values.email()).t("。")
    if rng.random() < 0.2:
        doc.t("号码").neg("UNALLOCATED_MOBILE", values.unallocated_mobile()).t("为空号。")
    if rng.random() < 0.2:
        doc.t("客服热线").neg("SERVICE_NUMBER", rng.choice(("95588", "95533", "10086", "10010", "12315"))).t(
            "已回访。"
        )
    if rng.random() < 0.15:
        doc.t("相关企业信用代码").pii("CN_USCC", values.uscc()).t("。")
    if rng.random() < 0.15:
        # A URL that carries a phone number: both are labelled (URL is a container entity).
        start = doc.t("回访链接：").length
        doc.t("https://m." + values.zh.domain_name() + "/feedback?mobile=").pii("CN_MOBILE", values.mobile())
        doc.span(start, "URL", "with_query")
    doc.t("请核实处理。")


RECORD_KINDS: dict[str, tuple[Callable[[Values, Doc], None], float]] = {
    "delivery": (delivery, 0.14),
    "kyc": (kyc, 0.1),
    "app_log": (app_log, 0.15),
    "access_log": (access_log, 0.06),
    "chat": (chat, 0.13),
    "json": (json_export, 0.1),
    "csv": (csv_rows, 0.07),
    "english": (english, 0.06),
    "travel": (travel, 0.06),
    "vehicle": (vehicle, 0.04),
    "hr": (hr, 0.04),
    "device": (device, 0.04),
    "ticket": (support_ticket, 0.05),
}


def write_record(kind: str, values: Values) -> Doc:
    doc = Doc()
    RECORD_KINDS[kind][0](values, doc)
    return doc


def pick_kind(rng: random.Random) -> str:
    names = list(RECORD_KINDS)
    return rng.choices(names, weights=[RECORD_KINDS[name][1] for name in names])[0]


__all__ = ["RECORD_KINDS", "Doc", "Label", "pick_kind", "write_record"]
