"""Request and response bodies of the HTTP API, as pydantic models (they make the OpenAPI schema).

`FindingModel` mirrors the finding object of the JSON result schema (docs/result-schema.md) field for
field, so a client reads `yinsi scan --format json` output and API responses with the same code.
Size limits are settings, checked by the routes (413), not baked into the schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator
from pydantic.config import JsonDict

SCHEMA_VERSION = "1.0"


class _Strict(BaseModel):
    """Unknown fields are an error (a typo such as `include_value` must not silently do nothing), and
    types are not coerced (`"include_values": 0` is not False, `"1"` is not a number)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class EvidenceModel(BaseModel):
    pattern: str
    validated: bool | None = None
    context: list[str] = Field(default_factory=list)
    negative_context: list[str] = Field(default_factory=list)


class LocationModel(BaseModel):
    """Where a finding sits; empty for API texts (the result's `index` says which text of a batch)."""

    model_config = ConfigDict(extra="allow")

    path: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None


class FindingModel(BaseModel):
    """One finding, as in docs/result-schema.md: masked `preview` and keyed `digest`, never the value
    unless the request asked for values and the server allows it (`value`)."""

    entity_type: str = Field(examples=["CN_MOBILE"])
    start: int = Field(ge=0, description="Character offset (Unicode code points) into the text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0)
    location: LocationModel = Field(default_factory=LocationModel)
    sensitive: bool = Field(description="Sensitive personal information under PIPL art. 28.")
    preview: str = Field(examples=["138****8000"])
    digest: str = Field(examples=["hmac:0703984416e17813e4df12bea2d2f468"])
    recognizer: str
    evidence: EvidenceModel | None = None
    value: str | None = Field(default=None, description="The raw value; only with include_values.")


_ONE_OF_TEXTS: JsonDict = {"oneOf": [{"required": ["text"]}, {"required": ["texts"]}]}


class _Texts(_Strict):
    """Either one `text` or a batch of `texts` (not both, not null); results come in the same order."""

    model_config = ConfigDict(json_schema_extra=_ONE_OF_TEXTS)

    text: Annotated[str | None, WithJsonSchema({"type": "string"})] = None
    texts: Annotated[list[str] | None, WithJsonSchema({"type": "array", "items": {"type": "string"}})] = None

    @field_validator("text", "texts", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Absent is fine; an explicit null is not (the schema says string / array).
        if value is None:
            raise ValueError("null is not allowed")
        return value

    @model_validator(mode="after")
    def _one_of(self) -> _Texts:
        if (self.text is None) == (self.texts is None):
            raise ValueError("give exactly one of text or texts")
        return self

    def all_texts(self) -> list[str]:
        return [self.text] if self.text is not None else list(self.texts or [])


class AnalyzeRequest(_Texts):
    entities: list[str] | None = Field(default=None, description="Entity types to look for; all if absent.")
    min_score: float = Field(default=0.5, ge=0.0, le=1.0)
    include_values: bool = Field(default=False, description="Also return raw values (server must allow).")


class EntityCount(BaseModel):
    entity_type: str
    count: int
    sensitive: bool


class AnalyzeResult(BaseModel):
    index: int
    chars: int
    findings: list[FindingModel]


class ToolModel(BaseModel):
    name: str = "yinsi"
    version: str


class AnalyzeResponse(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["analyze"] = "analyze"
    tool: ToolModel
    digest_key_id: str = Field(description="Equal ids mean digests are comparable across reports.")
    results: list[AnalyzeResult]
    summary: list[EntityCount]


class AnonymizeRequest(_Texts):
    policy: str = Field(default="redact", description="A built-in policy: redact, courier or analyst.")
    entities: list[str] | None = None
    min_score: float = Field(default=0.5, ge=0.0, le=1.0)
    include_originals: bool = Field(default=False, description="Originals in `items` (server must allow).")


class ReplacementModel(_Strict):
    entity_type: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    new_start: int = Field(ge=0)
    new_end: int = Field(ge=0)
    operator: str
    original: str | None = None


class AnonymizedModel(_Strict):
    """One de-identified text: what `yinsi.anonymize` returns (AnonymizedText)."""

    text: str
    items: list[ReplacementModel]
    policy: str
    key_id: str | None = None


class AnonymizeResponse(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["anonymize"] = "anonymize"
    tool: ToolModel
    results: list[AnonymizedModel]


class DeanonymizeRequest(_Strict):
    """Texts as `/v1/anonymize` returned them; values of reversible operators (fpe) are restored."""

    results: list[AnonymizedModel]


class DeanonymizeResponse(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["deanonymize"] = "deanonymize"
    tool: ToolModel
    texts: list[str]


class EntityModel(BaseModel):
    entity_type: str
    chinese: str
    english: str
    category: str
    category_en: str
    sensitive: bool
    personal: bool


class EntitiesResponse(BaseModel):
    entities: list[EntityModel]


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"
    version: str


class ErrorDetail(BaseModel):
    loc: list[str | int]
    type: str
    msg: str


class ErrorBody(BaseModel):
    code: str = Field(examples=["payload_too_large"])
    message: str
    details: list[ErrorDetail] | None = None


class ErrorResponse(BaseModel):
    """Every error: a code and a message that never contains the request's values."""

    error: ErrorBody


class AppAuditResponse(BaseModel):
    """An app audit, shaped like one element of `yinsi app audit --format json`."""

    schema_version: str = SCHEMA_VERSION
    kind: Literal["app_audit"] = "app_audit"
    tool: ToolModel
    audit: dict[str, Any]
