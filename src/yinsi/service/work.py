"""The blocking work behind each endpoint: plain functions over the public library API.

They run in the service's thread pool (yinsi.service.budget) and return JSON-ready dicts shaped like
the response models. Nothing here knows about HTTP beyond raising ApiError for a client's mistake.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import IO, Any

from yinsi._analyze import analyze
from yinsi._anonymize import anonymize, deanonymize
from yinsi.core.anonymized import AnonymizedText, Replacement
from yinsi.core.digest_key import DigestKey
from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.privacy import keyed_digest, mask_preview
from yinsi.core.types import Finding
from yinsi.crypto.keys import MasterKey
from yinsi.policy.load import load_policy, presets
from yinsi.policy.model import Policy
from yinsi.service.errors import ApiError
from yinsi.sinks.records import VALUE_KEY, finding_record

_COPY_CHUNK = 1024 * 1024


def analyze_texts(
    texts: Sequence[str],
    *,
    entities: Sequence[str] | None,
    min_score: float,
    include_values: bool,
    digest_key: DigestKey,
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """Per text: its findings as result-schema records (masked preview, keyed digest); plus counts."""
    results = []
    counts: Counter[str] = Counter()
    for index, text in enumerate(texts):
        records = []
        for finding in analyze(text, entities=entities, score_threshold=min_score):
            value = text[finding.start : finding.end]
            enriched = replace(
                finding,
                sensitive=_is_sensitive(finding),
                preview=mask_preview(value, finding.entity_type),
                digest=keyed_digest(value, digest_key.secret, finding.entity_type),
                extra=((VALUE_KEY, value),) if include_values else (),
            )
            counts[finding.entity_type] += 1
            records.append(finding_record(enriched, include_values=include_values))
        results.append({"index": index, "chars": len(text), "findings": records})
    return results, counts


def _is_sensitive(finding: Finding) -> bool:
    entity = ENTITY_TYPES.get(finding.entity_type)
    return finding.sensitive or (entity is not None and entity.sensitive)


def named_policy(name: str, configured: Mapping[str, Policy]) -> Policy:
    """A policy the server loaded (`--policy`) or a built-in one, by name only: a client's string must
    never make the server read a file of the client's choosing."""
    if name in configured:
        return configured[name]
    if name not in presets():
        choices = ", ".join(sorted({*presets(), *configured}))
        raise ApiError(400, "bad_request", f"unknown policy {name!r}; policies on this server: {choices}")
    return load_policy(name)


def anonymize_texts(
    texts: Sequence[str],
    *,
    policy: str,
    entities: Sequence[str] | None,
    min_score: float,
    include_originals: bool,
    key: MasterKey | None,
    policies: Mapping[str, Policy],
) -> tuple[list[dict[str, Any]], Counter[str]]:
    loaded = named_policy(policy, policies)
    if loaded.needs_key and key is None:
        raise ApiError(400, "bad_request", f"policy {policy!r} needs a key, and the service has none")
    results = []
    counts: Counter[str] = Counter()
    for text in texts:
        findings = analyze(text, entities=entities, score_threshold=min_score)
        done = anonymize(text, findings, loaded, key=key, include_originals=include_originals)
        counts.update(done.counts())
        results.append({
            "text": done.text, "items": [item.as_dict() for item in done.items],
            "policy": done.policy, "key_id": done.key_id,
        })
    return results, counts


def deanonymize_texts(
    results: Sequence[dict[str, Any]], *, key: MasterKey, policies: Mapping[str, Policy]
) -> list[str]:
    """Restore fpe values with the server's key; a record list that does not fit its text is refused."""
    restored = []
    for index, result in enumerate(results):
        policy = named_policy(result["policy"], policies)
        text: str = result["text"]
        items = tuple(Replacement(**item) for item in result["items"])
        cursor = 0
        for item in items:
            if not cursor <= item.new_start <= item.new_end <= len(text):
                raise ApiError(422, "invalid_request", f"results[{index}]: items do not fit the text")
            cursor = item.new_end
        anonymized = AnonymizedText(text=text, items=items, policy=policy.name, key_id=result.get("key_id"))
        try:
            restored.append(deanonymize(anonymized, key=key, policy=policy))
        except ValueError as error:
            if type(error) is not ValueError:
                raise  # typed library errors have their own handler
            raise ApiError(422, "invalid_request", f"results[{index}]: a value cannot be restored") from None
    return restored


def spool_upload(source: IO[bytes], limit: int) -> str:
    """Copy an uploaded APK into a private temporary file (mode 0600); the caller removes it."""
    handle, path = tempfile.mkstemp(prefix="yinsi-upload-", suffix=".apk")
    try:
        written = 0
        with os.fdopen(handle, "wb") as target:
            while chunk := source.read(_COPY_CHUNK):
                written += len(chunk)
                if written > limit:
                    raise ApiError(413, "payload_too_large", f"the APK is larger than {limit} bytes")
                target.write(chunk)
    except BaseException:
        os.unlink(path)
        raise
    return path


def audit_upload(path: str, *, filename: str | None, category: str | None) -> dict[str, Any]:
    from yinsi.apps.audit import audit_apk

    audit = audit_apk(path, category=category)
    record = audit.as_dict()
    app = record["app"]
    if isinstance(app, dict):
        # The temporary path means nothing to the client; the upload's own base name does.
        app["path"] = PurePath(filename).name[:255] if filename else "upload.apk"
    return record
