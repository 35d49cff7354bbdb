"""The analysis cache: a second run on unchanged files reuses the view, and any change to an input misses it.

Each test has its own cache folder (TROOPCLAIMS_CACHE_DIR, set in conftest.py). Files are dated a minute back before a run that
should be cached: an input changed within the last two seconds is never cached, since it may have changed
while the analysis read it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from troopclaims.present import cache as view_cache

from .round2 import cli, workspace

OTHER = (
    "Published: 2024-03-09\n\n"
    "Some 1,200 marines landed at the port of Klaipeda on Saturday, the Lithuanian navy said.\n\n"
    "The Lithuanian navy later said only 900 marines had landed at Klaipeda.\n"
)


@pytest.fixture
def cache_folder() -> Path:
    return Path(os.environ["TROOPCLAIMS_CACHE_DIR"])  # each test's own (conftest.py)


def settle(*paths: Path) -> None:
    """Date files (and everything in folders) a minute back, as files that were not just edited are."""
    past = time.time() - 60
    for path in paths:
        for each in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.utime(each, (past, past))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def story(tmp_path: Path, placed: bool = False) -> Path:
    """A data file of one claim; placed: the claim says where the forces are (Tapa), which a gazetteer resolves."""
    data = workspace(tmp_path / "story")
    if placed:
        data.write_text(data.read_text(encoding="utf-8") + "    actor: Denmark\n    location: Tapa\n", encoding="utf-8")
    settle(data.parent)
    return data


def test_a_second_run_on_unchanged_files_reads_the_cache(tmp_path: Path, cache_folder: Path) -> None:
    data = story(tmp_path)
    first = cli("list", "--data", str(data), "--format", "json")
    assert first.code == 0 and len(entries(cache_folder)) == 1
    entry = json.loads(entries(cache_folder)[0].read_text(encoding="utf-8"))
    assert [Path(name).name for name, _ in entry["inputs"]] == ["claims.yaml", "a.txt"]
    # The entry is what is shown: change it, and a hit shows the change (so the hit really came from it).
    entry["view"]["records"][0]["quote"] = "from the cache"
    entries(cache_folder)[0].write_text(json.dumps(entry), encoding="utf-8")
    assert '"quote": "from the cache"' in cli("list", "--data", str(data), "--format", "json").stdout


@pytest.mark.parametrize("output_format", ["table", "json", "jsonl", "csv", "markdown"])
def test_a_cached_view_renders_exactly_as_a_fresh_one(tmp_path: Path, output_format: str) -> None:
    data = story(tmp_path)
    (data.parent / "articles" / "b.txt").write_text(OTHER, encoding="utf-8")
    cli("add", str(data.parent / "articles" / "b.txt"), "--data", str(data))
    settle(data.parent)
    for command in (["conflicts"], ["events"], ["timeline"], ["list"]):
        if output_format == "jsonl" and command in (["timeline"], ["list"]):
            continue
        args = [*command, "--data", str(data), "--format", output_format]
        fresh = cli(*args, "--no-cache")
        assert fresh.code == 0, fresh.stderr
        assert cli(*args).stdout == fresh.stdout  # stored
        assert cli(*args).stdout == fresh.stdout  # read back


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, cache_folder: Path) -> None:
    data = story(tmp_path)
    assert cli("conflicts", "--data", str(data), "--no-cache").code == 0
    assert entries(cache_folder) == []
    cli("list", "--data", str(data), "--format", "json")
    [entry] = entries(cache_folder)
    entry.write_text(entry.read_text(encoding="utf-8").replace("About 400 soldiers", "Forged"), encoding="utf-8")
    assert "Forged" not in cli("list", "--data", str(data), "--format", "json", "--no-cache").stdout


def test_a_changed_data_file_misses(tmp_path: Path) -> None:
    data = story(tmp_path)
    before = cli("list", "--data", str(data), "--format", "csv").stdout
    data.write_text(data.read_text(encoding="utf-8").replace("id: a-1", "id: a-renamed"), encoding="utf-8")
    after = cli("list", "--data", str(data), "--format", "csv").stdout
    assert "a-renamed" in after and "a-renamed" not in before


def test_a_changed_article_misses(tmp_path: Path) -> None:
    data = story(tmp_path)
    before = cli("list", "--data", str(data), "--format", "json").stdout
    article = data.parent / "articles" / "a.txt"
    article.write_text("Updated: the report was corrected.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    settle(article)  # even a change whose time looks old is seen: the bytes are compared
    after = cli("list", "--data", str(data), "--format", "json").stdout
    assert json.loads(after)[0]["start"] == json.loads(before)[0]["start"] + len("Updated: the report was corrected.\n")


def test_a_changed_gazetteer_misses(tmp_path: Path) -> None:
    data = story(tmp_path, placed=True)
    gazetteer = data.parent / "places.yaml"
    gazetteer.write_text("places:\n  - {name: Tapa, kind: city, within: Estonia}\n", encoding="utf-8")
    data.write_text(data.read_text(encoding="utf-8").replace("version: 1\n", "version: 1\ngazetteer: places.yaml\n"), encoding="utf-8")
    settle(data.parent)
    args = ("list", "--data", str(data), "--format", "json")
    before = cli(*args)
    assert before.code == 0, before.stderr
    gazetteer.write_text("places:\n  - {name: Tapa, kind: city, within: Latvia}\n", encoding="utf-8")
    settle(gazetteer)
    after = cli(*args)
    assert after.stdout != before.stdout and after.stdout == cli(*args, "--no-cache").stdout


def test_a_changed_gazetteer_option_file_misses(tmp_path: Path) -> None:
    data = story(tmp_path, placed=True)
    extra = tmp_path / "extra.yaml"
    extra.write_text("places:\n  - {name: Tapa, kind: city, within: Estonia}\n", encoding="utf-8")
    settle(extra)
    args = ("list", "--data", str(data), "--format", "json", "--gazetteer", str(extra))
    before = cli(*args).stdout
    extra.write_text("places:\n  - {name: Tapa, kind: city, within: Latvia}\n", encoding="utf-8")
    settle(extra)
    assert cli(*args).stdout != before and cli(*args).stdout == cli(*args, "--no-cache").stdout


def test_options_are_part_of_the_key(tmp_path: Path) -> None:
    data = story(tmp_path)
    everything = cli("conflicts", "--data", str(data), "--format", "json").stdout
    assert cli("conflicts", "--data", str(data), "--format", "json", "--kind", "timing").stdout != everything or everything == "[]\n"
    assert len(entries(Path(os.environ["TROOPCLAIMS_CACHE_DIR"]))) == 2


def test_another_version_of_the_tool_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "engine.py").write_text("RULES = 1\n", encoding="utf-8")
    monkeypatch.setattr(view_cache, "_PACKAGE", package)
    data = story(tmp_path)
    key = view_cache.ViewCache(data, "list", {}).path
    (package / "engine.py").write_text("RULES = 22\n", encoding="utf-8")
    assert view_cache.ViewCache(data, "list", {}).path != key


def test_an_input_changed_just_now_is_not_cached(tmp_path: Path, cache_folder: Path) -> None:
    data = workspace(tmp_path / "story")  # just written: it may still be changing
    assert cli("list", "--data", str(data)).code == 0
    assert entries(cache_folder) == []


def test_a_broken_entry_is_analysed_afresh(tmp_path: Path, cache_folder: Path) -> None:
    data = story(tmp_path)
    fresh = cli("list", "--data", str(data), "--format", "json").stdout
    [entry] = entries(cache_folder)
    entry.write_text('{"inputs": [', encoding="utf-8")
    assert cli("list", "--data", str(data), "--format", "json").stdout == fresh


def test_an_unwritable_cache_folder_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = story(tmp_path)
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("TROOPCLAIMS_CACHE_DIR", str(tmp_path / "file" / "cache"))
    ran = cli("list", "--data", str(data))
    assert ran.code == 0 and ran.stderr == ""


def test_a_hit_loads_no_model_world_or_engine(tmp_path: Path, cache_folder: Path) -> None:
    data = story(tmp_path)
    code = (
        "import sys\n"
        "from troopclaims.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = sorted(m for m in sys.modules if m in ('pydantic', 'yaml', 'rich') or m.startswith(('troopclaims.engine', "
        "'troopclaims.world', 'troopclaims.datafile')))\n"
        "print(loaded, file=sys.stderr)\n"
    )
    env = {**os.environ, "TROOPCLAIMS_CACHE_DIR": str(cache_folder)}
    for command in ("list", "conflicts"):
        args = [sys.executable, "-c", code, command, "--data", str(data), "--format", "csv"]
        cold = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
        assert "pydantic" in cold.stderr
        warm = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
        assert warm.stderr.strip() == "[]" and warm.stdout == cold.stdout
