"""Each operator as a parametrized table, plus the properties the keyed ones promise."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from yinsi.core.errors import ConfigurationError, InputError
from yinsi.crypto.keys import MasterKey
from yinsi.operators.base import KeyChain, OperatorContext, ParamError
from yinsi.operators.params import build_params
from yinsi.operators.registry import get_operator, operators
from yinsi.recognizers.bank_card import is_valid_bank_card
from yinsi.recognizers.cn_mobile import is_valid_cn_mobile
from yinsi.recognizers.cn_resident_id import is_valid_resident_id
from yinsi.recognizers.cn_uscc import is_valid_uscc

KEYS = KeyChain(MasterKey(bytes(range(32))))
OTHER_KEYS = KeyChain(MasterKey(bytes(range(1, 33))))


def run(operator: str, entity: str, value: str, keys: KeyChain | None = KEYS, **params: Any) -> str:
    implementation = get_operator(operator)
    built = build_params(implementation.params_type, params)
    implementation.check(entity, built)
    return implementation.operate(value, built, OperatorContext(entity, keys))


def test_every_operator_is_found() -> None:
    assert set(operators()) >= {
        "redact",
        "replace",
        "mask",
        "fake",
        "hmac",
        "fpe",
        "generalize",
        "drop",
        "keep",
    }


@pytest.mark.parametrize(
    ("operator", "entity", "value", "params", "expected"),
    [
        ("mask", "CN_MOBILE", "13812345678", {"keep_prefix": 3, "keep_suffix": 4}, "138****5678"),
        ("mask", "CN_MOBILE", "138-1234-5678", {"keep_prefix": 3, "keep_suffix": 4}, "138-****-5678"),
        (
            "mask",
            "CN_RESIDENT_ID",
            "110101199003078515",
            {"keep_prefix": 6, "keep_suffix": 4},
            "110101********8515",
        ),
        ("mask", "PERSON", "张三", {"keep_prefix": 1}, "张*"),
        ("mask", "PERSON", "李", {"keep_prefix": 1}, "*"),
        ("mask", "PERSON", "欧阳娜娜", {"keep_prefix": 1, "fixed_length": 1}, "欧*"),
        ("mask", "CN_MOBILE", "123", {"keep_prefix": 3, "keep_suffix": 4}, "12*"),
        ("mask", "EMAIL", "ab@c.cn", {"char": "#"}, "####.##"),
        ("redact", "PERSON", "张三", {}, "██"),
        ("redact", "PERSON", "张三", {"keep_length": False, "length": 4, "char": "x"}, "xxxx"),
        ("replace", "CN_MOBILE", "13812345678", {}, "<CN_MOBILE>"),
        ("replace", "CN_MOBILE", "13812345678", {"template": "[{chinese}]"}, "[手机号]"),
        ("replace", "PERSON", "张三", {"template": "某人"}, "某人"),
        ("drop", "PERSON", "张三", {}, ""),
        ("keep", "ADDRESS", "北京市朝阳区", {}, "北京市朝阳区"),
        ("generalize", "DATE_OF_BIRTH", "1990-03-07", {}, "1990"),
        ("generalize", "DATE_OF_BIRTH", "1990年3月7日", {"date": "year_month"}, "1990-03"),
        ("generalize", "DATE_OF_BIRTH", "unknown", {}, "<DATE_OF_BIRTH>"),
        ("generalize", "AGE", "37", {}, "30-39"),
        ("generalize", "AGE", "37岁", {"age_band": 5}, "35-39"),
        ("generalize", "IP_ADDRESS", "192.168.10.77", {}, "192.168.10.0/24"),
        ("generalize", "IP_ADDRESS", "2001:db8:1234:5678::1", {}, "2001:db8:1234::/48"),
        ("generalize", "IP_ADDRESS", "10.1.2.3", {"ipv4_prefix": 16}, "10.1.0.0/16"),
        ("generalize", "IP_ADDRESS", "10.1.2.3:8080", {}, "10.1.2.0/24"),
        ("generalize", "IP_ADDRESS", "[2001:db8::1]:443", {}, "2001:db8::/48"),
        ("generalize", "GPS_COORDINATE", "39.90423, 116.40739", {}, "39.90, 116.40"),
        ("generalize", "GPS_COORDINATE", "-33.8688,151.2093", {"gps_decimals": 1}, "-33.9,151.2"),
        ("generalize", "GPS_COORDINATE", "lat=39.9&lng=116.4", {}, "lat=39.9&lng=116.4"),  # no new digits
        ("generalize", "GPS_COORDINATE", "39°54'15\"N 116°24'27\"E", {}, "39.90°N 116.40°E"),
        ("generalize", "ADDRESS", "浙江省杭州市西湖区文三路90号", {}, "浙江省杭州市西湖区"),
        ("generalize", "ADDRESS", "浙江省杭州市西湖区文三路90号", {"address_level": "city"}, "浙江省杭州市"),
        ("generalize", "ADDRESS", "浙江省杭州市西湖区文三路90号", {"address_level": "province"}, "浙江省"),
        ("generalize", "ADDRESS", "北京市朝阳区建国路88号", {}, "北京市朝阳区"),
        ("generalize", "ADDRESS", "上海市浦东新区世纪大道1号", {"address_level": "city"}, "上海市"),
        ("generalize", "ADDRESS", "新疆维吾尔自治区乌鲁木齐市天山区", {}, "新疆维吾尔自治区乌鲁木齐市天山区"),
        ("generalize", "ADDRESS", "1 Main St", {"fallback": "[address]"}, "[address]"),
    ],
)
def test_operator_table(
    operator: str, entity: str, value: str, params: dict[str, Any], expected: str
) -> None:
    assert run(operator, entity, value, **params) == expected


def test_hmac_is_keyed_consistent_and_ignores_separators() -> None:
    first = run("hmac", "CN_MOBILE", "138-0013-8000")
    assert first == run("hmac", "CN_MOBILE", "13800138000")
    assert first.startswith("CN_MOBILE_") and len(first) == len("CN_MOBILE_") + 16
    assert first != run("hmac", "CN_MOBILE", "13800138000", keys=OTHER_KEYS)
    assert first != run("hmac", "CN_MOBILE", "13800138000", scope="vendor-b")
    assert run("hmac", "EMAIL", "A@B.cn", length=8, prefix="") == run(
        "hmac", "EMAIL", "a@b.cn", length=8, prefix=""
    )


def test_keyed_operators_need_a_key() -> None:
    for operator in ("hmac", "fake", "fpe"):
        with pytest.raises(ConfigurationError, match="needs a key"):
            run(operator, "CN_MOBILE", "13800138000", keys=None)
    with pytest.raises(ConfigurationError, match="needs a key"):
        run("replace", "CN_MOBILE", "13800138000", keys=None, template="<{entity}_{id}>")


@pytest.mark.parametrize(
    ("entity", "value", "valid"),
    [
        ("CN_RESIDENT_ID", "11010519491231002X", is_valid_resident_id),
        ("CN_RESIDENT_ID", "110101 1990 0307 8515", lambda v: is_valid_resident_id(v.replace(" ", ""))),
        ("BANK_CARD", "6222021234567890128", lambda v: is_valid_bank_card(v) is True),
        ("BANK_CARD", "6222 0212 3456 7890", lambda v: is_valid_bank_card(v) is True),
        ("CREDIT_CARD", "4111111111111111", luhn.is_valid),
        ("CN_USCC", "91350100M000100Y43", lambda v: is_valid_uscc(v) is True),
        ("CN_MOBILE", "13800138000", is_valid_cn_mobile),
        ("CN_MOBILE", "+86 138 0013 8000", is_valid_cn_mobile),
        ("IMEI", "490154203237518", luhn.is_valid),
    ],
)
def test_fakes_pass_their_own_checks_and_are_consistent(entity: str, value: str, valid: Any) -> None:
    for index in range(20):
        original = value[:-2] + f"{index:02d}" if entity != "CN_USCC" else value
        fake = run("fake", entity, original)
        assert fake != original
        assert valid(fake), fake
        assert fake == run("fake", entity, original)
        assert len(fake) == len(original)
    assert run("fake", entity, value) != run("fake", entity, value, keys=OTHER_KEYS)


@pytest.mark.parametrize(
    ("entity", "value"),
    [
        ("PERSON", "张三"),
        ("PERSON", "John Smith"),
        ("ADDRESS", "北京市朝阳区建国路88号"),
        ("EMAIL", "zhang@qq.com"),
        ("IP_ADDRESS", "8.8.8.8"),
        ("IP_ADDRESS", "2001:db8::1"),
        ("DATE_OF_BIRTH", "1990-03-07"),
        ("GPS_COORDINATE", "39.9042, 116.4074"),
        ("WECHAT_ID", "wxid_abc123"),
    ],
)
def test_fakes_of_other_kinds_are_consistent(entity: str, value: str) -> None:
    fake = run("fake", entity, value)
    assert fake and fake != value
    assert fake == run("fake", entity, value)


def test_fake_names_follow_the_script() -> None:
    assert all("\u4e00" <= ch <= "\u9fff" for ch in run("fake", "PERSON", "张三"))
    assert run("fake", "PERSON", "John Smith").isascii()


FPE_CASES = [
    ("CN_MOBILE", "13800138000"),
    ("CN_MOBILE", "+86 138-0013-8000"),
    ("CN_RESIDENT_ID", "11010519491231002X"),
    ("BANK_CARD", "6222 0212 3456 7890 128"),
    ("CN_USCC", "91350100M000100Y43"),
    ("EMAIL", "Zhang.San@qq.com"),
    ("CN_PASSPORT", "E12345678"),
]


@pytest.mark.parametrize(("entity", "value"), FPE_CASES)
def test_fpe_round_trips_keeps_layout_and_check_digits(entity: str, value: str) -> None:
    operator = get_operator("fpe")
    params = operator.params_type()
    encrypted = operator.operate(value, params, OperatorContext(entity, KEYS))
    assert encrypted != value and len(encrypted) == len(value)
    for original, new in zip(value, encrypted, strict=True):
        assert original.isalnum() == new.isalnum()  # separators in place
    assert operator.invert(encrypted, params, OperatorContext(entity, KEYS)) == value  # type: ignore[attr-defined]
    if entity == "BANK_CARD":
        assert luhn.is_valid(encrypted.replace(" ", ""))
    if entity == "CN_USCC":
        from stdnum.cn import uscc

        assert uscc.is_valid(encrypted)
    if entity == "CN_MOBILE":
        assert is_valid_cn_mobile(encrypted)


def test_fpe_resident_id_check_digit_is_recomputed() -> None:
    from stdnum.cn import ric

    encrypted = run("fpe", "CN_RESIDENT_ID", "11010519491231002X")
    assert ric.calc_check_digit(encrypted) == encrypted[-1]
    kept = run("fpe", "CN_RESIDENT_ID", "11010519491231002X", keep_prefix=6)
    assert kept.startswith("110105") and kept != "11010519491231002X"


def test_fpe_short_values() -> None:
    with pytest.raises(InputError, match="FF1 needs"):
        run("fpe", "QQ_NUMBER", "12345")
    assert run("fpe", "QQ_NUMBER", "12345", too_short="mask") == "*****"


@settings(max_examples=150, deadline=None)
@given(
    value=st.text(alphabet="0123456789 -", min_size=6, max_size=30).filter(
        lambda v: sum(c.isdigit() for c in v) >= 6
    ),
    entity=st.sampled_from(["QQ_NUMBER", "CN_LANDLINE", "IMEI", "CN_POSTAL_CODE"]),
)
def test_fpe_property_digits(value: str, entity: str) -> None:
    operator = get_operator("fpe")
    params = operator.params_type(recompute_check_digit=False)
    encrypted = operator.operate(value, params, OperatorContext(entity, KEYS))
    assert len(encrypted) == len(value)
    assert [c.isdigit() for c in encrypted] == [c.isdigit() for c in value]
    assert operator.invert(encrypted, params, OperatorContext(entity, KEYS)) == value  # type: ignore[attr-defined]
    assert encrypted == operator.operate(value, params, OperatorContext(entity, KEYS))


@settings(max_examples=100, deadline=None)
@given(
    value=st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@", min_size=4, max_size=40
    ).filter(lambda v: sum(c.isalnum() for c in v) >= 4)
)
def test_fpe_property_alphanumeric_deterministic_per_key(value: str) -> None:
    operator = get_operator("fpe")
    params = operator.params_type(alphabet="alphanumeric")
    encrypted = operator.operate(value, params, OperatorContext("WECHAT_ID", KEYS))
    assert len(encrypted) == len(value)
    assert all(c.isalnum() for c, o in zip(encrypted, value, strict=True) if o.isalnum())
    assert operator.invert(encrypted, params, OperatorContext("WECHAT_ID", KEYS)) == value  # type: ignore[attr-defined]
    other = operator.operate(value, params, OperatorContext("WECHAT_ID", OTHER_KEYS))
    if sum(c.isalnum() for c in value) >= 8:  # 62**8 outputs: a collision means a bug
        assert other != encrypted


@pytest.mark.parametrize(
    ("operator", "params", "field"),
    [
        ("mask", {"keep_prefix": -1}, "keep_prefix"),
        ("mask", {"keep_prefix": "3"}, "keep_prefix"),
        ("mask", {"char": "**"}, "char"),
        ("mask", {"keep_prefx": 3}, "keep_prefx"),
        ("redact", {"keep_length": "yes"}, "keep_length"),
        ("replace", {"template": "<{name}>"}, "template"),
        ("replace", {"template": "<{entity>"}, "template"),
        ("hmac", {"length": 4}, "length"),
        ("fpe", {"alphabet": "hex"}, "alphabet"),
        ("generalize", {"gps_decimals": 9}, "gps_decimals"),
        ("generalize", {"address_level": "street"}, "address_level"),
        ("fake", {"locale": "fr_FR"}, "locale"),
    ],
)
def test_param_errors_name_the_field(operator: str, params: dict[str, Any], field: str) -> None:
    with pytest.raises(ParamError) as error:
        build_params(get_operator(operator).params_type, params)
    assert error.value.field == field


def test_generalize_refuses_entities_it_cannot_coarsen() -> None:
    implementation = get_operator("generalize")
    with pytest.raises(ParamError, match="PERSON"):
        implementation.check("PERSON", implementation.params_type())
