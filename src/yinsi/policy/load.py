"""Load policies from YAML, TOML or JSON files, from mappings, or by preset name; validate everything
when loading so a typo fails before the first file is touched, naming the entity and the field.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from yinsi.core.entities import ENTITY_TYPES
from yinsi.core.errors import ConfigurationError
from yinsi.operators.base import ParamError
from yinsi.operators.params import build_params
from yinsi.operators.registry import get_operator
from yinsi.policy.model import ANY, SENSITIVE, Policy, Rule


def _preset_folder() -> Any:
    # Shipped as package data (pyproject: data/**/*); read through importlib.resources so it works
    # from a wheel or a zip as well as from a source tree.
    return resources.files("yinsi").joinpath("data", "policies")

_TOP_LEVEL = frozenset({"name", "description", "min_score", "rules"})


def presets() -> list[str]:
    """Names of the built-in policies (`courier`, `analyst`, `redact`)."""
    folder = _preset_folder()
    return sorted(item.name.removesuffix(".yaml") for item in folder.iterdir() if item.name.endswith(".yaml"))


@cache
def _preset_names() -> frozenset[str]:
    return frozenset(presets())


@cache
def _preset(name: str) -> Policy:
    """A built-in policy, parsed once: presets are package data and Policy objects are immutable."""
    text = _preset_folder().joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return policy_from_mapping(_parse_yaml(text, name), default_name=name)


def load_policy(source: str | Path | Mapping[str, Any] | Policy) -> Policy:
    """A Policy from a preset name, a .yaml/.yml/.toml/.json path, or an already parsed mapping."""
    if isinstance(source, Policy):
        return source
    if isinstance(source, Mapping):
        return policy_from_mapping(source, default_name="inline")
    path = Path(source)
    if isinstance(source, str) and not path.suffix and source in _preset_names():
        return _preset(source)
    if not path.is_file():
        raise ConfigurationError(
            f"policy {str(source)!r} is neither a file nor a preset ({', '.join(presets())})"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigurationError(f"policy {path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise ConfigurationError(f"policy {path}: {error.strerror or error}") from None
    if path.suffix.lower() == ".toml":
        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigurationError(f"policy {path}: invalid TOML ({error})") from None
    elif path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ConfigurationError(f"policy {path}: invalid JSON ({error})") from None
    else:
        data = _parse_yaml(text, str(path))
    return policy_from_mapping(data, default_name=path.stem)


def _parse_yaml(text: str, where: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        # str(error) quotes the offending line of the file, which may hold anything: say where only.
        problem = getattr(error, "problem", None) or type(error).__name__
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise ConfigurationError(f"policy {where}: invalid YAML ({problem}{at})") from None


def policy_from_mapping(data: Any, *, default_name: str) -> Policy:
    """Validate a parsed policy document and build its Policy."""
    if not isinstance(data, Mapping):
        raise ConfigurationError(f"policy {default_name}: the document must be a mapping with 'rules'")
    name = str(data.get("name", default_name))
    unknown = set(data) - _TOP_LEVEL
    if unknown:
        raise ConfigurationError(f"policy {name}: unknown top-level key {sorted(unknown)[0]!r}")
    rules_data = data.get("rules")
    if not isinstance(rules_data, Mapping) or not rules_data:
        raise ConfigurationError(f"policy {name}: 'rules' must map entity types to operators")
    min_score = data.get("min_score", 0.0)
    if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
        raise ConfigurationError(f"policy {name}: min_score must be a number in [0, 1]")
    rules = tuple((str(selector), _rule(name, str(selector), spec)) for selector, spec in rules_data.items())
    return Policy(
        name=name, rules=rules, min_score=float(min_score), description=str(data.get("description", ""))
    )


def _rule(policy: str, selector: str, spec: Any) -> Rule:
    where = f"policy {policy}: {selector}"
    if selector not in ENTITY_TYPES and selector not in (ANY, SENSITIVE):
        raise ConfigurationError(
            f"{where}: unknown entity type (use a name from `yinsi entities`, {SENSITIVE!r} or {ANY!r})"
        )
    if isinstance(spec, str):
        spec = {"operator": spec}
    if not isinstance(spec, Mapping) or "operator" not in spec:
        raise ConfigurationError(f"{where}: a rule needs an 'operator' (e.g. {{operator: mask}})")
    operator_name = spec["operator"]
    if not isinstance(operator_name, str):
        raise ConfigurationError(f"{where}: 'operator' must be a name")
    try:
        operator = get_operator(operator_name)
    except ConfigurationError as error:
        raise ConfigurationError(f"{where}: {error}") from None
    raw = {key: value for key, value in spec.items() if key != "operator"}
    entity = selector if selector in ENTITY_TYPES else None
    try:
        params = build_params(operator.params_type, raw)
        operator.check(entity, params)
    except ParamError as error:
        raise ConfigurationError(f"{where}: operator {operator_name}: {error}") from None
    return Rule(operator_name, params)
