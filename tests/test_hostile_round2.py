"""Hostile input, round two: pathological sizes, dates at the calendar's edge, write errors from the
operating system, bytes kept byte for byte, and empty arguments.

Every case asserts its exit code, a one-line message (no traceback) and, where a data file is
involved, that it kept every byte. Pathological sizes and resource limits run the program in a
subprocess with a generous timeout: a cost growing faster than the input would pass it. No test
asserts a duration (benchmarks/hostile_scale.py measures them).
"""

from __future__ import annotations

import errno
import re
import os
import resource
import sys
from pathlib import Path
from typing import Any

import pytest

from troopclaims.files import temp_files_of

from .conftest import VALID
from .round2 import ARTICLE, QUOTE, clean_error, cli, program, usage_error, workspace

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits and file names")


def unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert temp_files_of(path) == []
    assert not Path(f"{path}.lock").exists() or Path(f"{path}.lock").stat().st_size >= 0


# --- 1. pathological sizes: time stays near-linear, over-long lines are capped with a warning -----------------


def one_line_article(size: int) -> str:
    """About size characters of news prose with no line break and no sentence end: one endless sentence.

    Each stretch has a count of its own, so that every piece of it gives a claim to read.
    """
    scene = ("the convoy of trucks and armoured vehicles crossed the river near the old railway bridge where "
             "local officials and residents watched from the road side as drivers slowed down in the rain")
    return " ".join(f"{scene} while about {400 + i} soldiers waited and" for i in range(size // len(scene) + 1))[:size]


def test_a_half_megabyte_article_on_one_line_is_extracted_with_a_warning(tmp_path: Path) -> None:
    article = tmp_path / "endless.txt"
    article.write_text("Published: 2024-03-07\n\n" + one_line_article(500_000) + "\n", encoding="utf-8")
    ran = program("extract", str(article), "--format", "jsonl")
    assert ran.code == 0, ran.stderr[-2000:]
    [warning] = ran.lines
    assert re.fullmatch(rf"warning: {re.escape(str(article))}: line 3 has a sentence of 500,\d{{3}} characters; "
                        r"it was read in pieces of at most 1,000", warning), warning
    assert ran.stdout.count("\n") > 500  # the pieces were read, not skipped


def test_check_with_a_half_megabyte_one_line_article_ends(tmp_path: Path) -> None:
    data = workspace(tmp_path, ARTICLE + one_line_article(500_000) + "\n")
    ran = program("check", str(data))
    assert ran.code == 0, ran.stderr[-2000:]
    assert "Traceback" not in ran.stderr
    assert f"{data}:4:11: warning: coverage: articles/a.txt line 6 has a sentence of 500," in ran.stderr


def many_sources(folder: Path, n: int) -> Path:
    """A data file of n sources that all name one article, each with one claim."""
    (folder / "articles").mkdir()
    (folder / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    source = "  - {{id: s{0}, file: articles/a.txt, outlet: X, title: T, published: {{date: '2024-03-07', basis: stated}}}}\n"
    claim = "  - {{id: c{0}, source: s{0}, quote: {1}}}\n"
    data = folder / "claims.yaml"
    data.write_text("version: 1\nsources:\n" + "".join(source.format(i) for i in range(n))
                    + "claims:\n" + "".join(claim.format(i, QUOTE) for i in range(n)), encoding="utf-8")
    return data


def test_an_article_many_sources_name_is_extracted_once_for_the_coverage_note(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from troopclaims.datafile import load_dataset
    from troopclaims.extraction import coverage as coverage_module

    calls: list[str] = []
    real = coverage_module.extract_article

    def counting(text: str, **kwargs: Any) -> Any:
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(coverage_module, "extract_article", counting)
    warnings = coverage_module.coverage_warnings(load_dataset(many_sources(tmp_path, 300)))
    assert len(calls) == 1
    # Each source still gets its own note about the count no claim of it covers (the group's 250).
    assert len(warnings) == 300 and len({w.line for w in warnings}) == 300


def test_many_sources_naming_one_article_check_and_report_end(tmp_path: Path) -> None:
    n = 2_000
    data = many_sources(tmp_path, n)
    ran = program("check", str(data))
    assert ran.code == 0, ran.stderr[-2000:]
    assert sum("warning: coverage" in line for line in ran.lines) == n  # one line each
    ran = program("report", "--data", str(data), "-o", str(tmp_path / "r.html"))
    assert ran.code == 0, ran.stderr[-2000:]
    assert ran.lines == [f"wrote {tmp_path / 'r.html'}: {n} claims, 0 conflicts (0 hard)"]


# --- 2. dates at the edge of the calendar ------------------------------------------------------------------------


EDGE_ARTICLE = "About 400 soldiers left the garrison at Tapa last month and more will leave next week.\n"


@pytest.mark.parametrize(
    ("published", "refusal"),
    [
        ("2024", None),
        ("2024-03", None),
        ("2024-03-07", None),
        ("9999-12", None),
        ("9999-12-31", None),
        ("0001-01-01", None),
        ("0001", None),
        ("2024-W10", "'2024-W10' is a week; a publication date is a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("9999-W52", "'9999-W52' is a week; a publication date is a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("2024-03-07TNI", "'2024-03-07TNI' is a part of a day; a publication date is a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("0000-01-01", "'0000-01-01': year 0 does not exist"),
        ("10000-01-01", "'10000-01-01' is not a date value (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("9999-13", "'9999-13': there is no month 13"),
        ("2019-02-29", "'2019-02-29' is not a date on the calendar"),
    ],
)
def test_every_publication_date_accepted_makes_a_valid_data_file(tmp_path: Path, published: str, refusal: str | None) -> None:
    data = workspace(tmp_path)
    (tmp_path / "articles" / "edge.txt").write_text(EDGE_ARTICLE, encoding="utf-8")
    before = data.read_bytes()
    ran = cli("extract", str(tmp_path / "articles" / "edge.txt"), "--published", published, "--merge", str(data))
    if refusal is None:
        assert ran.code == 0, ran.stderr
        checked = cli("check", str(data))
        assert checked.code == 0, checked.stderr
        for command in ("conflicts", "timeline", "list"):
            shown = cli(command, "--data", str(data), "--format", "json")
            assert shown.code == 0 and shown.stderr == "", (command, shown.stderr[-2000:])
    else:
        assert usage_error(ran) == f"Error: --published: {refusal}"
        unchanged(data, before)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12", None),
        ("0001-01", None),
        ("9999", None),
        ("9999-13", "sources[0].published.date: '9999-13': there is no month 13"),
        ("2024-W10", "sources[0].published.date: '2024-W10' is a week; a publication date is a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("99999-01", "sources[0].published.date: '99999-01' is not a date value (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ],
)
def test_publication_dates_at_the_edge_in_a_data_file(tmp_path: Path, value: str, message: str | None) -> None:
    data = workspace(tmp_path)
    data.write_text(data.read_text(encoding="utf-8").replace("2024-03-07", value), encoding="utf-8")
    ran = cli("check", str(data))
    if message is None:
        assert ran.code == 0, ran.stderr
    else:
        assert ran.lines[0] == f"{data}:7:23: {message}"
        assert ran.code == 1 and len(ran.lines) == 2 and "Traceback" not in ran.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31TNI", None),
        ("9999-W52", None),
        ("0001-W01", None),
        ("9999-W53", "claims[0].when.value: '9999-W53': 9999 has no ISO week 53"),
        ("9999-12-32", "claims[0].when.value: '9999-12-32' is not a date on the calendar"),
    ],
)
def test_claim_dates_at_the_edge_in_a_data_file(tmp_path: Path, value: str, message: str | None) -> None:
    data = workspace(tmp_path)
    data.write_text(data.read_text(encoding="utf-8") + f"    when: {{text: on Monday, value: '{value}'}}\n", encoding="utf-8")
    ran = cli("check", str(data))
    if message is None:
        assert ran.code == 0, ran.stderr
        assert cli("timeline", "--data", str(data), "--format", "json").code == 0
    else:
        assert ran.code == 1 and f"{message}" in ran.lines[0] and len(ran.lines) == 2, ran.lines


# --- 3. write errors from the operating system ------------------------------------------------------------------


def existing_report(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "report.html"
    target.write_text("<p>the previous report</p>\n", encoding="utf-8")
    return target, target.read_bytes()


@posix_only
def test_a_file_size_limit_is_one_line_and_the_old_file_stays(tmp_path: Path) -> None:
    target, before = existing_report(tmp_path)
    limit = 16 * 1024  # the report is far larger; the data file and articles are only read

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    ran = program("report", "--data", str(VALID), "-o", str(target), preexec_fn=small_files)
    assert clean_error(ran, 1) == (
        f"Error: {target}: cannot write the report: it would pass the size limit for files here (ulimit -f); "
        "raise the limit or write elsewhere (the old file is unchanged)"
    )
    unchanged(target, before)


@posix_only
def test_a_file_size_limit_during_a_merge_keeps_the_data_file(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    (tmp_path / "articles" / "new.txt").write_text(ARTICLE.replace("400", "450"), encoding="utf-8")
    before = data.read_bytes()
    limit = len(before) + 64

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    ran = program("extract", str(tmp_path / "articles" / "new.txt"), "--merge", str(data), preexec_fn=small_files)
    assert clean_error(ran, 1).startswith(f"Error: {data}: cannot write the data file: it would pass the size limit")
    unchanged(data, before)


def test_a_name_too_long_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 300 + ".html")
    ran = cli("report", "--data", str(VALID), "-o", str(target))
    assert clean_error(ran, 1) == (
        f"Error: {target}: cannot write the report: the file name is too long for this file system; choose a shorter name"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_name_that_fits_but_leaves_no_room_for_the_lock_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 250 + ".html")  # 255 bytes: allowed, but NAME.lock is not
    ran = cli("report", "--data", str(VALID), "-o", str(target))
    assert clean_error(ran, 1).startswith(f"Error: {target}: cannot write the report: the file name is too long")
    assert list(tmp_path.iterdir()) == []


def test_a_parent_that_is_a_file_is_not_called_missing(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a file\n", encoding="utf-8")
    target = tmp_path / "notes.txt" / "sub" / "r.html"
    ran = cli("report", "--data", str(VALID), "-o", str(target))
    assert clean_error(ran, 1) == (
        f"Error: {target}: cannot write the report: {tmp_path / 'notes.txt'} is a file, not a folder; name a path in a folder"
    )
    missing = tmp_path / "nowhere" / "r.html"
    ran = cli("report", "--data", str(VALID), "-o", str(missing))
    assert clean_error(ran, 1) == (
        f"Error: {missing}: cannot write the report: the folder {tmp_path / 'nowhere'} does not exist; create it first"
    )


@pytest.mark.parametrize(
    ("number", "advice"),
    [
        (errno.ENOSPC, "no space is left on the device; free some space and try again"),
        (errno.EDQUOT, "the disk quota is used up; free some space and try again"),
        (errno.EACCES, "permission denied; write somewhere you may write, or ask for access"),
        (errno.EROFS, "the file system is read-only; write somewhere else"),
        (errno.EIO, "Input/output error; try again, or write somewhere else"),
    ],
    ids=["ENOSPC", "EDQUOT", "EACCES", "EROFS", "EIO"],
)
@pytest.mark.parametrize("command", ["report", "merge"])
def test_write_errors_are_one_line_and_keep_the_old_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, number: int, advice: str, command: str
) -> None:
    # As root, permissions cannot be made to fail, and a full disk cannot be made on demand: the
    # error comes from the one call that writes the temporary file, as the kernel would give it.
    from troopclaims.files import write as write_module

    data = workspace(tmp_path)
    (tmp_path / "articles" / "new.txt").write_text(ARTICLE.replace("400", "450"), encoding="utf-8")
    target, before = (data, data.read_bytes()) if command == "merge" else existing_report(tmp_path)
    real_fsync = os.fsync

    def failing(fd: int) -> None:
        real_fsync(fd)
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(write_module.os, "fsync", failing)
    args = (["extract", str(tmp_path / "articles" / "new.txt"), "--merge", str(data)] if command == "merge"
            else ["report", "--data", str(data), "-o", str(target)])
    result = cli(*args)
    what = "data file" if command == "merge" else "report"
    assert result.code == 1
    assert result.stderr == f"Error: {target}: cannot write the {what}: {advice} (the old file is unchanged)\n"
    unchanged(target, before)


# --- 4. bytes kept byte for byte ---------------------------------------------------------------------------------


def test_merge_keeps_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    data = workspace(tmp_path)
    original = "\ufeff# Reviewed claims\r\n" + data.read_text(encoding="utf-8").replace("\n", "\r\n") + "  # kept comment\r\n"
    data.write_bytes(original.encode("utf-8"))
    (tmp_path / "articles" / "new.txt").write_text(ARTICLE.replace("400", "450"), encoding="utf-8")
    ran = cli("extract", str(tmp_path / "articles" / "new.txt"), "--merge", str(data))
    assert ran.code == 0, ran.stderr
    after = data.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf# Reviewed claims\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")  # every line ends as the file's lines did
    assert b"\r" not in after.replace(b"\r\n", b"")
    old_lines = original.encode("utf-8").split(b"\r\n")
    new_lines = after.split(b"\r\n")
    remaining = iter(new_lines)  # the old lines are all there, in order
    assert all(any(line == new for new in remaining) for line in old_lines)
    assert cli("check", str(data)).code == 0
    again = cli("extract", str(tmp_path / "articles" / "new.txt"), "--merge", str(data))
    assert again.code == 0 and data.read_bytes() == after  # nothing new: not even rewritten


# --- 7. empty and odd arguments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["extract", ""], "'PATHS...'"),
        (["extract", "x.txt", "--merge", ""], "'--merge'"),
        (["extract", "x.txt", "--published", ""], "'--published'"),
        (["report", "-o", ""], "'-o' / '--output'"),
        (["list", "--data", ""], "'--data'"),
        (["conflicts", "--data", ""], "'--data'"),
        (["check", ""], "'[PATHS]...'"),
        (["init", ""], "'[FOLDER]'"),
        (["add", "", "--data", "claims.yaml"], "'PATHS...'"),
        (["add", "x.txt", "--data", ""], "'--data'"),
        (["add", "x.txt", "--data", "claims.yaml", "--published", ""], "'--published'"),
        (["events", "--data", ""], "'--data'"),
        (["review", "--data", ""], "'--data'"),
    ],
    ids=["extract", "merge", "published", "report-o", "list-data", "conflicts-data", "check", "init", "add", "add-data",
         "add-published", "events-data", "review-data"],
)
def test_an_empty_argument_is_refused(tmp_path: Path, args: list[str], option: str) -> None:
    ran = cli(*args, cwd=tmp_path)
    assert usage_error(ran) == f"Error: Invalid value for {option}: an empty value names nothing; give one"
    assert list(tmp_path.iterdir()) == []  # no report.html, nothing read from or written to the folder


@pytest.mark.parametrize("jobs", ["0", "-1", "65", "two"])
def test_jobs_out_of_range_is_refused(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ran = cli("extract", str(tmp_path / "a.txt"), "--jobs", jobs)
    assert usage_error(ran).startswith("Error: Invalid value for '--jobs': ")


def test_an_over_long_sentence_is_read_in_pieces_that_cover_it() -> None:
    from troopclaims.extraction.text import MAX_SENTENCE, iter_sentences, long_sentences

    text = "Short one. " + one_line_article(5 * MAX_SENTENCE) + "\nNext line."
    spans = list(iter_sentences(text))
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert "".join("".join(text[start:end].split()) for start, end in spans) == "".join(text.split())  # nothing lost
    [note] = long_sentences(text)
    assert note.startswith("line 1 has a sentence of 5,") and note.endswith(f"read in pieces of at most {MAX_SENTENCE:,}")
