"""One way to ask for anything: every command that reads the data file shares its options, by name and meaning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import click
import pytest

from troopclaims.cli import main
from troopclaims.cli import options as shared

from .conftest import BUNDLED, VALID, Invoke

# The commands that read a data file, and which of the shared options apply to each.
READERS = ("add", "review", "check", "list", "conflicts", "events", "timeline", "report", "export")
VIEWS = ("list", "conflicts", "events", "timeline", "report", "export")
WINDOWED = ("list", "conflicts", "events", "timeline", "report", "export")
TABULAR = ("list", "conflicts", "events", "timeline")
TABULAR_FORMATS = ["table", "json", "jsonl", "csv", "markdown"]


def _reference() -> dict[str, click.Parameter]:
    """Each shared option as its one definition in cli/options.py makes it."""

    def blank() -> None:
        """Nothing."""

    made = click.command()(
        shared.data_option(
            shared.gazetteer_option(
                shared.talk_options(
                    shared.output_option()(shared.reviewed_only_option(shared.window_options(shared.source_option(blank))))
                )
            )
        )
    )
    return {param.name: param for param in made.params if param.name}


REFERENCE = _reference()


def _meaning(param: click.Parameter) -> tuple[Any, ...]:
    help_text = getattr(param, "help", "") or ""
    # -o says what a command writes when it is left out; the rest of its help is the shared meaning.
    help_text = help_text.split(" Default:")[0] if param.name == "output" else help_text
    return (tuple(param.opts), tuple(param.secondary_opts), type(param.type), getattr(param, "is_flag", False), param.default, help_text, param.metavar)


def _params(name: str) -> dict[str, click.Parameter]:
    return {param.name: param for param in main.commands[name].params if param.name}


@pytest.mark.parametrize("name", sorted(main.commands))
def test_a_shared_name_has_the_shared_meaning_in_every_command(name: str) -> None:
    for key, param in _params(name).items():
        if key in REFERENCE:
            assert _meaning(param) == _meaning(REFERENCE[key]), f"{name}: {key} differs from cli/options.py"


@pytest.mark.parametrize("name", READERS)
def test_every_command_that_reads_the_data_file_has_data_gazetteer_quiet_verbose(name: str) -> None:
    assert {"data", "gazetteer", "quiet", "verbose"} <= set(_params(name))


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_writes_with_o_and_keeps_reviewed_claims_only_on_request(name: str) -> None:
    params = _params(name)
    assert {"output", "reviewed_only"} <= set(params)
    assert params["output"].opts == ["-o", "--output"]


@pytest.mark.parametrize("name", WINDOWED)
def test_time_window_options(name: str) -> None:
    assert {"since", "until"} <= set(_params(name))


@pytest.mark.parametrize("name", TABULAR)
def test_tabular_commands_offer_every_format(name: str) -> None:
    param = _params(name)["output_format"]
    assert isinstance(param.type, click.Choice) and list(param.type.choices) == TABULAR_FORMATS
    assert param.opts == ["--format"]


def test_every_format_option_is_spelled_the_same() -> None:
    for name, command in main.commands.items():
        for param in command.params:
            if param.name == "output_format":
                assert param.opts == ["--format"] and isinstance(param.type, click.Choice), name


@pytest.mark.parametrize("name", TABULAR)
def test_o_writes_the_same_bytes_as_standard_output(run: Invoke, name: str, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    shown = run(name, "--data", str(VALID), "--format", "json")
    written = run(name, "--data", str(VALID), "--format", "json", "-o", str(target))
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert f"wrote {target}" in written.stderr
    quiet = run(name, "--data", str(VALID), "--format", "json", "-o", str(target), "-q")
    assert quiet.stderr == ""
    dash = run(name, "--data", str(VALID), "--format", "json", "-o", "-")
    assert dash.stdout == shown.stdout


def test_o_never_writes_over_the_data_file(run: Invoke, tmp_path: Path) -> None:
    shutil.copytree(VALID.parent, tmp_path / "story")
    data = tmp_path / "story" / "claims.yaml"
    before = data.read_bytes()
    result = run("list", "--data", str(data), "-o", str(data))
    assert result.exit_code == 1 and data.read_bytes() == before


def test_verbose_says_what_was_read(run: Invoke) -> None:
    result = run("conflicts", "--data", str(VALID), "-v")
    assert "read " in result.stderr and "claims" in result.stderr


def _claim_ids(run: Invoke, *args: str) -> list[str]:
    result = run("list", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [record["id"] for record in json.loads(result.stdout)]


def test_since_and_until_keep_the_claims_whose_date_falls_in_the_window(run: Invoke) -> None:
    every = _claim_ids(run, "--data", str(BUNDLED))
    october = _claim_ids(run, "--data", str(BUNDLED), "--since", "2019-10-01", "--until", "2019-10-31")
    later = _claim_ids(run, "--data", str(BUNDLED), "--since", "2020")
    assert october and later and set(october).isdisjoint(later)
    assert set(october) < set(every) and set(later) < set(every)
    assert all(claim.startswith("shafaq-routine-move") for claim in later)


def test_a_month_is_in_a_window_that_starts_inside_it(run: Invoke) -> None:
    # A claim dated only "November 2020" may be of any day of that month: a window from the 20th keeps it.
    assert _claim_ids(run, "--data", str(BUNDLED), "--since", "2020-11-20") == _claim_ids(run, "--data", str(BUNDLED), "--since", "2020-11")


def test_a_date_that_is_not_one_is_a_usage_error_naming_the_option(run: Invoke) -> None:
    result = run("timeline", "--since", "2019-13")
    assert result.exit_code == 2 and "--since" in result.stderr and "Usage: main timeline" in result.stderr


def test_reviewed_only_leaves_candidates_out(run: Invoke, tmp_path: Path) -> None:
    shutil.copytree(VALID.parent, tmp_path / "story")
    data = tmp_path / "story" / "claims.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("  - id: ministry-2\n", "  - id: ministry-2\n    reviewed: false\n"), encoding="utf-8")
    assert "ministry-2" in _claim_ids(run, "--data", str(data))
    assert "ministry-2" not in _claim_ids(run, "--data", str(data), "--reviewed-only")


def test_fail_on_conflict_has_its_own_exit_code(run: Invoke) -> None:
    found = run("conflicts", "--fail-on-conflict")
    assert found.exit_code == shared.EXIT_CONFLICTS == 3
    assert run("conflicts", "--fail-on-conflict", "--kind", "timing").exit_code == 0
    assert run("conflicts").exit_code == 0


def test_a_usage_error_inside_a_command_shows_that_commands_usage(run: Invoke) -> None:
    result = run("list", "--source", "no-such-outlet")
    assert result.exit_code == 2
    assert "Usage: main list [OPTIONS]" in result.stderr and "no source with id or outlet" in result.stderr


def test_export_takes_o_and_the_bare_file_with_a_deprecation_note(run: Invoke, tmp_path: Path) -> None:
    new = run("export", "--to", "claimreview", "-o", str(tmp_path / "a.json"))
    old = run("export", "--to", "claimreview", str(tmp_path / "b.json"))
    assert new.exit_code == old.exit_code == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert "deprecated" in old.stderr and "-o FILE" in old.stderr and "deprecated" not in new.stderr
    both = run("export", "--to", "claimreview", "-o", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert both.exit_code == 2


@pytest.mark.parametrize("command", [("review",), ("add", str(VALID.parent / "articles"))])
def test_writing_commands_refuse_standard_input_as_their_data_file(run: Invoke, command: tuple[str, ...]) -> None:
    result = run(*command, "--data", "-", input="")
    assert result.exit_code == 2 and "cannot be written back" in result.stderr


def test_extract_writes_with_o_too(run: Invoke, tmp_path: Path) -> None:
    articles = str(VALID.parent / "articles")
    shown = run("extract", articles, "--published", "2024-03-07", "--format", "json", "-q")
    written = run("extract", articles, "--published", "2024-03-07", "--format", "json", "-o", str(tmp_path / "c.json"))
    assert written.exit_code == shown.exit_code == 0 and written.stdout == ""
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == shown.stdout
    refused = run("extract", articles, "-o", str(VALID.parent / "articles" / "convoy.txt"))
    assert refused.exit_code == 1 and (VALID.parent / "articles" / "convoy.txt").read_text(encoding="utf-8").strip()
