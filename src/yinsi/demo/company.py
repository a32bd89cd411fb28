"""A small synthetic company's files: orders, a GBK customer register, an app log, a CRM export, a chat.

Every person is generated (Faker zh_CN, seeded) with identifiers that pass their check digits, so the
demo finds real-looking personal information without shipping anyone's real data. Each sample file is
written by one function in `SAMPLES`; new kinds of demo data add a function there.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from yinsi.demo import identifiers


@dataclass(frozen=True, slots=True)
class Customer:
    name: str
    mobile: str
    resident_id: str
    email: str
    address: str
    bank_card: str


@dataclass(frozen=True, slots=True)
class Company:
    """The generated people and the generators to draw more values from."""

    customers: tuple[Customer, ...]
    fake: Faker
    rng: random.Random


def make_company(seed: int = 2024, size: int = 60) -> Company:
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    customers = tuple(
        Customer(
            name=fake.name(),
            mobile=identifiers.mobile(rng),
            resident_id=identifiers.resident_id(rng),
            email=f"{fake.user_name()}@{rng.choice(['qq.com', '163.com', '126.com', 'gmail.com'])}",
            address=fake.address().split(" ")[0],
            bank_card=identifiers.bank_card(rng),
        )
        for _ in range(size)
    )
    return Company(customers, fake, rng)


def write_orders(company: Company, directory: Path) -> Path:
    """orders.csv (UTF-8): delivery orders; order and tracking numbers are hard negatives."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["订单号", "下单时间", "收件人", "手机", "收货地址", "金额", "快递单号"])
    start = datetime.datetime(2024, 3, 1, 9, 0, 0)
    for index in range(200):
        customer = company.rng.choice(company.customers)
        when = start + datetime.timedelta(minutes=37 * index)
        writer.writerow([
            identifiers.order_number(company.rng, when), when.isoformat(sep=" "), customer.name,
            customer.mobile, customer.address, f"{company.rng.uniform(9, 999):.2f}",
            identifiers.tracking_number(company.rng),
        ])
    path = directory / "orders.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def write_customer_register(company: Company, directory: Path) -> Path:
    """customers-gbk.csv: a KYC register exported by an old system in GBK, with ID and bank card."""
    lines = ["客户编号,姓名,身份证号,联系电话,开户行,银行卡号"]
    for index, customer in enumerate(company.customers, start=1):
        lines.append(
            f"C{index:05d},{customer.name},{customer.resident_id},{customer.mobile},"
            f"{company.rng.choice(['中国银行', '工商银行', '建设银行', '农业银行'])},{customer.bank_card}"
        )
    path = directory / "customers-gbk.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def write_app_log(company: Company, directory: Path) -> Path:
    """app.log: service logs leaking phone numbers, emails, IPs and device IDs between trace IDs."""
    lines = []
    start = datetime.datetime(2024, 3, 2, 0, 0, 0)
    for index in range(300):
        customer = company.rng.choice(company.customers)
        when = (start + datetime.timedelta(seconds=53 * index)).isoformat(timespec="milliseconds")
        trace = f"{company.rng.getrandbits(64):016x}"
        event = company.rng.choice([
            f"login ok phone={customer.mobile} ip={company.fake.ipv4_public()}",
            f"send sms to {customer.mobile[:3]}-{customer.mobile[3:7]}-{customer.mobile[7:]} code=******",
            f"password reset requested for {customer.email}",
            f"device imei={identifiers.imei(company.rng)} registered by app 3.12.{index % 9}",
            f"order {identifiers.order_number(company.rng, start)} paid amount={index % 97}.00",
        ])
        lines.append(f"{when} INFO [trace={trace}] {event}")
    path = directory / "app.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_crm_export(company: Company, directory: Path) -> Path:
    """crm-export.json: nested JSON as a CRM's export API returns it."""
    records = [
        {
            "id": index,
            "customer": {"name": customer.name, "idCard": customer.resident_id, "email": customer.email},
            "contact": {"mobile": f"+86 {customer.mobile[:3]} {customer.mobile[3:7]} {customer.mobile[7:]}",
                        "address": customer.address},
            "company": company.fake.company(),
            "created": company.fake.date_time_this_decade().isoformat(),
        }
        for index, customer in enumerate(company.customers[:30], start=1)
    ]
    path = directory / "crm-export.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_chat(company: Company, directory: Path) -> Path:
    """chat-transcript.txt: customer service chat, with numbers in full-width digits and with spaces."""
    customer, other = company.customers[0], company.customers[1]
    full_width = customer.mobile.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    lines = [
        "【在线客服】会话记录 2024-03-05",
        "客服小李：您好，请问有什么可以帮您？",
        f"{customer.name}：我的快递一直没到，手机号是{full_width}",
        "客服小李：请提供一下身份证号后四位核实身份",
        f"{customer.name}：我直接发全号吧 {customer.resident_id[:6]} {customer.resident_id[6:14]} "
        f"{customer.resident_id[14:]}",
        f"客服小李：好的，收货地址是{customer.address}吗？",
        f"{customer.name}：对。另外帮我家人{other.name}改一下电话，新号码 "
        f"{other.mobile[:3]} {other.mobile[3:7]} {other.mobile[7:]}",
        f"{customer.name}：退款打到这张卡：{customer.bank_card}",
        f"客服小李：已登记，结果会发到您的邮箱 {customer.email}，订单号 "
        f"{identifiers.order_number(company.rng, datetime.datetime(2024, 3, 5))}",
    ]
    path = directory / "chat-transcript.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_logo(company: Company, directory: Path) -> Path:
    """logo.png: a binary file, so the summary shows what is skipped."""
    path = directory / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return path


SAMPLES: tuple[Callable[[Company, Path], Path], ...] = (
    write_orders, write_customer_register, write_app_log, write_crm_export, write_chat, write_logo,
)


def write_company(directory: Path, seed: int = 2024) -> list[Path]:
    """Write every sample into `directory` (created if needed); the same seed gives the same bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    company = make_company(seed)
    return [sample(company, directory) for sample in SAMPLES]
