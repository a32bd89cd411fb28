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
