"""The FastAPI application: routes, middleware and error handlers, built from ServiceSettings.

`create_app(settings)` for tests and embedding; `app_from_environment()` is the factory uvicorn
workers call (`yinsi serve` passes its options through YINSI_SERVICE_CONFIG, secrets through the
environment or files it names, never through the command line).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.responses import PlainTextResponse

from yinsi import __version__
from yinsi.core.entities import ENTITY_TYPES
from yinsi.policy.load import load_policy, presets
from yinsi.service import models
from yinsi.service.access_log import hide_query_strings
from yinsi.service.auth import require_token
from yinsi.service.budget import WorkBudget
from yinsi.service.errors import ApiError, install_handlers
from yinsi.service.limits import BodyLimitMiddleware
from yinsi.service.metrics import CONTENT_TYPE, Metrics, MetricsMiddleware
from yinsi.service.settings import CONFIG_ENV_VAR, ServiceOptions, ServiceSettings, load_settings
from yinsi.service.work import (
    analyze_texts,
    anonymize_texts,
    audit_upload,
    deanonymize_texts,
    spool_upload,
)

ENDPOINTS = ("/v1/analyze", "/v1/anonymize", "/v1/deanonymize", "/v1/apps/audit", "/v1/entities",
             "/healthz", "/metrics", "/openapi.json")
# Room for multipart boundaries and form fields around an APK of the allowed size.
_MULTIPART_OVERHEAD = 64 * 1024
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": models.ErrorResponse}
    for status in (400, 401, 403, 413, 422, 503, 504)
}
_TOOL = models.ToolModel(version=__version__)


def _field_names() -> frozenset[str]:
    names: set[str] = set()
    for model in (models.AnalyzeRequest, models.AnonymizeRequest, models.DeanonymizeRequest,
                  models.AnonymizedModel, models.ReplacementModel):
        names.update(model.model_fields)
    return frozenset(names | {"file", "category"})


def create_app(settings: ServiceSettings) -> FastAPI:
    """A service app; every /v1 route and /metrics need a bearer token unless auth is off."""
    budget = WorkBudget(settings.limits.concurrency)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        budget.close()

    app = FastAPI(
        lifespan=lifespan, title="yinsi", version=__version__,
        summary="Find and de-identify personal information (PIPL, GB/T 35273-2020).",
        # The interactive docs load scripts from a CDN: off, so the service makes no outside calls.
        docs_url=None, redoc_url=None, responses=_ERRORS,
    )
    app.state.settings = settings
    _publish_server_facts(app, settings)
    metrics = Metrics()
    limits = settings.limits
    install_handlers(app, _field_names())
    app.add_middleware(
        BodyLimitMiddleware,
        default=lambda: limits.max_body_bytes,
        per_path={"/v1/apps/audit": lambda: limits.max_apk_bytes + _MULTIPART_OVERHEAD},
    )
    app.add_middleware(MetricsMiddleware, metrics=metrics, endpoints=ENDPOINTS)
    secured = [Depends(require_token)]

    def check_texts(texts: list[str]) -> None:
        if len(texts) > limits.max_batch:
            raise ApiError(413, "payload_too_large", f"a batch holds at most {limits.max_batch} texts")
        for index, text in enumerate(texts):
            if len(text) > limits.max_text_chars:
                raise ApiError(413, "payload_too_large",
                               f"texts[{index}] is longer than {limits.max_text_chars} characters")

    def check_values(asked: bool) -> None:
        if asked and not settings.allow_values:
            raise ApiError(403, "forbidden", "raw values are off on this server (yinsi serve --allow-values)")

    def count(endpoint: str, found: Counter[str], texts: int) -> None:
        metrics.observe_findings(found.elements(), texts, endpoint)

    @app.post("/v1/analyze", response_model=models.AnalyzeResponse, dependencies=secured,
              response_model_exclude_none=True, tags=["analyze"])
    async def analyze(body: models.AnalyzeRequest) -> dict[str, Any]:
        """Find personal information in one text or a batch; values come back masked and digested."""
        texts = body.all_texts()
        check_texts(texts)
        check_values(body.include_values)
        results, found = await budget.run(lambda: analyze_texts(
            texts, entities=body.entities, min_score=body.min_score,
            include_values=body.include_values, digest_key=settings.digest_key,
        ), limits.timeout_seconds)
        count("/v1/analyze", found, len(texts))
        summary = [
            {"entity_type": name, "count": number, "sensitive": ENTITY_TYPES[name].sensitive
             if name in ENTITY_TYPES else False}
            for name, number in found.most_common()
        ]
        return {"tool": _TOOL, "digest_key_id": settings.digest_key.key_id, "results": results,
                "summary": summary}

    @app.post("/v1/anonymize", response_model=models.AnonymizeResponse, dependencies=secured,
              tags=["anonymize"])
    async def anonymize(body: models.AnonymizeRequest) -> dict[str, Any]:
        """De-identify texts with a built-in policy (redact, courier, analyst) or one the server loaded."""
        texts = body.all_texts()
        check_texts(texts)
        check_values(body.include_originals)
        results, found = await budget.run(lambda: anonymize_texts(
            texts, policy=body.policy, entities=body.entities, min_score=body.min_score,
            include_originals=body.include_originals, key=settings.master_key, policies=settings.policies,
        ), limits.timeout_seconds)
        count("/v1/anonymize", found, len(texts))
        return {"tool": _TOOL, "results": results}

    @app.post("/v1/deanonymize", response_model=models.DeanonymizeResponse, dependencies=secured,
              tags=["anonymize"])
    async def deanonymize(body: models.DeanonymizeRequest) -> dict[str, Any]:
        """Restore values of reversible operators (fpe) in results of /v1/anonymize, with the server's key."""
        key = settings.master_key
        if not settings.allow_deanonymize or key is None:
            raise ApiError(403, "forbidden", "deanonymisation is disabled on this server "
                           "(yinsi serve --allow-deanonymize with a key)")
        check_texts([result.text for result in body.results])
        records = [result.model_dump() for result in body.results]
        texts = await budget.run(
            lambda: deanonymize_texts(records, key=key, policies=settings.policies), limits.timeout_seconds
        )
        return {"tool": _TOOL, "texts": texts}

    @app.post("/v1/apps/audit", dependencies=secured, tags=["apps"],
              response_model=models.AppAuditResponse)
    async def audit(
        file: Annotated[UploadFile, File(description="The APK")],
        category: Annotated[str | None, Form(description="App category (number, 中文 or English)")] = None,
    ) -> dict[str, Any]:
        """Audit an uploaded APK (permissions, trackers, PIPL/GB/T 35273 rules); the file is then deleted."""
        path = await budget.run(lambda: spool_upload(file.file, limits.max_apk_bytes), limits.timeout_seconds)
        try:
            record = await budget.run(
                lambda: audit_upload(path, filename=file.filename, category=category),
                limits.apk_timeout_seconds,
            )
        finally:
            os.unlink(path)
            await file.close()
        return {"tool": _TOOL, "audit": record}

    @app.get("/v1/entities", response_model=models.EntitiesResponse, dependencies=secured, tags=["meta"])
    async def entities() -> dict[str, Any]:
        """The entity catalogue: names, Chinese names, GB/T 35273 category, sensitivity (PIPL art. 28)."""
        rows = [
            {"entity_type": entity.name, "chinese": entity.chinese, "english": entity.english,
             "category": entity.category.value, "category_en": entity.category.english,
             "sensitive": entity.sensitive, "personal": entity.personal}
            for entity in sorted(ENTITY_TYPES.values(), key=lambda e: (not e.sensitive, e.name))
        ]
        return {"entities": rows}

    @app.get("/healthz", response_model=models.HealthResponse, tags=["meta"])
    async def healthz() -> dict[str, Any]:
        """Liveness: no token needed, nothing about the data."""
        return {"version": __version__}

    @app.get("/metrics", response_class=PlainTextResponse, dependencies=secured, tags=["meta"])
    async def prometheus(request: Request) -> PlainTextResponse:
        """Prometheus text format: requests by endpoint and status, latency histogram, findings by type."""
        return PlainTextResponse(metrics.render(), media_type=CONTENT_TYPE)

    return app


def _publish_server_facts(app: FastAPI, settings: ServiceSettings) -> None:
    """Put this server's limits, entity names and policy names into its OpenAPI schema, so clients (and
    schema-driven tests) know before sending that a text over `max_text_chars` gets 413 and an unknown
    policy 400; and document error bodies as JSON everywhere."""
    build = app.openapi
    limits = settings.limits
    # Keyed policies only when the server has a key: the schema lists what will work.
    available = {name: load_policy(name) for name in presets()} | dict(settings.policies)
    policies = sorted(
        name for name, policy in available.items() if settings.master_key is not None or not policy.needs_key
    )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = build()
        schemas = document.get("components", {}).get("schemas", {})
        for name in ("AnalyzeRequest", "AnonymizeRequest"):
            properties = schemas.get(name, {}).get("properties", {})
            if "text" in properties:
                properties["text"]["maxLength"] = limits.max_text_chars
            if "texts" in properties:
                properties["texts"]["maxItems"] = limits.max_batch
                properties["texts"]["items"]["maxLength"] = limits.max_text_chars
            if "entities" in properties:
                properties["entities"]["anyOf"][0]["items"]["enum"] = sorted(ENTITY_TYPES)
            if "policy" in properties:
                properties["policy"]["enum"] = policies
        # Errors are JSON on every route, also where the success body is text (/metrics).
        for operations in document.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status != "200" and "text/plain" in content:
                        content["application/json"] = content.pop("text/plain")
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def app_from_environment() -> FastAPI:
    """Factory for uvicorn workers: options from $YINSI_SERVICE_CONFIG, secrets from env or files."""
    raw = os.environ.get(CONFIG_ENV_VAR)
    options = ServiceOptions.from_json(raw) if raw else ServiceOptions()
    hide_query_strings()
    return create_app(load_settings(options))
