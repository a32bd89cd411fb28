"""Synthetic business text with whole-span PERSON / ADDRESS / ORGANIZATION / LOCATION labels.

Public NER corpora are news, microblogs and résumés: none of them labels a delivery address as one
span, and few show names in waybills, forms, logs or JSON. This generator writes such text from
GB/T 2260 division names (python-stdnum's loc.dat), surname lists, given-name characters and
templates of realistic business records, so the tagger learns whole addresses and labelled names.
Used for training (tools/train_ner.py) and, with another seed, as a fallback business benchmark.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from importlib import resources

from faker import Faker

from yinsi.ner.lexicon import COMPOUND_SURNAMES, SINGLE_SURNAMES

Span = tuple[int, int, str]

# Common given-name characters (both sexes); training adds those seen in labelled corpora.
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬飞鹏辉斌宇浩凯健俊帆帅旭宁龙林欣"
    "佳怡婷雪琳晨阳子轩梓涵诗雨欣然一博文思远志国建新春海燕晓丹丹云峰鑫宏亮彬雯倩颖慧莉琴梅蓉君嘉豪"
    "俊杰泽宇浩然子涵紫萱若曦昊天晨曦思琪嘉怡雅琪佳琪宇航天宇博文梦瑶心怡子墨浩宇家豪振华德华学友丽娟"
)
MINORITY_PARTS = (
    "买买提", "阿凡提", "阿不都", "热依拉", "古丽", "艾力", "努尔", "阿依", "吐尔逊", "玉素甫", "热合曼",
    "迪丽", "娜扎", "巴特尔", "其其格", "扎西", "卓玛", "次仁", "多吉", "阿里木", "帕提古丽", "艾合买提",
    "依明", "库尔班", "沙吾提", "吾尔开希", "乌兰", "那仁",
)
LATIN_NAMES = (
    "John Smith", "Mary Johnson", "David Lee", "Anna Müller", "Peter Wang", "Lucy Chen", "Tom Brown",
    "Emma Wilson", "Michael Zhang", "Sarah Liu", "James Taylor", "Linda Martin",
)
ROAD_WORDS = (
    "中山", "人民", "解放", "建设", "和平", "长江", "黄河", "科苑", "珞喻", "南京", "学府", "文化", "新华",
    "胜利", "光明", "青年", "工业", "东风", "朝阳", "友谊", "滨江", "湖滨", "淮海", "延安", "北京", "金桥",
    "张江", "高新", "创业", "迎宾", "幸福", "团结", "民主", "花园", "世纪", "天府", "锦绣", "翠微", "丰收",
)
ROAD_SUFFIXES = ("路", "路", "路", "街", "大道", "大街", "巷", "东路", "西路", "南路", "北路", "中路", "道")
ESTATE_WORDS = (
    "阳光", "幸福", "金色", "碧桂", "万科", "恒大", "绿地", "保利", "翠湖", "枫林", "锦江", "海棠", "紫荆",
    "龙湖", "融创", "和谐", "东方", "明珠", "丽景", "华府", "御景", "春天", "尚城", "世纪", "星河",
)
ESTATE_SUFFIXES = ("小区", "花园", "公寓", "大厦", "苑", "家园", "新村", "广场", "国际", "雅苑", "城")
PARK_WORDS = ("张江园区", "高新园区", "软件园", "科技园", "产业园", "工业园", "开发区")
ORG_WORDS = (
    "华为", "阿里巴巴", "腾讯", "京东", "美团", "字节跳动", "中国银行", "招商银行", "工商银行", "建设银行",
    "顺丰速运", "中国移动", "中国联通", "国家电网",
    "清华大学", "北京大学", "武汉大学", "人民医院", "中信证券",
)
ORG_SUFFIXES = ("科技有限公司", "网络有限公司", "信息技术有限公司", "贸易有限公司", "物流有限公司", "集团",
                "股份有限公司", "餐饮管理有限公司", "实业有限公司")
# Aliases of customer-service agents and bots: forms of address, not names of identifiable people.
AGENT_ALIASES = ("小美", "小智", "阿杰", "小蜜", "小冰", "小度", "阿福", "小安", "小蓝", "客服01", "小助手")
FILLER = (
    "周一", "周五", "高兴", "明天", "向前", "平安", "长江大桥", "王府井", "黄金周", "马上", "张开", "白天",
    "金额", "方便", "常规", "成功", "安全", "文件", "包裹", "运费", "退款", "发票", "售后", "快递",
)


@dataclass(frozen=True, slots=True)
class Division:
    province: str
    prefecture: str
    county: str


def _divisions() -> list[Division]:
    text = resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    result: list[Division] = []
    province = prefecture = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name = re.search(r'="([^"]+)"', line)
        if not name or "[" in name.group(1):
            continue
        value = name.group(1)
        if not line.startswith(" "):
            province, prefecture = value, ""
            continue
        code = line.split()[0]
        if value in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            prefecture = "" if value != "市辖区" else province
            continue
        if code.endswith("00"):
            prefecture = value
        elif province:
            result.append(Division(province, prefecture, value))
    return result


def _short(name: str) -> str:
    endings = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县")
    for ending in endings:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            return name[: -len(ending)]
    return name


class Synth:
    """Generates (text, spans) pairs; deterministic for a given seed."""

    def __init__(self, seed: int, given_chars: str = "") -> None:
        self.rng = random.Random(seed)
        self.divisions = _divisions()
        self.single = sorted(SINGLE_SURNAMES)
        self.top = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许")
        self.compound = sorted(COMPOUND_SURNAMES)
        self.given = list(dict.fromkeys(GIVEN_CHARS + given_chars))
        self.faker = Faker("zh_CN")
        self.faker.seed_instance(seed)

    # ----- pieces -----
    def name(self) -> str:
        r = self.rng.random()
        if r < 0.25:
            return self.faker.name()
        if r < 0.28:
            return self.rng.choice(MINORITY_PARTS) + "·" + self.rng.choice(MINORITY_PARTS)
        if r < 0.08:
            surname = self.rng.choice(self.compound)
        elif r < 0.6:
            surname = self.rng.choice(self.top)
        else:
            surname = self.rng.choice(self.single)
        size = 1 if self.rng.random() < 0.3 else 2
        return surname + "".join(self.rng.choice(self.given) for _ in range(size))

    def number(self, low: int = 1, high: int = 999) -> str:
        return str(self.rng.randint(low, high))

    def address(self) -> str:
        rng = self.rng
        div = rng.choice(self.divisions)
        parts: list[str] = []
        style = rng.random()
        province = div.province if rng.random() < 0.7 else _short(div.province)
        city = div.prefecture if rng.random() < 0.7 else _short(div.prefecture)
        if style < 0.55:
            parts += [province, city if city != province else "", div.county]
        elif style < 0.8:
            parts += [city or province, div.county if rng.random() < 0.7 else _short(div.county)]
        else:
            parts += [div.county]
        if rng.random() < 0.3:
            road = self.faker.street_name()
        else:
            road = rng.choice(ROAD_WORDS) + rng.choice(ROAD_SUFFIXES)
        tail = rng.random()
        if tail < 0.3:
            parts += [road, self.number() + "号"]
        elif tail < 0.75:
            estate_word = self.faker.last_name() if rng.random() < 0.3 else rng.choice(ESTATE_WORDS)
            estate = estate_word + rng.choice(ESTATE_SUFFIXES)
            parts += [road + self.number() + "号" if rng.random() < 0.5 else "", estate,
                      self.number(1, 40) + rng.choice(("栋", "幢", "号楼", "座")),
                      (self.number(1, 6) + "单元") if rng.random() < 0.6 else "",
                      self.number(101, 3208) + ("室" if rng.random() < 0.8 else "")]
        elif tail < 0.85:
            parts += [rng.choice(PARK_WORDS), rng.choice((" ", "")), rng.choice(("软件园", "创新中心", "")),
                      rng.choice((" ", "")), self.number(1, 30), rng.choice((" 号楼", "号楼"))]
        else:
            parts += [rng.choice(ESTATE_WORDS) + "村" if rng.random() < 0.5 else road,
                      self.number() + "号", rng.choice(("", self.number(1, 9) + "楼"))]
        return "".join(parts).strip()

    def org(self) -> str:
        if self.rng.random() < 0.4:
            return self.rng.choice(ORG_WORDS)
        if self.rng.random() < 0.3:
            return self.faker.company()
        city = _short(self.rng.choice(self.divisions).prefecture or "武汉市")
        word = self.rng.choice(ROAD_WORDS + ESTATE_WORDS)
        return (city if self.rng.random() < 0.5 else "") + word + self.rng.choice(ORG_SUFFIXES)

    def location(self) -> str:
        div = self.rng.choice(self.divisions)
        return _short(self.rng.choice([div.province, div.prefecture or div.province]))

    def phone(self) -> str:
        return "1" + self.rng.choice("3578") + "".join(self.rng.choice("0123456789") for _ in range(9))

    def plate(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        body = "".join(self.rng.choice(letters + "0123456789") for _ in range(5))
        return self.rng.choice("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼") + \
            self.rng.choice(letters) + self.rng.choice(("", "·", " ")) + body

    def form(self) -> tuple[str, list[Span]]:
        """A record of labelled fields, most of them not names: teaches that 邮编/卡号 are labels."""
        rng = self.rng
        fields = [("姓名", "{name}"), ("手机", "{phone}"), ("地址", "{addr}")]
        extra = [
            ("邮编", self.number(100000, 859999)), ("邮箱", f"user{self.number()}@example.com"),
            ("卡号", "6222" + self.number(10**11, 10**12 - 1)), ("车牌", self.plate()),
            ("应缴", self.number() + ".00元"), ("里程", self.number() + "km"), ("备注", rng.choice(FILLER)),
            ("邮政编码", self.number(100000, 859999)), ("开户行", "{org}"), ("金额", self.number() + "元"),
            ("订单号", self.number(10**9, 10**10)), ("身份证号", "4201" + self.number(10**13, 10**14 - 1)),
            ("司机", "{name2}师傅"), ("紧急联系人", "{name2}"), ("所属机构", "{org}"), ("状态", "已签收"),
        ]
        rng.shuffle(extra)
        chosen = fields + extra[: rng.randint(2, 6)]
        rng.shuffle(chosen)
        sep = rng.choice(("：", ":", "：", " "))
        joiner = rng.choice(("\n", "  ", "，", " | "))
        template = joiner.join(label + sep + value for label, value in chosen)
        return self._fill(template)

    # ----- records -----
    def sample(self) -> tuple[str, list[Span]]:
        """One record: text and its (start, end, label) spans."""
        rng = self.rng
        if rng.random() < 0.15:
            return self.form()
        return self._fill(rng.choice(_TEMPLATES))

    def _fill(self, template: str) -> tuple[str, list[Span]]:
        rng = self.rng
        values = {
            "name": self.name(), "name2": self.name(), "addr": self.address(), "org": self.org(),
            "loc": self.location(), "phone": self.phone(), "fill": rng.choice(FILLER),
            "latin": rng.choice(LATIN_NAMES),
            "title": rng.choice(("先生", "女士", "老师", "经理", "总", "医生")),
            "num": self.number(100000, 99999999), "plate": self.plate(),
            "agent": rng.choice(AGENT_ALIASES),
        }
        return render(template, values)


_LABELS = {"name": "PER", "name2": "PER", "latin": "PER", "addr": "ADR", "org": "ORG", "loc": "LOC"}


def render(template: str, values: dict[str, str]) -> tuple[str, list[Span]]:
    """Fill `{slot}`s in `template`, recording spans for the labelled slots."""
    out: list[str] = []
    spans: list[Span] = []
    position = 0
    for piece in re.split(r"(\{\w+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            slot = piece[1:-1]
            value = values[slot]
            if slot in _LABELS:
                spans.append((position, position + len(value), _LABELS[slot]))
            out.append(value)
            position += len(value)
        else:
            out.append(piece)
            position += len(piece)
    return "".join(out), spans


_TEMPLATES = (
    "收件人：{name}，电话：{phone}，地址：{addr}",
    "收货人:{name} 手机:{phone} 收货地址:{addr}",
    "{name}{title}您好，您的包裹已发往{addr}，请注意查收。",
    "{name}{title}，您好！您在{org}的订单{num}已发货。",
    '{"name": "{name}", "mobile": "{phone}", "address": "{addr}"}',
    '{"customer": "{name}", "addr": "{addr}", "company": "{org}"}',
    "客户{name}反映{fill}收到的商品有破损，要求退款。",
    "联系人 {name} {phone}",
    "{name},{phone},{addr}",
    "姓名：{name}  性别：男  住址：{addr}",
    "家庭住址：{addr}，户主：{name}。",
    "{org}的{name}经理今天来访，商谈{fill}合作。",
    "今天{name}去了{loc}出差，{fill}回来。",
    "{name}和{name2}是同事，都在{org}工作。",
    "我叫{name}，住在{addr}，电话{phone}。",
    "请{name}于{fill}到{org}办理手续。",
    "寄件人：{name}（{phone}） 寄件地址：{addr}",
    "2023-05-01 12:00:01 INFO order={num} consignee={name} address={addr}",
    "用户{name}在{loc}下单，配送至{addr}。",
    "法定代表人：{name}，注册地址：{addr}",
    "患者{name}，女，35岁，现住{addr}。",
    "{fill}快乐！{name}祝大家{fill}。",
    "收件人：{latin}，电话：{phone}，地址：{addr}",
    "Dear {latin}, 您的快递已到{addr}。",
    "{loc}的天气很好，{fill}我们去{loc}玩。",
    "{org}位于{addr}。",
    "麻烦{name}把{fill}送到{addr}，谢谢。",
    "签收人：{name}；签收时间：{fill}",
    "{name}的地址是{addr}",
    "送货地址 {addr} 联系人 {name}",
    "{fill}在中国银行办理了业务，经过长江大桥。",
    "{name}：{fill}了吗？",
    "{name}{title}",
    "{addr}",
    "{addr}",
    "{addr} {name} {phone}",
    "{addr}（{name}收）",
    "{name} {phone} {addr}",
    "{org}",
    "{name}",
    "{loc}",
    "{loc}{fill}",
    "发货地：{loc}；收货地址：{addr}；收件人：{name}",
    "{name}{title}，{name2}{title}，欢迎来到{loc}。",
    "本人{name}，身份证住址为{addr}。",
    "【{org}】尊敬的{name}，您的验证码是{num}。",
    "[客服 {agent}] 您好，请问有什么可以帮您？\n[用户] 我是{name}，电话{phone}",
    "[用户] 地址改成 {addr}\n[客服 {agent}] 好的",
    "工单描述：用户{name}来电反映{fill}问题，已处理。",
    "{num},{name},{phone},{addr}",
    "司机：{name}师傅 车牌 {plate} 电话 {phone}",
    "车主 {name}，车牌号 {plate}，违章地点 {loc}",
    "contact {name}{title} {phone}",
    "{agent}：亲，{name}{title}的订单已经发出啦",
    "[客服 {agent}] 请提供收件人姓名\n[用户] {name} {phone}",
)
