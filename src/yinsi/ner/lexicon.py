"""Word lists the name/address tagger uses as features and its rules use as context.

Surnames follow the common-surname rankings (《百家姓》 plus the ~400 most frequent modern surnames and
the compound surnames still in use); the administrative-division gazetteer is GB/T 2260 as shipped by
python-stdnum (`stdnum/cn/loc.dat`, the same file it uses to check resident-ID birthplaces), so yinsi
carries no copy of its own. Everything here is data or a pure function of data, built once on first use.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Single-character surnames, most frequent first (public surname-frequency rankings).
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄吴赵周徐孙马朱胡林郭何高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任"
    "姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔"
    "汤向常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
    "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况"
    "那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由肖闫"
)

# Compound surnames (复姓) still borne by living people.
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳", "上官", "司马", "诸葛", "东方", "皇甫",
        "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "令狐", "端木", "独孤", "南宫", "西门",
        "百里", "呼延", "万俟", "闻人", "赫连", "澹台", "公冶",
        "太史", "申屠", "钟离", "濮阳", "单于", "拓跋",
        "司空", "第五", "淳于", "仲孙", "左丘", "东郭", "梁丘",
        "鲜于", "乐正", "壤驷", "公良", "谷梁", "宰父",
        "巫马", "漆雕", "颛孙", "子车", "亓官", "司寇", "羊舌",
    )
)

# Forms of address written right after a name (张先生, 李女士, 王老师): the span covers the name only.
TITLES: tuple[str, ...] = (
    "先生", "女士", "小姐", "老师", "经理", "总经理", "主任", "医生", "大夫", "教授", "同学", "律师", "局长",
    "处长", "科长", "院长", "校长", "书记", "师傅", "阿姨", "老板", "博士", "警官", "董事长", "总监", "护士",
    "总裁", "主管", "会计", "部长", "厅长", "市长", "县长", "镇长", "村长", "班长", "组长", "队长", "大爷",
    "大妈", "叔叔", "同志", "女儿", "儿子", "夫人", "太太",
)

# Labels written before a person's name in forms, waybills, logs and JSON keys.
PERSON_LABELS: tuple[str, ...] = (
    "收件人", "收货人", "寄件人", "发件人", "联系人", "客户", "客户姓名", "姓名", "名字", "申请人", "持卡人",
    "患者", "病人", "负责人", "法定代表人", "法人代表", "法人", "经办人", "业主", "租客", "房东", "乘客",
    "员工", "学生", "家长", "监护人", "户主", "签名", "签收人", "投保人", "被保险人", "受益人", "借款人",
    "担保人", "收款人", "付款人", "账户名", "户名", "开户名", "真实姓名", "委托人", "代理人", "购买人",
    "买家", "卖家", "紧急联系人", "配偶", "姓 名", "报案人", "举报人", "当事人", "被告", "原告", "证人",
    "name", "username", "full_name", "fullname", "real_name", "realname", "contact", "consignee",
    "receiver", "recipient", "customer", "xingming", "xm", "lxr", "shr",
)

# Labels written before a postal address.
ADDRESS_LABELS: tuple[str, ...] = (
    "地址", "住址", "收货地址", "家庭住址", "家庭地址", "户籍地址", "居住地", "居住地址", "详细地址",
    "通讯地址", "送货地址", "现住址", "户籍所在地", "住所", "注册地址", "办公地址", "联系地址", "寄件地址",
    "收件地址", "配送地址", "所在地", "address", "addr", "dizhi", "dz",
)

# Characters that end an administrative division or an address part.
ADDRESS_SUFFIXES = frozenset("省市区县镇乡村路街道巷弄号栋幢楼单元室座层里胡同")

# Division-name endings removed to get the short names people write (武汉市 -> 武汉, 南山区 -> 南山).
_DIVISION_ENDINGS = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "林区", "新区", "省", "市", "区", "县", "旗", "盟",
)
# Entries of loc.dat that are groupings, not places.
_NOT_PLACES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政单位"})
_HISTORY = re.compile(r"^\[[^\]]*\]")
_LOC_LINE = re.compile(r'(?:province|prefecture|county)="([^"]+)"')


@cache
def divisions() -> frozenset[str]:
    """Names of GB/T 2260 administrative divisions, full and short forms, current and historical.

    Read from python-stdnum's `loc.dat` (a runtime dependency) on first use; cached because the file is
    immutable package data.
    """
    text = resources.files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    names: set[str] = set()
    for raw in _LOC_LINE.findall(text):
        name = _HISTORY.sub("", raw).strip()
        if len(name) < 2 or name in _NOT_PLACES:
            continue
        names.add(name)
        for ending in _DIVISION_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 2:
                names.add(name[: -len(ending)])
                break
    return frozenset(names)
