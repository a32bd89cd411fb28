"""Service settings: limits, tokens and keys, loaded once at start-up and passed explicitly.

Every limit has a safe default (OWASP API Security Top 10 2023, API4: unrestricted resource
consumption): a request body cap, a per-text cap, a batch cap and a time budget per request.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from yinsi.core.digest_key import DigestKey, load_digest_key
from yinsi.core.errors import ConfigurationError
from yinsi.crypto.keys import MasterKey, load_key
from yinsi.policy.load import load_policy
from yinsi.policy.model import Policy

TOKENS_ENV_VAR = "YINSI_SERVICE_TOKENS"
# How `yinsi serve` hands its options to uvicorn worker processes (tokens and keys never go in here).
CONFIG_ENV_VAR = "YINSI_SERVICE_CONFIG"
# A bearer token shorter than this is guessable; 32 hex characters are 128 bits.
MIN_TOKEN_CHARS = 16
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource budgets of one request. Sizes in bytes or characters, time in seconds."""

    max_body_bytes: int = 2 * 1024 * 1024
    max_text_chars: int = 1_000_000
    max_batch: int = 100
    max_apk_bytes: int = 100 * 1024 * 1024
    timeout_seconds: float = 30.0
    apk_timeout_seconds: float = 120.0
    # Requests analysed at once per worker process; more wait, and wait no longer than the budget.
    concurrency: int = 4

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_text_chars", "max_batch", "max_apk_bytes", "concurrency"):
            if getattr(self, name) < 1:
                raise ConfigurationError(f"service limit {name} must be at least 1")
        if self.timeout_seconds <= 0 or self.apk_timeout_seconds <= 0:
            raise ConfigurationError("service time budgets must be positive")


@dataclass(frozen=True, slots=True)
class ServiceOptions:
    """What `yinsi serve` was told, in a form that survives the trip to worker processes (JSON)."""

    limits: Limits = field(default_factory=Limits)
    token_file: str | None = None
    insecure_no_auth: bool = False
    allow_values: bool = False
    allow_deanonymize: bool = False
    key_file: str | None = None
    digest_key_file: str | None = None
    policy_files: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ServiceOptions:
        data = json.loads(text)
        limits = Limits(**data.pop("limits"))
        return cls(limits=limits, policy_files=tuple(data.pop("policy_files", ())), **data)


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Everything a running service needs: limits, accepted tokens, optional master key, digest key.

    `tokens` empty means authentication is off, which only `insecure_no_auth` allows. The master key
    is needed by keyed policies (fpe, hmac, fake) and by deanonymisation; the digest key makes the
    findings' `digest` comparable with `yinsi scan` reports made with the same key. Clients choose a
    policy by name among the built-in presets and `policies`.
    """

    limits: Limits
    tokens: tuple[bytes, ...] = field(repr=False)
    digest_key: DigestKey = field(repr=False)
    master_key: MasterKey | None = field(default=None, repr=False)
    allow_values: bool = False
    allow_deanonymize: bool = False
    # Policies the operator loaded from files (`--policy`), by name; clients name them, never paths.
    policies: Mapping[str, Policy] = field(default_factory=dict)

    @property
    def auth_required(self) -> bool:
        return bool(self.tokens)


def load_tokens(token_file: str | None, environ: Mapping[str, str] | None = None) -> tuple[bytes, ...]:
    """Accepted bearer tokens: one per line of `token_file` (# comments allowed), else comma- or
    whitespace-separated in $YINSI_SERVICE_TOKENS. Several tokens allow rotation without downtime."""
    if token_file is not None:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigurationError(f"cannot read token file {token_file}: {error}") from None
        raw = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    else:
        value = (os.environ if environ is None else environ).get(TOKENS_ENV_VAR, "")
        raw = value.replace(",", " ").split()
    tokens = tuple(token.encode("utf-8") for token in raw if token)
    short = [token for token in tokens if len(token) < MIN_TOKEN_CHARS]
    if short:
        raise ConfigurationError(
            f"{len(short)} service token(s) are shorter than {MIN_TOKEN_CHARS} characters; "
            "make one with: python -c 'import secrets; print(secrets.token_hex(32))'"
        )
    return tokens


def load_settings(options: ServiceOptions, environ: Mapping[str, str] | None = None) -> ServiceSettings:
    """Resolve options into settings; refuses to run without a token unless auth is explicitly off."""
    tokens = load_tokens(options.token_file, environ)
    if not tokens and not options.insecure_no_auth:
        raise ConfigurationError(
            f"no service token: set {TOKENS_ENV_VAR} or pass --token-file "
            "(or --insecure-no-auth, allowed on a loopback address only)"
        )
    if options.insecure_no_auth:
        tokens = ()
    master = load_key(options.key_file, environ=environ, required=options.key_file is not None)
    if options.allow_deanonymize and master is None:
        raise ConfigurationError("--allow-deanonymize needs a key: set YINSI_KEY or pass --key-file")
    policies: dict[str, Policy] = {}
    for policy_file in options.policy_files:
        policy = load_policy(Path(policy_file))
        policies[policy.name] = policy
    return ServiceSettings(
        policies=policies,
        limits=options.limits,
        tokens=tokens,
        digest_key=load_digest_key(options.digest_key_file, environ),
        master_key=master,
        allow_values=options.allow_values,
        allow_deanonymize=options.allow_deanonymize,
    )
