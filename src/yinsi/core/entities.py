"""The entity catalogue: every entity type yinsi reports, with its names, category and sensitivity.

Categories follow GB/T 35273-2020 Annex A (个人信息举例, table A.1); sensitivity follows PIPL art. 28
and GB/T 35273-2020 Annex B (个人敏感信息). The names are a public contract: add, never rename.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from yinsi.core.errors import UnknownEntityError


class Category(StrEnum):
    """GB/T 35273-2020 Annex A categories of personal information (plus one for non-personal data)."""

    BASIC = "个人基本资料"
    IDENTITY = "个人身份信息"
    BIOMETRIC = "个人生物识别信息"
    NETWORK_IDENTITY = "网络身份标识信息"
    HEALTH = "个人健康生理信息"
    EDUCATION_WORK = "个人教育工作信息"
    PROPERTY = "个人财产信息"
    COMMUNICATION = "个人通信信息"
    CONTACTS = "联系人信息"
    BROWSING = "个人上网记录"
    DEVICE = "个人常用设备信息"
    LOCATION = "个人位置信息"
    OTHER = "其他信息"
    NOT_PERSONAL = "非个人信息"

    @property
    def english(self) -> str:
        return _CATEGORY_ENGLISH[self]


_CATEGORY_ENGLISH = {
    Category.BASIC: "basic personal data",
    Category.IDENTITY: "identity",
    Category.BIOMETRIC: "biometric",
    Category.NETWORK_IDENTITY: "network identity",
    Category.HEALTH: "health",
    Category.EDUCATION_WORK: "education and work",
    Category.PROPERTY: "property and finance",
    Category.COMMUNICATION: "communication",
    Category.CONTACTS: "contacts",
    Category.BROWSING: "browsing records",
    Category.DEVICE: "device",
    Category.LOCATION: "location",
    Category.OTHER: "other",
    Category.NOT_PERSONAL: "not personal",
}


@dataclass(frozen=True, slots=True)
class EntityType:
    """One kind of information yinsi can find.

    `sensitive` marks sensitive personal information (个人敏感信息, PIPL art. 28): processing it needs a
    specific purpose, necessity and separate consent (art. 29), so reports rank it first.
    `personal` is False for things that are not about a natural person on their own (organisations,
    URLs) but are found so that they are not mistaken for something that is.
    `container` entities (URLs) may hold other entities inside them; overlap resolution keeps both.
    """

    name: str
    chinese: str
    english: str
    category: Category
    sensitive: bool
    personal: bool = True
    container: bool = False


def _entity(
    name: str,
    chinese: str,
    english: str,
    category: Category,
    *,
    sensitive: bool = False,
    personal: bool = True,
    container: bool = False,
) -> EntityType:
    return EntityType(name, chinese, english, category, sensitive, personal, container)


# Identity documents and financial accounts are sensitive under GB/T 35273 Annex B.1 and PIPL art. 28
# ("特定身份", "金融账户"); precise location is sensitive as "行踪轨迹".
_CATALOGUE: tuple[EntityType, ...] = (
    _entity("CN_RESIDENT_ID", "居民身份证号", "PRC resident identity card number", Category.IDENTITY,
            sensitive=True),
    _entity("CN_MOBILE", "手机号", "mainland China mobile number", Category.BASIC),
    _entity("CN_LANDLINE", "固定电话", "mainland China landline number", Category.BASIC),
    _entity("BANK_CARD", "银行卡号", "bank card number", Category.PROPERTY, sensitive=True),
    _entity("CN_USCC", "统一社会信用代码", "unified social credit code", Category.NOT_PERSONAL,
            personal=False),
    _entity("CN_PASSPORT", "护照号", "PRC passport number", Category.IDENTITY, sensitive=True),
    _entity("CN_HK_MACAU_PERMIT", "港澳通行证/回乡证", "Mainland–Hong Kong/Macau travel permit",
            Category.IDENTITY, sensitive=True),
    _entity("CN_TAIWAN_PERMIT", "台胞证", "Mainland travel permit for Taiwan residents",
            Category.IDENTITY, sensitive=True),
    _entity("CN_LICENSE_PLATE", "车牌号", "vehicle licence plate", Category.OTHER),
    _entity("CN_POSTAL_CODE", "邮编", "postal code", Category.BASIC),
    _entity("QQ_NUMBER", "QQ号", "QQ number", Category.NETWORK_IDENTITY),
    _entity("WECHAT_ID", "微信号", "WeChat ID", Category.NETWORK_IDENTITY),
    _entity("EMAIL", "电子邮箱", "email address", Category.BASIC),
    _entity("IP_ADDRESS", "IP地址", "IP address", Category.NETWORK_IDENTITY),
    _entity("MAC_ADDRESS", "MAC地址", "MAC address", Category.DEVICE),
    _entity("IMEI", "IMEI", "IMEI device identifier", Category.DEVICE),
    _entity("GPS_COORDINATE", "经纬度", "GPS coordinate", Category.LOCATION, sensitive=True),
    _entity("URL", "网址", "URL", Category.BROWSING, personal=False, container=True),
    _entity("DATE_OF_BIRTH", "出生日期", "date of birth", Category.BASIC),
    _entity("PERSON", "姓名", "person name", Category.BASIC),
    _entity("ADDRESS", "地址", "postal address", Category.BASIC),
    _entity("LOCATION", "地名", "place name", Category.NOT_PERSONAL, personal=False),
    _entity("ORGANIZATION", "机构名称", "organisation name", Category.NOT_PERSONAL, personal=False),
    _entity("PHONE_NUMBER", "电话号码(国际)", "international phone number", Category.BASIC),
    _entity("CREDIT_CARD", "信用卡号", "payment card number", Category.PROPERTY, sensitive=True),
    _entity("IBAN", "国际银行账号", "IBAN bank account number", Category.PROPERTY, sensitive=True),
)

ENTITY_TYPES: dict[str, EntityType] = {entity.name: entity for entity in _CATALOGUE}


def entity_type(name: str) -> EntityType:
    """The catalogue entry for `name`, or UnknownEntityError naming the valid choices."""
    try:
        return ENTITY_TYPES[name]
    except KeyError:
        raise UnknownEntityError(
            f"unknown entity type {name!r}; known types: {', '.join(sorted(ENTITY_TYPES))}"
        ) from None


def check_entity_names(names: Iterable[str] | None) -> frozenset[str] | None:
    """Validate a user's entity filter; None means every entity."""
    if names is None:
        return None
    return frozenset(entity_type(name).name for name in names)

