"""Text for people: every human output writes dates as a reader does and names no internal code, at any width."""

from __future__ import annotations

import re

import pytest

from .conftest import BUNDLED, VALID, Invoke

WIDTHS = (80, 100, 200)
# TIMEX weeks and parts of a day ("2019-W42", "2019-10-19TNI"), and the old stand-in for an outlet's own words.
INTERNAL = re.compile(r"\b\d{4}-W\d{2}\b|\b\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI)\b|\(narration\)")
HUMAN_OUTPUTS = [
    ("list",),
    ("conflicts",),
    ("events",),
    ("timeline",),
    ("timeline", "--by", "reported"),
    ("list", "--format", "markdown"),
    ("conflicts", "--format", "markdown"),
    ("events", "--format", "markdown"),
    ("timeline", "--format", "markdown"),
    ("report", "--format", "markdown", "-o", "-"),
    ("report", "-o", "-"),
    ("conflicts", "--explain", "tabloid-troops-to-iraq-01", "esper-western-iraq-07"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", HUMAN_OUTPUTS, ids=" ".join)
@pytest.mark.parametrize("data", [BUNDLED, VALID], ids=["bundled", "test-data"])
def test_no_internal_date_code_or_narration_marker(run: Invoke, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int, data: object) -> None:
    if "--explain" in args and data != BUNDLED:
        pytest.skip("the claim ids are the bundled data's")
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args, "--data", str(data), "-q")
    assert result.exit_code == 0, result.stderr
    found = INTERNAL.findall(result.stdout)
    assert not found, f"{' '.join(args)} at {width} columns shows {sorted(set(found))[:5]}"


def test_the_machine_formats_keep_the_values(run: Invoke) -> None:
    # The codes people should not read are the data machines should: JSON keeps them.
    assert re.search(r"\d{4}-\d{2}-\d{2}TNI|\d{4}-W\d{2}", run("timeline", "--format", "json").stdout)


@pytest.mark.parametrize("command", ["list", "timeline"])
def test_the_outlets_own_words_in_the_cli_tables(run: Invoke, command: str) -> None:
    assert "| The outlet's own words |" in run(command, "--format", "markdown").stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_severity_is_visible_at_every_width(run: Invoke, monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = run("conflicts").stdout
    assert len(re.findall(r"\bhard\b", out)) >= 5 and re.search(r"\bsoft\b", out)


def test_timeline_keeps_who_says_before_the_conflict_ids(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = run("timeline").stdout
    header = out.splitlines()[2]
    assert "who says" in header and "disputed" in header and "conflicts" not in header
    assert "Not shown at 100 columns: conflicts" in out


def test_labels_name_forces_by_their_peoples_adjective(run: Invoke, tmp_path: object) -> None:
    # The test data's forces are "Danish": labels say "Danish forces", never "Denmark forces".
    out = run("events", "--data", str(VALID)).stdout + run("conflicts", "--data", str(VALID), "--format", "json").stdout
    assert "Danish forces" in out or "Danish personnel" in out
    assert "Denmark forces" not in out and "Denmark personnel" not in out
