"""The data files pass yamllint under the repository's .yamllint, and match the JSON Schema editors use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from yamllint import linter
from yamllint.config import YamlLintConfig

from troopclaims.datafile import data_file_schema, parse_value

from .conftest import BUNDLED, REPO, VALID

DATA_FILES = [BUNDLED, *sorted((REPO / "tests" / "data" / "valid").glob("*.yaml"))]


def _config() -> YamlLintConfig:
    return YamlLintConfig(file=str(REPO / ".yamllint"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_data_files_pass_yamllint(path: Path) -> None:
    problems = list(linter.run(path.read_text(encoding="utf-8"), _config(), str(path)))
    assert not problems, "\n".join(f"{path}:{p.line}:{p.column}: {p.message}" for p in problems)


def test_the_yamllint_config_still_catches_style_and_syntax_problems() -> None:
    text = VALID.read_text(encoding="utf-8").replace("version: 1", "version: 1\ntranslated: yes", 1)
    assert "translated: yes" in text
    text += "claims:\n  - id: again\n"  # a second top-level key of the same name
    found = {p.rule for p in linter.run(text, _config(), "claims.yaml")}
    assert {"truthy", "key-duplicates"} <= found


class _NoTimestamps(yaml.SafeLoader):
    """YAML as an editor's language server reads it: an unquoted 2019-10-22 is text, not a date object."""


_NoTimestamps.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(data_file_schema())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_NoTimestamps)  # noqa: S506 - a SafeLoader subclass


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_data_files_match_the_json_schema(path: Path) -> None:
    errors = list(_validator().iter_errors(_load(path.read_text(encoding="utf-8"))))
    assert not errors, errors[0].message


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The errors under an "any of" (an optional field): which branch failed, and why."""
    return [leaf for sub in error.context for leaf in _leaves(sub)] if error.context else [error]


@pytest.mark.parametrize("where", ["published", "when"])
@pytest.mark.parametrize("written", ["yesterday", "22 October 2019", "2019/10/22", "2019-10-22T23:00"])
def test_the_schema_flags_a_date_written_in_words_or_another_notation(where: str, written: str) -> None:
    data = _load(VALID.read_text(encoding="utf-8"))
    if where == "published":
        data["sources"][0]["published"]["date"] = written
    else:
        data["claims"][0]["when"] = {"text": "last night", "value": written}
    messages = [leaf.message for e in _validator().iter_errors(data) for leaf in _leaves(e)]
    assert any("does not match" in m and written in m for m in messages), messages


@pytest.mark.parametrize("value", ["2019", "2019-10", "2019-W42", "2019-10-22", "2019-10-19TNI", "2019-10-19TMO"])
def test_the_schema_accepts_every_form_the_checker_accepts(value: str) -> None:
    parse_value(value)
    data = _load(VALID.read_text(encoding="utf-8"))
    data["claims"][0]["when"] = {"text": "then", "value": value}
    assert not list(_validator().iter_errors(data))
