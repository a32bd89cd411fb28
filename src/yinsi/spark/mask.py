"""A de-identified copy of a Spark DataFrame: string columns rewritten under a policy, the rest unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from yinsi._anonymize import DEFAULT_POLICY, KeyLike, PolicyLike, _master_key
from yinsi.core.errors import ConfigurationError
from yinsi.policy.load import load_policy
from yinsi.spark._columns import positional, string_columns
from yinsi.spark._sealed import SealedKey
from yinsi.spark._workers import MaskSpec, mask_batches


def mask_dataframe(
    df: Any,
    policy: PolicyLike | None = None,
    *,
    key: KeyLike | None = None,
    columns: Sequence[str] | None = None,
    language: str = "zh",
) -> Any:
    """`df` with its string columns (or `columns`) de-identified under `policy` (default `redact`).

    Each row is masked as `yinsi mask` masks a CSV row (values behind their column names, one
    analysis per row), so pseudonyms (`fake`, `hmac`, `fpe`) are the same as on one machine with the
    same key, and the same value gets the same pseudonym in every row, column and partition.
    `key` (MasterKey, bytes, or hex/base64 text) is needed by keyed operators; it reaches the executors
    inside the task closure, never through Spark conf or data.
    """
    loaded = load_policy(policy if policy is not None else DEFAULT_POLICY)
    if loaded.needs_key and key is None:
        raise ConfigurationError(
            f"policy {loaded.name!r} needs a key: pass key= (e.g. yinsi.load_key(), which reads YINSI_KEY)"
        )
    sealed = SealedKey(_master_key(key).secret) if key is not None else None
    chosen = string_columns(df, columns)
    spec = MaskSpec(columns=chosen, policy=loaded, language=language,
                    positions=tuple(df.columns.index(name) for name in chosen))
    if not spec.columns:
        return df
    # By position (see `positional`), then the original names back; the types are unchanged.
    renamed = positional(df, df.columns)
    masked = renamed.mapInPandas(lambda batches: mask_batches(batches, spec, sealed), renamed.schema)
    return masked.toDF(*df.columns)
