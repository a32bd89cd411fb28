"""A synthetic company's database: customers, orders, employees, support chat, app logs, products.

Written through SQLAlchemy into SQLite (the demo's default) or any database URL, so `yinsi db scan`
and `yinsi db mask` have something realistic to work on: pinyin column abbreviations (xm, sfzh, sjh,
dz, csrq, yhkh) as in many Chinese schemas, Chinese column names, courier and address fields, free-text
chat with numbers in it, logs with IPs and device IDs, and rows up to seven years old so that a
retention audit has something to count. Every person is generated (Faker zh_CN, seeded) with
identifiers that pass their check digits; no real data.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Any

from faker import Faker

from yinsi.demo import identifiers

# Rows are dated between these instants, so a 180-day retention audit finds old rows in every table.
_OLDEST = datetime.datetime(2019, 1, 1)
_NEWEST = datetime.datetime(2026, 11, 1)
_COURIERS = ("顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流", "EMS")
_DEPARTMENTS = ("客服部", "物流部", "财务部", "技术部", "市场部")


@dataclass(frozen=True, slots=True)
class DemoSizes:
    customers: int = 200
    orders: int = 600
    employees: int = 40
    chats: int = 300
    logs: int = 1000
    products: int = 50


def _schema(sa: Any, metadata: Any) -> dict[str, Any]:
    """The tables, in creation order (referenced tables first)."""
    return {
        "customers": sa.Table(
            "customers", metadata,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("xm", sa.String(40)), sa.Column("sfzh", sa.String(18)), sa.Column("sjh", sa.String(20)),
            sa.Column("email", sa.String(80)), sa.Column("dz", sa.String(200)), sa.Column("csrq", sa.Date),
            sa.Column("yhkh", sa.String(19)), sa.Column("vip_level", sa.Integer),
            sa.Column("created_at", sa.DateTime),
        ),
        "orders": sa.Table(
            "orders", metadata,
            sa.Column("order_id", sa.Integer, primary_key=True),
            sa.Column("customer_id", sa.Integer), sa.Column("order_no", sa.String(24)),
            sa.Column("receiver_name", sa.String(40)), sa.Column("receiver_phone", sa.String(20)),
            sa.Column("shipping_address", sa.String(200)), sa.Column("courier", sa.String(20)),
            sa.Column("tracking_no", sa.String(20)), sa.Column("amount", sa.Numeric(10, 2)),
            sa.Column("created_at", sa.DateTime),
        ),
        "employees": sa.Table(
            "employees", metadata,
            sa.Column("工号", sa.String(8), primary_key=True),
            sa.Column("姓名", sa.String(40)), sa.Column("身份证号", sa.String(18)),
            sa.Column("手机号", sa.String(20)), sa.Column("部门", sa.String(20)),
            sa.Column("工资卡号", sa.String(19)), sa.Column("入职日期", sa.Date),
        ),
        "support_chat": sa.Table(
            "support_chat", metadata,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("customer_id", sa.Integer), sa.Column("agent", sa.String(20)),
            sa.Column("message", sa.Text), sa.Column("sent_at", sa.DateTime),
        ),
        "app_logs": sa.Table(
            "app_logs", metadata,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("ts", sa.DateTime), sa.Column("client_ip", sa.String(45)),
            sa.Column("device_id", sa.String(20)), sa.Column("user_id", sa.Integer),
            sa.Column("event", sa.String(40)), sa.Column("app_version", sa.String(12)),
            sa.Column("avatar", sa.LargeBinary),
        ),
        "products": sa.Table(
            "products", metadata,
            sa.Column("sku", sa.String(12), primary_key=True),
            sa.Column("title", sa.String(80)), sa.Column("price", sa.Numeric(10, 2)),
            sa.Column("stock", sa.Integer),
        ),
    }


def _when(rng: random.Random) -> datetime.datetime:
    span = int((_NEWEST - _OLDEST).total_seconds())
    return _OLDEST + datetime.timedelta(seconds=rng.randrange(span))


def _rows(fake: Faker, rng: random.Random, sizes: DemoSizes) -> dict[str, list[dict[str, Any]]]:
    customers = []
    for index in range(1, sizes.customers + 1):
        birth = datetime.date(1955, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 50))
        customers.append({
            "id": index, "xm": fake.name(), "sfzh": identifiers.resident_id(rng, birth),
            "sjh": identifiers.mobile(rng),
            "email": f"{fake.user_name()}{index}@{rng.choice(['qq.com', '163.com', '126.com', 'sina.com'])}",
            "dz": fake.address().split(" ")[0], "csrq": birth, "yhkh": identifiers.bank_card(rng),
            "vip_level": rng.randrange(5), "created_at": _when(rng),
        })
    orders = []
    for index in range(1, sizes.orders + 1):
        customer = rng.choice(customers)
        joined = customer["created_at"]
        assert isinstance(joined, datetime.datetime)
        when = max(joined, _when(rng))
        orders.append({
            "order_id": index, "customer_id": customer["id"],
            "order_no": identifiers.order_number(rng, when),
            "receiver_name": customer["xm"] if rng.random() < 0.8 else fake.name(),
            "receiver_phone": customer["sjh"], "shipping_address": customer["dz"],
            "courier": rng.choice(_COURIERS), "tracking_no": identifiers.tracking_number(rng),
            "amount": round(rng.uniform(9, 2999), 2), "created_at": when,
        })
    employees = [
        {
            "工号": f"E{index:04d}", "姓名": fake.name(), "身份证号": identifiers.resident_id(rng),
            "手机号": identifiers.mobile(rng), "部门": rng.choice(_DEPARTMENTS),
            "工资卡号": identifiers.bank_card(rng), "入职日期": _when(rng).date(),
        }
        for index in range(1, sizes.employees + 1)
    ]
    chats = []
    for index in range(1, sizes.chats + 1):
        customer = rng.choice(customers)
        templates = (
            f"你好，我的快递还没到，手机号{customer['sjh']}",
            f"请把收货地址改成{customer['dz']}，谢谢",
            "请问什么时候发货？",
            f"退款请打到我的卡 {customer['yhkh']}",
            "好的，已为您登记，请耐心等待",
            f"我的邮箱是 {customer['email']}，发票发这里",
            "商品有破损，怎么申请售后？",
        )
        chats.append({
            "id": index, "customer_id": customer["id"], "agent": f"客服{rng.randrange(1, 9)}号",
            "message": rng.choice(templates), "sent_at": _when(rng),
        })
    logs = [
        {
            "id": index, "ts": _when(rng), "client_ip": fake.ipv4_public(),
            "device_id": identifiers.imei(rng), "user_id": rng.randrange(1, sizes.customers + 1),
            "event": rng.choice(("login", "view_item", "add_to_cart", "pay", "logout")),
            "app_version": f"3.{rng.randrange(20)}.{rng.randrange(10)}",
            "avatar": bytes(rng.randrange(256) for _ in range(16)) if rng.random() < 0.3 else None,
        }
        for index in range(1, sizes.logs + 1)
    ]
    products = [
        {"sku": f"SKU{index:06d}", "title": fake.word() + rng.choice(("礼盒", "套装", "旗舰款", "家庭装")),
         "price": round(rng.uniform(5, 999), 2), "stock": rng.randrange(1000)}
        for index in range(1, sizes.products + 1)
    ]
    return {"customers": customers, "orders": orders, "employees": employees, "support_chat": chats,
            "app_logs": logs, "products": products}


def write_demo_database(url: str, *, seed: int = 2024, sizes: DemoSizes | None = None,
                        replace: bool = False) -> dict[str, int]:
    """Create the demo tables at `url` and fill them; returns rows written per table.

    Existing demo tables are an error unless `replace` (then they are dropped first), so the demo
    never mixes into a database by accident.
    """
    import sqlalchemy as sa

    from yinsi.core.errors import ConfigurationError
    from yinsi.sources.sql import DatabaseError, create_engine, describe_error

    engine = create_engine(url, read_only=False)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    metadata = sa.MetaData()
    tables = _schema(sa, metadata)
    rows = _rows(fake, rng, sizes or DemoSizes())
    try:
        existing = set(sa.inspect(engine).get_table_names()) & set(tables)
        if existing and not replace:
            raise ConfigurationError(
                f"{', '.join(sorted(existing))} already exist at {engine.url.render_as_string()}; "
                "use --replace to drop and rewrite the demo tables"
            )
        metadata.drop_all(engine, checkfirst=True)
        metadata.create_all(engine)
        with engine.begin() as connection:
            for name, table in tables.items():
                if rows[name]:
                    connection.execute(table.insert(), rows[name])
    except sa.exc.SQLAlchemyError as error:
        raise DatabaseError(f"{engine.url.render_as_string()}: {describe_error(error, engine)}") from None
    finally:
        engine.dispose()
    return {name: len(items) for name, items in rows.items()}
