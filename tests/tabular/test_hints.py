"""Column-name hints: English, Chinese and pinyin names map to entity types; things are not persons."""

from __future__ import annotations

import pytest

from yinsi.tabular.hints import default_hints, normalize_name


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("xm", "PERSON"), ("sfzh", "CN_RESIDENT_ID"), ("zjhm", "CN_RESIDENT_ID"), ("sjh", "CN_MOBILE"),
        ("lxdh", "CN_MOBILE"), ("dz", "ADDRESS"), ("yhkh", "BANK_CARD"), ("csrq", "DATE_OF_BIRTH"),
        ("姓名", "PERSON"), ("身份证号", "CN_RESIDENT_ID"), ("手机号", "CN_MOBILE"), ("住址", "ADDRESS"),
        ("收货人手机号", "CN_MOBILE"), ("收货地址", "ADDRESS"), ("CustomerMobile", "CN_MOBILE"),
        ("cust_mobile_no", "CN_MOBILE"), ("shipping_address", "ADDRESS"), ("id_card_no", "CN_RESIDENT_ID"),
        ("client_ip", "IP_ADDRESS"), ("device_id", "IMEI"), ("email", "EMAIL"), ("QQ", "QQ_NUMBER"),
        ("receiver_name", "PERSON"),
    ],
)
def test_names_suggest_entities(name: str, entity: str) -> None:
    assert default_hints().entity_for(name) == entity


@pytest.mark.parametrize(
    "name",
    ["id", "order_id", "amount", "created_at", "company_name", "bank_name", "商户名称", "status", "sku"],
)
def test_other_names_suggest_nothing(name: str) -> None:
    assert default_hints().entity_for(name) is None


def test_normalize_name() -> None:
    assert normalize_name("CustomerMobile-No") == "customer_mobile_no"


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        (("cust*",), (), ["sales.customers", "customers"]),
        (("*.orders", "orders.csv"), (), ["sales.orders", "exports/orders.csv"]),
        ((), ("orders", "orders.csv"), ["sales.customers", "customers"]),
    ],
)
def test_table_globs_match_whole_and_last_part(
    include: tuple[str, ...], exclude: tuple[str, ...], expected: list[str]
) -> None:
    from yinsi.sources.tables import select_tables

    names = ["sales.customers", "sales.orders", "exports/orders.csv", "customers"]
    assert select_tables(names, include, exclude) == expected
