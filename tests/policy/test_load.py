"""Loading policies: presets, YAML/TOML/JSON files, and validation errors that name entity and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yinsi.core.errors import ConfigurationError
from yinsi.policy.load import load_policy, presets


def test_presets_load_and_cover_everything() -> None:
    assert set(presets()) >= {"courier", "analyst", "redact"}
    for name in presets():
        policy = load_policy(name)
        assert policy.name == name
        assert policy.rule_for("CN_RESIDENT_ID") is not None
        assert policy.rule_for("EMAIL") is not None


def test_courier_keeps_the_address_and_hides_identifiers() -> None:
    courier = load_policy("courier")
    assert courier.rule_for("ADDRESS").operator == "keep"  # type: ignore[union-attr]
    assert courier.rule_for("CN_MOBILE").operator == "mask"  # type: ignore[union-attr]
    assert courier.rule_for("CN_RESIDENT_ID").operator == "mask"  # type: ignore[union-attr]
    assert courier.rule_for("BANK_CARD").operator == "mask"  # type: ignore[union-attr]
    assert not courier.needs_key
    assert load_policy("analyst").needs_key


def test_rule_precedence_entity_then_sensitive_then_any() -> None:
    policy = load_policy({"rules": {"CN_RESIDENT_ID": "drop", "sensitive": "redact", "*": "replace"}})
    assert policy.rule_for("CN_RESIDENT_ID").operator == "drop"  # type: ignore[union-attr]
    assert policy.rule_for("BANK_CARD").operator == "redact"  # type: ignore[union-attr]  # sensitive
    assert policy.rule_for("EMAIL").operator == "replace"  # type: ignore[union-attr]
    assert load_policy({"rules": {"EMAIL": "drop"}}).rule_for("PERSON") is None


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        (".yaml", "name: mine\nrules:\n  CN_MOBILE: {operator: mask, keep_prefix: 3, keep_suffix: 4}\n"),
        (".toml", 'name = "mine"\n[rules.CN_MOBILE]\noperator = "mask"\nkeep_prefix = 3\nkeep_suffix = 4\n'),
        (
            ".json",
            '{"name": "mine", "rules": {"CN_MOBILE": '
            '{"operator": "mask", "keep_prefix": 3, "keep_suffix": 4}}}',
        ),
    ],
)
def test_policy_files(tmp_path: Path, suffix: str, content: str) -> None:
    path = tmp_path / f"policy{suffix}"
    path.write_text(content, encoding="utf-8")
    policy = load_policy(path)
    assert policy.name == "mine"
    rule = policy.rule_for("CN_MOBILE")
    assert rule is not None and rule.params.keep_prefix == 3 and rule.params.keep_suffix == 4


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"rules": {"CN_MOBIL": "mask"}}, "CN_MOBIL: unknown entity type"),
        ({"rules": {"CN_MOBILE": "blur"}}, "CN_MOBILE: unknown operator 'blur'"),
        ({"rules": {"CN_MOBILE": {"keep_prefix": 3}}}, "CN_MOBILE: a rule needs an 'operator'"),
        (
            {"rules": {"CN_MOBILE": {"operator": "mask", "keep_prefix": "3"}}},
            "CN_MOBILE: operator mask: keep_prefix: must be an integer",
        ),
        (
            {"rules": {"CN_MOBILE": {"operator": "mask", "keep_prefx": 3}}},
            "CN_MOBILE: operator mask: keep_prefx: unknown",
        ),
        (
            {"rules": {"PERSON": {"operator": "generalize"}}},
            "PERSON: operator generalize: operator: generalize works",
        ),
        ({"rules": {"*": {"operator": "replace", "template": "<{nam}>"}}}, "*: operator replace: template"),
        ({"rules": {"EMAIL": {"operator": "hmac", "length": 2}}}, "EMAIL: operator hmac: length"),
        ({"rules": {}}, "'rules' must map"),
        ({"rules": {"EMAIL": "drop"}, "min_score": 2}, "min_score"),
        ({"rules": {"EMAIL": "drop"}, "rule": {}}, "unknown top-level key 'rule'"),
        (["EMAIL"], "must be a mapping"),
    ],
)
def test_validation_errors_name_entity_and_field(document: Any, message: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        load_policy(document) if isinstance(document, dict) else load_policy_from_list(document)
    assert message in str(error.value)


def load_policy_from_list(document: Any) -> None:
    from yinsi.policy.load import policy_from_mapping

    policy_from_mapping(document, default_name="inline")


@pytest.mark.parametrize(
    ("suffix", "content"), [(".yaml", "rules: [unclosed"), (".toml", "rules = ["), (".json", "{")]
)
def test_broken_files(tmp_path: Path, suffix: str, content: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_text(content)
    with pytest.raises(ConfigurationError, match="invalid"):
        load_policy(path)


def test_unknown_preset_or_missing_file() -> None:
    with pytest.raises(ConfigurationError, match="neither a file nor a preset"):
        load_policy("nope")
