"""Context words shared by several recognizers (data, not logic)."""

from __future__ import annotations

# Labels of numbers that look like personal identifiers but are not: business keys, timestamps,
# versions. Seen next to a candidate they lower its score.
NUMBER_NEGATIVE: tuple[str, ...] = (
    "订单号", "订单编号", "快递单号", "运单号", "物流单号", "流水号", "交易号", "交易单号", "单号",
    "商户号", "批次号", "工单号", "序列号", "编号", "发票号", "票号", "凭证号", "合同号",
    "order_id", "orderid", "order no", "order_no", "tracking", "trace", "traceid", "trace_id",
    "request_id", "requestid", "txn", "transaction", "ts=", "timestamp", "version", "ver=", "build",
    "版本", "sku", "批号",
)

# Labels of payment card numbers (bank cards and international credit cards), incl. pinyin column
# abbreviations seen in Chinese schemas: yhkh 银行卡号, khh 开户行, xyk 信用卡.
CARD_CONTEXT: tuple[str, ...] = (
    "卡号", "银行卡", "银行卡号", "开户行", "开户银行", "账号", "帐号", "银行账户", "收款账户", "付款账户",
    "储蓄卡", "信用卡", "借记卡", "贷记卡", "银联", "持卡人", "结算卡", "工资卡", "这张卡", "此卡", "该卡",
    "card", "card no", "card_no", "cardno", "card number", "cardnumber", "card_num", "bank", "account",
    "acct", "yhk", "yhkh", "khh", "xyk", "visa", "mastercard", "amex", "jcb", "unionpay",
)

# Labels of resident ID numbers. Other 18-character identifiers (cards, USCC) take them as negative
# context: an ID that fails its own check may pass another scheme's by chance.
RESIDENT_ID_LABELS: tuple[str, ...] = ("身份证", "证件号", "公民身份号码", "id card", "id_card", "sfz")
