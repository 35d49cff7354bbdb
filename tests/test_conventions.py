"""Conventions of a command-line tool: --data everywhere, - for standard input, --quiet and --verbose,
a progress bar only on a terminal, help examples that run, and the pre-commit hook."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner
from rich.console import Console

from troopclaims.cli import main
from troopclaims.cli.progress import tracked

from .conftest import BUNDLED, REPO, TESTDATA, Invoke

ARTICLE = (
    "Battalion leaves the border\nFeb. 14, 2024 | Reuters\n\n"
    "About 600 soldiers left the border town on Monday, the defence ministry said.\n"
)


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled data and its articles, as the current folder."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- one --data everywhere, and - for standard input ------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "conflicts", "timeline", "check", "review"])
def test_every_command_on_a_data_file_takes_data(run: Invoke, command: str) -> None:
    result = run(command, "--data", str(BUNDLED), *(["--format", "json"] if command in ("list", "conflicts", "timeline") else []))
    assert result.exit_code == 0, result.stderr


def test_check_takes_paths_and_data_together(run: Invoke) -> None:
    result = run("check", str(BUNDLED), "--data", str(TESTDATA / "valid" / "claims.yaml"))
    assert result.exit_code == 0 and result.stdout.count(": ok") == 2


def test_check_reads_standard_input(run: Invoke, copy: Path) -> None:
    text = (copy / "data" / "claims.yaml").read_text(encoding="utf-8").replace('root: ".."', 'root: "."')
    assert run("check", "-", input=text).stdout == "<stdin>: ok\n"
    broken = run("check", "--data", "-", input=text.replace("version: 1", "version: 7"))
    assert broken.exit_code == 1 and broken.stderr.startswith("<stdin>:")


def test_list_reads_its_data_from_standard_input(run: Invoke, copy: Path) -> None:
    text = (copy / "data" / "claims.yaml").read_text(encoding="utf-8").replace('root: ".."', 'root: "."')
    result = run("list", "--data", "-", "--source", "shafaq", "--format", "json", input=text)
    assert result.exit_code == 0 and '"source": "shafaq-routine-move"' in result.stdout


def test_extract_reads_an_article_from_standard_input(run: Invoke) -> None:
    result = run("extract", "-", "--format", "jsonl", input=ARTICLE)
    assert result.exit_code == 0 and '"count"' in result.stdout and '"value": "2024-02-12"' in result.stdout


def test_add_reads_the_articles_to_add_from_standard_input(run: Invoke, tmp_path: Path) -> None:
    run("init", str(tmp_path), "-q")
    article = tmp_path / "articles" / "battalion.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("add", "-", "--data", str(tmp_path / "claims.yaml"), input=f"{article}\n")
    assert result.exit_code == 0 and "reuters-battalion-leaves-the-border" in result.stderr


# --- list --source by id prefix or outlet ------------------------------------------------------------------


def test_a_source_is_chosen_by_id_prefix_or_outlet(run: Invoke) -> None:
    by_prefix = run("list", "--source", "shafaq", "--format", "csv")
    by_outlet = run("list", "--source", "shafaq news", "--format", "csv")
    assert by_prefix.exit_code == 0 and by_prefix.stdout == by_outlet.stdout
    assert {line.split(",")[1] for line in by_prefix.stdout.splitlines()[1:]} == {"shafaq-routine-move"}
    unknown = run("list", "--source", "nowhere")
    assert unknown.exit_code == 2 and "sources are:" in unknown.stderr


# --- --quiet and --verbose --------------------------------------------------------------------------------


def test_quiet_and_verbose(run: Invoke, tmp_path: Path) -> None:
    run("init", str(tmp_path), "--quiet")
    (tmp_path / "articles" / "battalion.txt").write_text(ARTICLE, encoding="utf-8")
    data = str(tmp_path / "claims.yaml")
    verbose = run("add", str(tmp_path / "articles"), "--data", data, "--verbose")
    assert "battalion.txt: " in verbose.stderr and "dateline 'Feb. 14, 2024' (line 2)" in verbose.stderr
    quiet = run("add", str(tmp_path / "articles"), "--data", data, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert run("check", "--data", data, "-q").output == ""
    assert "left to review" in run("check", "--data", data).stderr
    assert run("check", "--data", data, "-v").stderr.count("sources, ") == 1
    assert run("check", "-q", "-v").exit_code == 2
    assert run("report", "-o", str(tmp_path / "r.html"), "-q").stderr == ""


# --- progress ---------------------------------------------------------------------------------------------


def test_progress_shows_a_count_and_the_time_left_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    items = list(tracked(range(5), 5, "reading articles", console=console, delay=0))
    assert items == [0, 1, 2, 3, 4]
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # without colours and cursor moves
    assert "reading articles" in shown and re.search(r"\b[1-4]/5\b", shown) and re.search(r"\d:\d\d:\d\d|-:--:--", shown)


def test_progress_draws_nothing_when_quick_or_piped(capsys: pytest.CaptureFixture[str]) -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    assert list(tracked(range(5), 5, "reading", console=console)) == [0, 1, 2, 3, 4]  # done within the delay
    assert list(tracked(range(5), 5, "reading", delay=0)) == [0, 1, 2, 3, 4]  # stderr is not a terminal here
    assert list(tracked(range(5), 5, "reading", enabled=False, console=console, delay=0)) == [0, 1, 2, 3, 4]
    assert screen.getvalue() == "" and capsys.readouterr().err == ""


# --- every example in every help text runs ------------------------------------------------------------------


def _examples() -> list[tuple[str, str, str]]:
    """(command, where it runs, example): each example runs where its heading says, else from any folder."""
    found = []
    commands: list[tuple[str, click.Command]] = [("troopclaims", main), *((f"troopclaims {n}", c) for n, c in main.commands.items())]
    for name, command in commands:
        with click.Context(command, info_name=name) as ctx:
            text = command.get_help(ctx)
        where = "any folder"
        for line in text.splitlines():
            if line.strip().startswith("Example"):
                where = "repository" if "repository" in line else "story" if "story folder" in line else "any folder"
            elif line.strip().startswith("troopclaims "):
                found.append((name, where, line.strip()))
    return found


EXAMPLES = _examples()


def test_every_command_has_an_example() -> None:
    assert {name for name, _, _ in EXAMPLES} == {"troopclaims", *(f"troopclaims {n}" for n in main.commands)}


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A story folder as troopclaims init makes it, with one article of our own added, as the current folder."""
    folder = tmp_path / "story"
    assert CliRunner().invoke(main, ["init", str(folder), "-q"]).exit_code == 0
    (folder / "articles" / "airlift.txt").write_text(
        "Airlift ends\nFeb. 14, 2024 | Reuters\n\nAbout 400 German soldiers left Jordan for Cyprus on Tuesday, officials said.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    assert CliRunner().invoke(main, ["add", "articles", "-q"]).exit_code == 0
    return folder


@pytest.mark.parametrize(("command", "where", "example"), EXAMPLES, ids=[example for _, _, example in EXAMPLES])
def test_every_help_example_runs(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 command: str, where: str, example: str) -> None:
    # An example runs where its heading says: the repository (data/ and seeds/), a story folder, or any other folder.
    if where == "repository":
        copy = request.getfixturevalue("copy")
    elif where == "story":
        copy = request.getfixturevalue("story")
    else:
        copy = tmp_path / "anywhere"
        copy.mkdir()
        monkeypatch.chdir(copy)
    words = shlex.split(example)[1:]
    stdin = None
    if "<" in words:
        at = words.index("<")
        stdin = (copy / words[at + 1]).read_text(encoding="utf-8")
        words = words[:at] + words[at + 2 :]
    target = None
    if ">" in words:
        at = words.index(">")
        target, words = copy / words[at + 1], words[:at]
    result = CliRunner().invoke(main, words, input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, f"{example}: {result.stderr}"
    if target is not None:
        target.write_text(result.stdout, encoding="utf-8")
        assert target.stat().st_size > 0


# --- the pre-commit hook ------------------------------------------------------------------------------------


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook: dict[str, object] = hooks[0]
    # The keys pre-commit requires of a hook, and that it gets the changed files.
    assert {"id", "name", "entry", "language"} <= set(hook) and hook.get("pass_filenames", True) is True
    return hook


@pytest.mark.parametrize(
    ("name", "runs"),
    [("claims.yaml", True), ("stories/niger.yml", True), ("articles/a.txt", True), ("articles/a.html", True),
     ("page.htm", True), ("src/tool.py", False), ("README.md", False)],
)
def test_the_hook_runs_on_data_files_of_any_name_and_on_articles(name: str, runs: bool) -> None:
    assert bool(re.search(str(_hook()["files"]), name)) is runs


def test_the_hook_checks_the_data_files_a_changed_article_touches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _hook()
    folder = tmp_path / "stories"
    CliRunner().invoke(main, ["init", str(folder), "-q"])
    data = folder / "claims.yaml"
    story = data.rename(folder / "story.yaml")  # a data file not named claims.yaml
    article = folder / "articles" / "battalion.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert CliRunner().invoke(main, ["add", str(article), "--data", str(story), "-q"]).exit_code == 0
    (tmp_path / "notes.txt").write_text("not an article\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    entry = shlex.split(str(hook["entry"]))[1:]

    def commit(*changed: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, [*entry, *changed])
        return result.exit_code, result.stdout + result.stderr

    assert commit("stories/articles/battalion.txt") == (0, "stories/story.yaml: ok\n" + "stories/story.yaml: " + _left(story))
    assert commit("notes.txt") == (0, "")
    article.write_text(ARTICLE.replace("About 600", "Some 600"), encoding="utf-8")
    code, output = commit("stories/articles/battalion.txt")
    assert code == 1 and "quote not found in articles/battalion.txt" in output
    code, output = commit("stories/story.yaml")
    assert code == 1 and "stories/story.yaml" in output


def _left(story: Path) -> str:
    from troopclaims.datafile import load_dataset

    dataset = load_dataset(story)
    return f"{dataset.unreviewed} of {len(dataset.claims)} claims left to review (troopclaims review --data stories/story.yaml)\n"
