"""The labels and phrases that introduce values in the corpus, in two disjoint sets.

Recognizers are improved by looking at their errors on the corpus, so they can come to fit its exact
wording. The held-out set (`corpus.py --holdout`) writes the same kinds of records with different,
equally real wording — other form labels, log keys, JSON keys, CSV headers and chat phrasing — so a
score that holds on both sets is not an artefact of the main set's phrasing. Keep the two sets
disjoint when adding phrases.
"""

from __future__ import annotations

# key: (main phrases, held-out phrases)
PHRASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # delivery orders
    "recipient": (("收件人：", "收货人：", "收件人: "), ("收件人姓名：", "收货人:", "联系人：", "收件：")),
    "recipient_phone": (
        ("  手机：", "，电话：", " 联系电话：", " ", "，", " 手机号码："),
        ("  联系手机：", "，收件人电话：", " 电话号码：", " Tel:", "/", " 移动电话："),
    ),
    "address": (
        ("\n收货地址：", "\n地址：", "，地址：", "\n详细地址: "),
        ("\n配送地址：", "\n收货地址为：", "，寄至：", "\n所在地区及详细地址："),
    ),
    "postcode": (("  邮编：", " 邮政编码：", "，邮编"), ("  邮政编码为", " 邮编号：", "，邮编:")),
    # KYC and HR forms
    "kyc_id": (
        ("证件类型：居民身份证  证件号码：",),
        ("证件类型：身份证  号码：", "身份证件号码：", "公民身份号码："),
    ),
    "dob": (("\n出生日期：", "\n出生年月日：", "  生日："), ("\n出生年月：", "\n生日为", "  出生：")),
    "kyc_mobile": (("\n手机号码：",), ("\n预留手机号：", "\n联系方式：", "\n移动电话：")),
    "kyc_landline": (("  固定电话：",), ("  座机：", "  办公电话：", "  电话：")),
    "card": (
        ("银行卡号：", "卡号：", "结算账户：", "借记卡号："),
        ("收款账号：", "银行账号：", "账号：", "储蓄卡号："),
    ),
    "uscc": (("  统一社会信用代码：",), ("  社会信用代码：", "  纳税人识别号：", "  营业执照号：")),
    "email": (("\n邮箱：",), ("\n电子邮件：", "\nE-mail：", "\n邮件地址：")),
    "hr_id": (("\n身份证号码：",), ("\n身份证号：", "\n证件号码：")),
    "hr_mobile": (("\n手机：",), ("\n联系电话：", "\n手机号码：")),
    "hr_qq": (("\nQQ：",), ("\nQQ号码：", "\nqq号：")),
    "hr_wechat": (("  微信：",), ("  微信号码：", "  wechat: ")),
    "hr_card": (("\n工资卡：",), ("\n工资卡号：", "\n代发工资账户：")),
    # service logs (keys)
    "log_mobile": (
        (" mobile=", " phone=", " account=", " loginName="),
        (" tel=", " userPhone=", " msisdn=", " phoneNo="),
    ),
    "log_ip": ((" ip=",), (" clientIp=", " remoteAddr=", " srcIp=")),
    "log_imei": (("imei=", "IMEI:", "deviceId="), ("imei1=", "device_imei=", "IMEI=")),
    "log_mac": ((" mac=",), (" wifiMac=", " macAddr=", " bssid=")),
    "log_card": ((" cardNo=",), (" bankCardNo=", " acctNo=", " card=")),
    "log_email": ((" email=",), (" mail=", " userEmail=")),
    "log_id": ((" idNo=",), (" idCard=", " certNo=", " identity=")),
    "log_dob": ((" birthday=",), (" birth=", " dob=")),
    # customer-service chat
    "chat_name_sep": (
        (" ", "，", "，手机", " 电话 ", "\n[用户] "),
        ("，电话是", " 手机号 ", "/", "，号码："),
    ),
    "chat_id": (
        ("身份证", "身份证号是", "我的身份证：", "证件号 "),
        ("身份证号码是", "证件号：", "我身份证号 ", "sfz "),
    ),
    "chat_wechat": (
        ("你加我微信吧 ", "微信号：", "vx: ", "加v ", "我微信是"),
        ("我的微信 ", "微信：", "wx：", "VX ", "加我威信 "),
    ),
    "chat_qq": (("我QQ ", "QQ：", "qq号", "扣扣 "), ("QQ号码 ", "qq: ", "企鹅号 ", "Q号 ")),
    "chat_email": (("发票发到", "邮箱", "发我邮箱 "), ("邮件发", "电子邮箱 ", "email: ")),
    "chat_card": (("退款退到这张卡 ", "卡号", "银行卡："), ("打到这个账户 ", "收款卡号 ", "银行卡号是")),
    "chat_mobile2": (("换个号码吧 ", "备用号码", "或者打这个"), ("另一个号码 ", "我老公电话 ", "也可以打 ")),
    # English notes
    "en_phone": ((", Tel: ", "; phone ", " | Mobile: "), (", Phone: ", " / cell ", ", WhatsApp ")),
    "en_card": (
        ("\nCard: ", "\nPaid with card ", "\nCredit card number: "),
        ("\nCard no. ", "\nCharged to ", "\nCC: "),
    ),
    "en_iban": (
        ("\nIBAN: ", "\nRefund to IBAN ", "\nBank account (IBAN) "),
        ("\nAccount (IBAN): ", "\nWire to ", "\nIBAN no. "),
    ),
    # travel documents
    "passport": (
        ("\n证件类型：护照  证件号码：", "\n护照号码：", "\nPassport No.: ", "\n护照号 "),
        ("\n证件类型：普通护照  证件号：", "\nPassport: ", "\n护照："),
    ),
    "permit_number": (("证件号码：", "号码：", "通行证号："), ("证件号：", "证号：", "号码为")),
    "taiwan": (
        ("\n证件类型：台胞证  证件号码：", "\n台胞证号码：", "\n台湾居民来往大陆通行证 "),
        ("\n台胞证：", "\n证件：台湾居民来往大陆通行证 号码 ", "\n台胞证号 "),
    ),
    "travel_dob": (("\n出生日期：",), ("\n出生年月日：", "\n生日：")),
    "travel_mobile": (("\n联系电话：",), ("\n联系手机：", "\n手机号：")),
    # vehicles
    "plate": (("停车场入场记录 车牌：",), ("停车场入场记录 车牌号码：", "入场车辆 号牌：")),
    "owner_id": (("\n身份证明号码：",), ("\n身份证号码：", "\n证件号码：")),
    # complaint tickets
    "ticket_mobile": (("其手机号", "手机", "号码", "用户电话"), ("来电号码为", "用户手机", "联系人电话")),
}

# JSON keys by field: (main, held-out)
JSON_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "name": (("name", "userName", "xm", "姓名", "realName"), ("fullName", "客户姓名", "custName")),
    "CN_MOBILE": (
        ("mobile", "phone", "sjh", "手机号", "tel", "contactPhone"),
        ("cellphone", "mobileNo", "phoneNumber", "联系电话"),
    ),
    "CN_RESIDENT_ID": (
        ("idCard", "id_no", "sfzh", "身份证号", "certNo"),
        ("identityNo", "idNumber", "证件号码", "idcardNo"),
    ),
    "EMAIL": (("email", "mail", "邮箱"), ("emailAddress", "电子邮箱")),
    "ADDRESS": (("address", "addr", "地址", "deliveryAddress"), ("homeAddress", "收货地址")),
    "BANK_CARD": (("bankCard", "cardNo", "银行卡号", "acctNo"), ("bankAccount", "银行账号", "debitCard")),
    "DATE_OF_BIRTH": (("birthday", "birthDate", "dob", "出生日期"), ("birth", "生日", "dateOfBirth")),
    "WECHAT_ID": (("wechat", "weixin", "wx", "微信号"), ("wechatId", "wxId", "微信")),
    "QQ_NUMBER": (("qq", "QQ", "qqNumber"), ("qqNo", "QQ号")),
    "CN_LICENSE_PLATE": (("plateNo", "carNo", "车牌号"), ("licensePlate", "车牌")),
    "IP_ADDRESS": (("ip", "clientIp", "registerIp"), ("loginIp", "ipAddress")),
    "CN_POSTAL_CODE": (("zipCode", "postcode", "邮编"), ("postalCode", "邮政编码")),
}

# CSV headers by column: (main (中文, english), held-out (中文, english))
CSV_HEADERS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "PERSON": (("姓名", "name"), ("客户姓名", "full_name")),
    "CN_MOBILE": (("手机号", "mobile"), ("联系电话", "phone")),
    "CN_RESIDENT_ID": (("身份证号", "id_no"), ("证件号码", "id_card")),
    "EMAIL": (("邮箱", "email"), ("电子邮箱", "mail")),
    "BANK_CARD": (("银行卡号", "card_no"), ("银行账号", "bank_account")),
    "ADDRESS": (("地址", "address"), ("收货地址", "addr")),
    "CN_POSTAL_CODE": (("邮编", "zip"), ("邮政编码", "postcode")),
    "CN_LICENSE_PLATE": (("车牌号", "plate"), ("车牌", "license_plate")),
    "ORDER_NUMBER": (("订单号", "order_no"), ("订单编号", "order_id")),
    "DATETIME": (("创建时间", "created_at"), ("下单时间", "create_time")),
    "AMOUNT": (("金额", "amount"), ("实付金额", "paid")),
}


def _check_disjoint() -> None:
    for table in (PHRASES, JSON_KEYS):
        for key, (main, held_out) in table.items():
            overlap = set(main) & set(held_out)
            assert not overlap, f"{key}: {overlap} in both sets"


_check_disjoint()
