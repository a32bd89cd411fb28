"""What an operator is: a verb that turns one found value into its replacement, with typed parameters.

Parameters are frozen dataclasses checked when a policy loads (STYLE.md #5), never dicts checked in the
middle of a run; `ParamError` names the offending field and the policy loader adds the entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from yinsi.core.errors import ConfigurationError
from yinsi.crypto.ff1 import FF1
from yinsi.crypto.keys import MasterKey
from yinsi.crypto.prf import PreparedHmac


class ParamError(ConfigurationError):
    """A parameter value an operator cannot work with; `field` names it."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.reason = message


class KeyChain:
    """The sub-keys of one master key, derived once per run (HKDF is cheap but not free per value).

    Also holds FF1 instances per alphabet, which keep an AES key schedule; a KeyChain belongs to one
    run and one thread.
    """

    __slots__ = ("_ff1", "fake", "fake_prf", "fpe", "hmac", "hmac_prf", "key_id", "master")

    def __init__(self, master: MasterKey) -> None:
        self.master = master
        self.key_id = master.key_id
        self.hmac = master.derive("hmac")
        self.fake = master.derive("fake")
        self.fpe = master.derive("fpe")
        self.hmac_prf = PreparedHmac(self.hmac)
        self.fake_prf = PreparedHmac(self.fake)
        self._ff1: dict[str, FF1] = {}

    def ff1(self, alphabet: str) -> FF1:
        cipher = self._ff1.get(alphabet)
        if cipher is None:
            cipher = self._ff1[alphabet] = FF1(self.fpe, alphabet)
        return cipher


@dataclass(frozen=True, slots=True)
class OperatorContext:
    """What an operator may know besides the value: its entity type, the keys, and a retry counter.

    `attempt` > 0 asks a surrogate-producing operator for a different output because the previous one
    already stands for another original in the vault.
    """

    entity_type: str
    keys: KeyChain | None = field(default=None, repr=False)
    attempt: int = 0

    def require_keys(self, operator: str) -> KeyChain:
        if self.keys is None:
            raise ConfigurationError(f"operator {operator!r} needs a key (set YINSI_KEY or pass key=...)")
        return self.keys


@runtime_checkable
class Operator(Protocol):
    """One de-identification verb. Stateless: everything per run comes in through the context."""

    name: ClassVar[str]
    params_type: ClassVar[type[Any]]
    needs_key: ClassVar[bool]
    # Deterministic per value, so the output can stand for the original in a vault.
    reversible: ClassVar[bool]

    def check(self, entity_type: str | None, params: Any) -> None:
        """Raise ParamError when these parameters cannot work for `entity_type` (None: any entity)."""
        ...

    def operate(self, value: str, params: Any, context: OperatorContext) -> str:
        """The replacement for `value`."""
        ...


@dataclass(frozen=True, slots=True)
class NoParams:
    """For operators without parameters."""
