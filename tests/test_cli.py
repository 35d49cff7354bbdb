"""The command line as a whole: help texts, start-up imports, `list` and its formats."""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
import subprocess
import sys

from pathlib import Path

import pytest

from troopclaims.cli import main

from .conftest import VALID, Invoke

COMMANDS = sorted(main.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(run: Invoke, name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"troopclaims {name}" in result.stdout


def test_help_imports_no_heavy_module() -> None:
    # --help and shell completion run on every keystroke; pydantic, rich and yaml must wait for a command.
    code = (
        "import sys; from troopclaims.cli import main\n"
        "heavy = [m for m in ('pydantic', 'rich', 'yaml', 'jinja2', 'dateutil') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_help_lists_each_command_as_the_command_itself_would_without_importing_it() -> None:
    from troopclaims.cli import HOMES

    def show_help(first: str) -> subprocess.CompletedProcess[str]:
        code = (
            f"import sys; from troopclaims.cli import main\n{first}\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('troopclaims.cli.') and m != 'troopclaims.cli.edge'), file=sys.stderr)"
        )
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, "COLUMNS": "90"})

    lazy, eager = show_help(""), show_help("list(main.commands.values())")
    assert lazy.stderr.strip() == "[]"  # no command's module was imported
    assert eager.stderr.strip() != "[]" and lazy.stdout == eager.stdout
    for name, command in main.commands.items():
        first = " ".join(inspect.cleandoc(command.help or "").split("\n\n")[0].split())
        assert HOMES[name][2] == first, f"{name}: copy its help's first paragraph into HOMES in cli/__init__.py: {first!r}"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "troopclaims", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "troopclaims" in result.stdout


def test_no_subcommand_is_a_usage_error(run: Invoke) -> None:
    assert run().exit_code == 2


def test_list_filters_by_source_id_and_by_outlet(run: Invoke) -> None:
    by_id = json.loads(run("list", "--data", str(VALID), "--source", "rebuttal", "--format", "json").stdout)
    assert {c["source"] for c in by_id} == {"rebuttal"} and len(by_id) == 2
    by_outlet = json.loads(run("list", "--data", str(VALID), "--source", "baltic wire", "--format", "json").stdout)
    assert {c["source"] for c in by_outlet} == {"ministry"} and len(by_outlet) == 4


def test_list_json_has_the_promised_keys_and_offsets(run: Invoke) -> None:
    claims = json.loads(run("list", "--data", str(VALID), "--format", "json").stdout)
    for claim in claims:
        assert {"id", "source", "quote", "speaker", "count", "unit", "origin", "destination", "date"} <= set(claim)
        assert claim["end"] > claim["start"] >= 0


def test_list_speaker_filter(run: Invoke) -> None:
    claims = json.loads(run("list", "--data", str(VALID), "--speaker", "ozols", "--format", "json").stdout)
    assert [c["id"] for c in claims] == ["rebuttal-2"]


def test_list_csv_parses(run: Invoke) -> None:
    rows = list(csv.DictReader(io.StringIO(run("list", "--data", str(VALID), "--format", "csv").stdout)))
    assert len(rows) == 6 and (rows[0]["count_qualifier"], rows[0]["count_value"], rows[0]["unit"]) == ("about", "400", "soldiers")


def test_list_table_is_plain_text_when_piped(run: Invoke) -> None:
    out = run("list", "--data", str(VALID)).stdout
    assert "\x1b[" not in out and "Ozols" in out and "Tapa → ?" in out


def test_list_unknown_source_is_a_usage_error(run: Invoke) -> None:
    result = run("list", "--data", str(VALID), "--source", "nobody")
    assert result.exit_code == 2
    assert "no source with id or outlet 'nobody'" in result.stderr and "ministry, rebuttal" in result.stderr


def test_list_on_invalid_data_is_one_line_exit_1(run: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_text("sources: 5\n", encoding="utf-8")
    result = run("list", "--data", str(bad))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "claims.yaml:1:10: 'sources' must be a list" in result.stderr


def test_list_source_shows_exactly_that_sources_claims_for_every_bundled_source(run: Invoke) -> None:
    everything = json.loads(run("list", "--format", "json").stdout)
    sources = {claim["source"] for claim in everything}
    assert len(sources) == 5
    for source in sources:
        shown = json.loads(run("list", "--source", source, "--format", "json").stdout)
        assert [c["id"] for c in shown] == [c["id"] for c in everything if c["source"] == source]
