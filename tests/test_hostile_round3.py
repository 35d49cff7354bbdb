"""Hostile input, round three: names the operating system refuses to look up, and messages that stay one line.

Tests run as root, where a file's mode does not stop a read, so "permission denied" is simulated where the
operating system would say it: the look-up or listing of one named path raises PermissionError, the rest of
the file system answers as usual. Over-long names are real: the file system refuses them whoever asks.
Every case asserts the exit code, one line per problem with no traceback, that the other articles are still
read, and that a data file is never half-written.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .round2 import ARTICLE, Ran, cli, workspace

OTHER = (
    "Published: 2024-03-09\n\n"
    "Some 1,200 marines landed at the port of Klaipeda on Saturday, the Lithuanian navy said.\n"
)
TOO_LONG = "r" * 300 + ".txt"  # past the 255 bytes a name may have on every common file system


def one_line_each(ran: Ran, code: int) -> list[str]:
    """stderr's lines, after checking the exit code and that nothing printed a traceback."""
    assert ran.code == code, (ran.code, ran.stderr[-2000:])
    assert "Traceback" not in ran.stderr, ran.stderr[-2000:]
    return ran.lines


def refuse(monkeypatch: pytest.MonkeyPatch, names: Callable[[str], bool], *calls: str) -> None:
    """Make each of os's calls raise EACCES for the paths names() picks, as for a user who may not look."""
    for call in calls:
        real = getattr(os, call)

        def denied(path: Any, *args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            if isinstance(path, (str, bytes, os.PathLike)) and names(os.fsdecode(path)):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, call, denied)


def corpus(folder: Path) -> Path:
    """A folder of two articles and a manifest that dates them."""
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "manifest.csv").write_text("file,url,outlet,published\na.txt,,Baltic Wire,2024-03-07\n", encoding="utf-8")
    return folder


# --- an unreadable folder or manifest ------------------------------------------------------------------------


def test_a_manifest_that_cannot_be_opened_is_named_and_the_folder_still_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus")
    refuse(monkeypatch, lambda name: name.endswith("manifest.csv"), "open")
    ran = cli("extract", str(folder), "--format", "jsonl", "--quiet")
    lines = one_line_each(ran, 1)
    assert lines[0] == f"skipped: {folder / 'manifest.csv'}: permission denied; ask for access or copy it somewhere readable"
    assert lines[1] == f"Error: 1 article(s) not added: {folder / 'manifest.csv'}"
    assert len(lines) == 2
    assert "Tapa" in ran.stdout and "Klaipeda" in ran.stdout


def test_a_manifest_whose_name_cannot_be_looked_up_is_named_and_the_folder_still_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The folder may be listed but not searched: every look-up of a name in it is refused.
    folder = corpus(tmp_path / "corpus")
    refuse(monkeypatch, lambda name: name.endswith("manifest.csv"), "stat", "lstat", "open")
    ran = cli("extract", str(folder), "--format", "jsonl", "--quiet")
    lines = one_line_each(ran, 1)
    assert lines == [
        f"skipped: {folder / 'manifest.csv'}: permission denied; ask for access or copy it somewhere readable",
        f"Error: 1 article(s) not added: {folder / 'manifest.csv'}",
    ]
    assert "Tapa" in ran.stdout and "Klaipeda" in ran.stdout


def test_a_folder_that_cannot_be_listed_is_named_and_the_other_paths_still_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shut = corpus(tmp_path / "shut")
    (tmp_path / "open.txt").write_text(OTHER, encoding="utf-8")
    refuse(monkeypatch, lambda name: Path(name) == shut, "scandir", "listdir")
    ran = cli("extract", str(shut), str(tmp_path / "open.txt"), "--format", "jsonl", "--quiet")
    lines = one_line_each(ran, 1)
    assert lines == [
        f"skipped: {shut}: cannot list the folder: permission denied; ask for access or copy it somewhere readable",
        f"Error: 1 article(s) not added: {shut}",
    ]
    assert "Klaipeda" in ran.stdout


def test_an_unreadable_manifest_during_a_merge_adds_the_rest_and_keeps_the_data_file_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = workspace(tmp_path)
    folder = corpus(tmp_path / "articles" / "more")
    refuse(monkeypatch, lambda name: name.endswith("manifest.csv"), "stat", "lstat", "open")
    ran = cli("extract", str(folder), "--merge", str(data))
    lines = one_line_each(ran, 1)
    assert lines[-1] == f"Error: 1 article(s) not added: {folder / 'manifest.csv'}"
    monkeypatch.undo()
    assert "Klaipeda" in data.read_text(encoding="utf-8")
    assert cli("check", str(data)).code == 0


def test_any_other_refusal_of_the_operating_system_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A stage that did not foresee a refusal still ends in one line naming the file, never a traceback.
    import troopclaims.datafile as datafile

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EIO, os.strerror(errno.EIO), "claims.yaml")

    monkeypatch.setattr(datafile, "load_dataset", broken)
    lines = one_line_each(cli("list", "--quiet"), 1)
    assert lines == [f"Error: claims.yaml: cannot read: {os.strerror(errno.EIO)}"]


# --- an over-long file name among the articles -------------------------------------------------------------------


def test_an_over_long_name_among_the_articles_is_named_and_the_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    long = tmp_path / TOO_LONG
    ran = cli("extract", str(tmp_path / "b.txt"), str(long), "--format", "jsonl", "--quiet")
    assert one_line_each(ran, 1) == [
        f"skipped: {long}: the file name is too long for this file system; rename it",
        f"Error: 1 article(s) not added: {long}",
    ]
    assert "Klaipeda" in ran.stdout


def test_an_over_long_folder_name_on_the_way_is_named(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    inside = tmp_path / TOO_LONG / "a.txt"
    ran = cli("extract", str(inside), str(tmp_path), "--format", "jsonl", "--quiet")
    lines = one_line_each(ran, 1)
    assert lines[0] == f"skipped: {inside}: the file name is too long for this file system; rename it"
    assert len(lines) == 2 and "Klaipeda" in ran.stdout


def test_an_over_long_name_in_a_manifest_is_named_and_the_others_still_read(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus")
    (folder / "manifest.csv").write_text(f"file,url,outlet,published\n{TOO_LONG},,Wire,2024-03-07\n", encoding="utf-8")
    ran = cli("extract", str(folder), "--format", "jsonl", "--quiet")
    lines = one_line_each(ran, 1)
    assert lines[0] == f"skipped: {folder / TOO_LONG}: the file name is too long for this file system; rename it"
    assert "Tapa" in ran.stdout and "Klaipeda" in ran.stdout


def test_adding_an_over_long_name_keeps_the_data_file_and_adds_the_rest(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    (tmp_path / "articles" / "b.txt").write_text(OTHER, encoding="utf-8")
    ran = cli("add", str(tmp_path / "articles" / TOO_LONG), str(tmp_path / "articles" / "b.txt"), "--data", str(data))
    lines = one_line_each(ran, 1)
    assert lines[-1] == f"Error: 1 article(s) not added: {tmp_path / 'articles' / TOO_LONG}"
    assert "Klaipeda" in data.read_text(encoding="utf-8") and cli("check", str(data)).code == 0


# --- a line break in a name: one message stays one line ----------------------------------------------------------


def test_a_skipped_article_with_a_line_break_in_its_name_is_one_line_naming_it_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"\x00binary")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    lines = one_line_each(cli("extract", str(folder), "--format", "jsonl", "--quiet"), 1)
    named = f"{folder}/bad\\nname.txt"
    assert lines == [
        f"skipped: {named}:1:1: a NUL byte at offset 0: this is a binary file, not an article file",
        f"Error: 1 article(s) not added: {named}",
    ]


def test_an_export_to_a_name_with_a_line_break_says_so_on_one_line(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    target = tmp_path / "claims\nout.sqlite"
    lines = one_line_each(cli("export", "--data", str(data), "--to", "sqlite", "-o", str(target)), 0)
    assert lines == [f"wrote {tmp_path}/claims\\nout.sqlite: 1 claims as sqlite"]
    assert target.is_file()


def test_a_new_story_in_a_folder_with_a_line_break_keeps_one_line_per_step(tmp_path: Path) -> None:
    folder = tmp_path / "new\nstory"
    lines = one_line_each(cli("init", str(folder)), 0)
    assert lines[0] == f"Started a story in {tmp_path}/new\\nstory: {tmp_path}/new\\nstory/claims.yaml, " \
                       f"{tmp_path}/new\\nstory/claims.schema.json and {tmp_path}/new\\nstory/articles/."
    assert lines[1] == "Next:" and len(lines) == 7
    assert all(line.startswith("  ") for line in lines[2:])
