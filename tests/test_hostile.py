"""Hostile and broken input: every kind gets a one-line message with file, line and column, exit 1
(bad data) or 2 (bad usage), and never a traceback or a hang.

Inputs are sized so that a hang or a blow-up would be obvious (a million nested brackets, files
over the size limits), but no test asserts a duration. Fixtures that are plain text live in
tests/data/hostile/ with a first line "# expect: LINE:COL: message", as tests/data/invalid/ does;
inputs defined by their bytes (encodings, NUL bytes, BOMs, CRLF), by their size, or by the file
system (links, FIFOs) are made here in tmp_path.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from troopclaims.datafile import MAX_COUNT, check_file, fold_quote, load_dataset
from troopclaims.datafile import dataset as dataset_module
from troopclaims.datafile.dataset import MAX_PROBLEMS
from troopclaims.errors import TroopclaimsError
from troopclaims.files import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, YamlProblem, load_located, read_text
from troopclaims.files import read as fileio, strict_yaml as yamlio
from troopclaims.files.strict_yaml import MAX_DEPTH

from .conftest import TESTDATA, VALID, Invoke

HOSTILE = TESTDATA / "hostile"
FIXTURES = sorted(HOSTILE.glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$", re.MULTILINE)
ARTICLE = (HOSTILE / "articles" / "convoy.txt").read_text(encoding="utf-8")
QUOTE = "About 400 soldiers left the garrison at Tapa on Monday"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system features")


def expectation(path: Path) -> tuple[int, int, str]:
    found = EXPECT.search(path.read_text(encoding="utf-8"))
    assert found, f"{path.name} states no expectation"
    return int(found[1]), int(found[2]), found[3]


def one_line_error(run: Invoke, *args: str, exit_code: int = 1) -> str:
    """Run the CLI; assert the exit code, no traceback, and return stderr."""
    result = run(*args)
    assert result.exit_code == exit_code, (result.exit_code, result.output, result.stderr)
    assert "Traceback" not in result.output + result.stderr
    return result.stderr


def data_file(folder: Path, *, file: str = "articles/a.txt", quote: str = QUOTE, header: str = "") -> Path:
    """A one-source, one-claim data file in folder (the article itself is the caller's business)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "claims.yaml"
    path.write_text(
        f"{header}version: 1\n"
        "sources:\n"
        "  - id: s\n"
        f"    file: {file}\n"
        "    outlet: Baltic Wire\n"
        "    title: A title\n"
        '    published: {date: "2024-03-07", basis: stated}\n'
        "claims:\n"
        "  - id: c1\n"
        "    source: s\n"
        f"    quote: {quote}\n",
        encoding="utf-8",
    )
    return path


def with_article(folder: Path, content: bytes, *, quote: str = QUOTE) -> Path:
    path = data_file(folder, quote=quote)
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "a.txt").write_bytes(content)
    return path


def only_error(path: Path) -> str:
    """The single error of a data file, as the one line the CLI prints for it."""
    errors = check_file(path).errors
    assert len(errors) == 1, [str(p) for p in errors]
    text = str(errors[0])
    assert "\n" not in text and "\r" not in text
    return text


# --- the fixtures in tests/data/hostile -----------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_hostile_fixture_reports_message_line_and_column(run: Invoke, path: Path) -> None:
    line, column, message = expectation(path)
    problems = check_file(path).errors
    matching = [p for p in problems if message in p.message]
    assert matching, f"no problem says {message!r}; got {[str(p) for p in problems]}"
    problem = matching[0]
    assert (problem.line, problem.column) == (line, column), str(problem)
    if path.stem.startswith("gazetteer-not"):
        assert problem.path.endswith("convoy.txt")  # the problem is in the gazetteer file, with its line
    else:
        assert problem.path == str(path)
    stderr = one_line_error(run, "check", str(path))
    assert str(problem) in stderr.splitlines()


def test_every_hostile_fixture_yields_problems_not_a_dataset_to_use() -> None:
    for path in FIXTURES:
        with pytest.raises(TroopclaimsError) as caught:
            load_dataset(path)
        assert "\n" not in str(caught.value)


# --- data files that are not YAML text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "claims.yaml: the data file is empty; it needs 'sources' and 'claims'"),
        (b"\n\n   \n", "claims.yaml: the data file is empty; it needs 'sources' and 'claims'"),
        (b"\xef\xbb\xbf", "claims.yaml: the data file is empty; it needs 'sources' and 'claims'"),
        (b"# only a comment\n", "claims.yaml: the data file is empty; it needs 'sources' and 'claims'"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "claims.yaml:3:1: a NUL byte at offset 8: this is a binary file, not a data file"),
        (b"version: 1\nsources: [\x00]\n", "claims.yaml:2:11: a NUL byte at offset 21: this is a binary file, not a data file"),
        (b"version: 1\ntitle: caf\xe9\n", "claims.yaml:2:11: byte 0xe9 at offset 21 is not UTF-8; re-save the data file as UTF-8"),
        (b"a: \xc3\xa9\xc3\n", "claims.yaml:1:5: byte 0xc3 at offset 5 is not UTF-8; re-save the data file as UTF-8"),
        (b"a: \xed\xa0\x80\n", "claims.yaml:1:4: byte 0xed at offset 3 is not UTF-8; re-save the data file as UTF-8"),
        ("version: 1\n".encode("utf-16"), "claims.yaml:1:1: this is UTF-16 text (it starts with a UTF-16 byte order mark); re-save the data file as UTF-8"),
        ("version: 1\n".encode("utf-16-le"), "claims.yaml:1:2: a NUL byte at offset 1: this is a binary file, not a data file"),
        (b"version: 1\ntitle: \x07\n", "claims.yaml:2:8: character U+0007 is not allowed in YAML (control characters are not allowed); remove it"),
        ("é: 1\nb: \x7f\n".encode(), "claims.yaml:2:4: character U+007F is not allowed in YAML (control characters are not allowed); remove it"),
        (b"- one\n- two\n", "claims.yaml:1:1: the data file holds list; it must be a mapping with 'sources' and 'claims'"),
        (b"version: " + b"9" * 5000 + b"\n", "claims.yaml:1:10: cannot read value '9999999999999999999999999999999999999999…': too many digits for a number"),
    ],
    ids=["empty", "blank", "bom-only", "comment-only", "png", "nul", "latin-1", "truncated-utf8", "surrogate",
         "utf-16-bom", "utf-16-le", "bell", "delete", "list", "huge-int"],
)
def test_data_file_bytes(run: Invoke, tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(content)
    assert only_error(path) == f"{tmp_path}/{expected}"
    stderr = one_line_error(run, "check", str(path))
    assert stderr.splitlines()[0] == f"{tmp_path}/{expected}"
    with pytest.raises(TroopclaimsError, match=re.escape(expected.split(": ", 1)[1])):
        load_dataset(path)


def test_data_file_over_the_size_limit_is_refused_before_reading(run: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    with path.open("wb") as sparse:  # sparse: no 50 MB written
        sparse.truncate(MAX_DATA_BYTES + 1)
    expected = f"data file is {MAX_DATA_BYTES + 1:,} bytes, over the limit of {MAX_DATA_BYTES:,} bytes (50 MB); split it"
    assert only_error(path) == f"{path}: {expected}"
    assert f"{path}: {expected}" in one_line_error(run, "list", "--data", str(path))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_larger_than_its_stated_size_is_still_bounded() -> None:
    # /proc files state a size of 0; reading stops at the limit rather than trusting it.
    with pytest.raises(TroopclaimsError, match=r"status: data file is larger than its stated size of 0 bytes and over the limit of 16 bytes; split it$"):
        read_text(Path("/proc/self/status"), limit=16, what="data")


# --- YAML that would exhaust a parser ----------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [100_000, 1_000_000])
def test_a_million_open_brackets_stop_at_the_depth_limit(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("[" * depth, encoding="utf-8")
    message = f"nesting deeper than {MAX_DEPTH} levels; a data file needs a few"
    assert only_error(path) == f"{path}:1:{MAX_DEPTH + 1}: {message}"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    assert only_error(path) == f"{path}:1:{MAX_DEPTH + 1}: {message}"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("{a: " * 100_000 + "1" + "}" * 100_000, 1, 4 * MAX_DEPTH + 1),
        ("a: " * 100_000 + "1", 1, 5),  # a block mapping cannot nest on one line: a syntax error
        ("".join(" " * i + "a:\n" for i in range(2_000)), MAX_DEPTH + 1, MAX_DEPTH + 1),
        ("".join("  " * i + "-\n" for i in range(2_000)), MAX_DEPTH + 1, 2 * MAX_DEPTH + 1),
        ("- " * 100_000 + "x", 1, 2 * MAX_DEPTH + 1),
    ],
    ids=["flow-mappings", "block-mappings-one-line", "block-mappings", "block-lists", "compact-lists"],
)
def test_deep_nesting_of_every_kind_is_refused_or_a_syntax_error(text: str, line: int, column: int) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_located(text)
    assert (caught.value.line, caught.value.column) == (line, column), caught.value.message
    assert "nesting deeper" in caught.value.message or "syntax error" in caught.value.message


def test_billion_laughs_is_refused_at_the_first_anchor_without_expanding(tmp_path: Path) -> None:
    # Nine levels of nine-fold aliases: 9**9 (387 million) strings if expanded.
    levels = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    assert only_error(path) == f"{path}:1:5: anchors (&name) are not allowed in a data file; write the value out"


def test_anchors_anywhere_and_aliases_alone_are_refused() -> None:
    for text, where in [("a: &x 1\n", (1, 4)), ("a: [1, &x 2]\n", (1, 8)), ("a: *x\n", (1, 4)), ("&x {a: 1}\n", (1, 1))]:
        with pytest.raises(YamlProblem) as caught:
            load_located(text)
        assert (caught.value.line, caught.value.column) == where, text
        assert "are not allowed in a data file" in caught.value.message


def test_millions_of_tiny_values_are_refused_at_the_value_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The real limit (2,500,000) is reached by a 10 MB file; a small limit shows the same refusal quickly.
    monkeypatch.setattr(yamlio, "MAX_VALUES", 1_000)
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n" + "- 1\n" * 2_000, encoding="utf-8")
    assert only_error(path) == f"{path}:999:3: more than 1,000 values; split the file"
    path.write_text("claims: [" + "1," * 2_000 + "]\n", encoding="utf-8")
    assert only_error(path) == f"{path}:1:2004: more than 1,000 values; split the file"


def test_the_number_of_problems_reported_is_bounded(tmp_path: Path) -> None:
    claims = "".join(f"  - {{id: c{i}, source: nowhere, quote: x}}\n" for i in range(MAX_PROBLEMS + 500))
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\nsources: []\nclaims:\n" + claims, encoding="utf-8")
    problems = check_file(path).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert str(problems[-1]) == f"{path}: stopped after 1,000 problems; fix these and check again"


def test_a_lone_surrogate_given_to_the_loader_is_a_problem_not_a_crash() -> None:
    # read_text never produces one (strict UTF-8), but the loader is a public function.
    with pytest.raises(YamlProblem, match="cannot be encoded as UTF-8"):
        load_located("a: '\ud800'\n")


# --- references: files outside the tree, links, odd files ----------------------------------------------------------


def test_file_outside_the_tree_by_dotdot_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_file(tmp_path / "data", file="../secret.txt")
    expected = f"{path}:4:11: source file '../secret.txt' lies outside the data file's folder tree ({tmp_path / 'data'})"
    assert only_error(path) == expected


def test_absolute_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_file(tmp_path / "data", file=str(tmp_path / "a.txt"))
    assert only_error(path) == f"{path}:4:11: source file '{tmp_path / 'a.txt'}' is an absolute path; give it relative to {tmp_path / 'data'}"


@posix_only
def test_symbolic_link_inside_pointing_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_file(tmp_path / "data", file="articles/a.txt")
    (tmp_path / "data" / "articles").mkdir()
    (tmp_path / "data" / "articles" / "a.txt").symlink_to(tmp_path / "secret.txt")
    assert only_error(path) == f"{path}:4:11: source file 'articles/a.txt' lies outside the data file's folder tree ({tmp_path / 'data'})"


@posix_only
def test_symbolic_link_to_a_folder_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_file(tmp_path / "data", file="articles/a.txt")
    (tmp_path / "data" / "articles").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert "lies outside the data file's folder tree" in only_error(path)


@posix_only
def test_symbolic_link_inside_pointing_inside_is_fine(tmp_path: Path) -> None:
    path = data_file(tmp_path, file="articles/link.txt")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "link.txt").symlink_to("a.txt")
    assert check_file(path).errors == []


@posix_only
@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.symlink_to(p.name), "source file 'articles/a.txt': a symbolic link loop"),
        (lambda p: p.symlink_to("nowhere.txt"), "source file 'articles/a.txt': no such file"),
        (lambda p: os.mkfifo(p), "source file 'articles/a.txt': is a FIFO (named pipe), not an article file"),
        (lambda p: p.mkdir(), "source file 'articles/a.txt': is a folder, not an article file"),
    ],
    ids=["link-loop", "dangling-link", "fifo", "folder"],
)
def test_odd_files_in_the_tree_are_refused_without_hanging(tmp_path: Path, make: object, expected: str) -> None:
    path = data_file(tmp_path)
    (tmp_path / "articles").mkdir()
    make(tmp_path / "articles" / "a.txt")  # type: ignore[operator]
    assert only_error(path) == f"{path}:4:11: {expected}"


def test_missing_file_and_nul_in_the_name(tmp_path: Path) -> None:
    path = data_file(tmp_path, file="articles/gone.txt")
    assert only_error(path) == f"{path}:4:11: source file 'articles/gone.txt': no such file"
    path = data_file(tmp_path, file='"articles/a\\0.txt"')
    assert only_error(path) == f"{path}:4:11: source file 'articles/a\\x00.txt': the path contains a NUL character"
    path = data_file(tmp_path, file="articles/a.txt", header='root: "\\0"\n')
    assert only_error(path) == f"{path}:1:7: root '\\x00': the path contains a NUL character"


def test_root_may_widen_the_tree_to_an_ancestor_only(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_file(tmp_path / "data", file="articles/a.txt", header="root: ..\n")
    assert check_file(path).errors == []
    path = data_file(tmp_path / "data", file="../a.txt", header="root: ..\n")
    assert "lies outside the data file's folder tree" in only_error(path)
    (tmp_path / "data" / "sub").mkdir()
    path = data_file(tmp_path / "data", file="a.txt", header="root: sub\n")
    assert only_error(path) == f"{path}:1:7: root 'sub' is not the data file's folder or one of its parents"


def test_duplicate_and_missing_source_ids(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    source = "  - {id: s, file: articles/a.txt, outlet: X, title: T, published: {date: '2024-03-07', basis: stated}}\n"
    path = tmp_path / "claims.yaml"
    path.write_text(f"version: 1\nsources:\n{source}{source}claims:\n  - {{id: c1, source: t, quote: {QUOTE}}}\n", encoding="utf-8")
    assert [str(p) for p in check_file(path).errors] == [
        f"{path}:4:10: duplicate source id 's' (first at line 3)",
        f"{path}:6:22: claim 'c1' names source 't', which is not among the sources",
    ]


def test_an_invalid_source_does_not_also_make_its_claims_dangle(tmp_path: Path) -> None:
    path = with_article(tmp_path, ARTICLE.encode())
    path.write_text(path.read_text(encoding="utf-8").replace("2024-03-07", "2019-02-30"), encoding="utf-8")
    assert only_error(path) == f"{path}:7:23: sources[0].published.date: '2019-02-30' is not a date on the calendar"


def test_gazetteer_is_read_from_the_data_file_folder_confined_and_checked(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "g.yaml").write_text("places:\n  - {name: Tapa, kind: city, within: Nowhere}\n", encoding="utf-8")
    path = data_file(tmp_path / "data", file="articles/a.txt", header="root: ..\ngazetteer: g.yaml\n")
    assert only_error(path) == f"{(tmp_path / 'data' / 'g.yaml').resolve()}:2:38: place 'Tapa' is within 'Nowhere', which is not a known place"
    path = data_file(tmp_path / "data", file="articles/a.txt", header="root: ..\ngazetteer: ../../g.yaml\n")
    assert "gazetteer file '../../g.yaml' lies outside the data file's folder tree" in only_error(path)


@posix_only
def test_gazetteer_through_a_link_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("places: []\n", encoding="utf-8")
    path = with_article(tmp_path / "data", ARTICLE.encode(), quote=QUOTE)
    (tmp_path / "data" / "g.yaml").symlink_to(tmp_path / "g.yaml")
    path.write_text("gazetteer: g.yaml\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert "gazetteer file 'g.yaml' lies outside the data file's folder tree" in only_error(path)


# --- articles --------------------------------------------------------------------------------------------------


def test_article_not_utf8_says_which_byte_and_where(run: Invoke, tmp_path: Path) -> None:
    content = ARTICLE.encode().replace(b"Estonia", b"Eesti \xe4")
    at = content.index(b"\xe4")
    path = with_article(tmp_path, content)
    expected = f"{path}:4:11: source file 'articles/a.txt', line 1 column 31: byte 0xe4 at offset {at} is not UTF-8; re-save the article file as UTF-8"
    assert only_error(path) == expected
    assert expected in one_line_error(run, "check", str(path)).splitlines()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "source file 'articles/a.txt': the article is empty; put the article's text in it"),
        (b" \r\n\t\n", "source file 'articles/a.txt': the article is empty; put the article's text in it"),
        (b"\xef\xbb\xbf\n", "source file 'articles/a.txt': the article is empty; put the article's text in it"),
        (b"GIF89a\x01\x00\x00", "source file 'articles/a.txt', line 1 column 8: a NUL byte at offset 7: this is a binary file, not an article file"),
        ("About 400".encode("utf-16"), "source file 'articles/a.txt', line 1 column 1: this is UTF-16 text (it starts with a UTF-16 byte order mark); re-save the article file as UTF-8"),
    ],
    ids=["empty", "blank", "bom-only", "gif", "utf-16"],
)
def test_articles_without_text(tmp_path: Path, content: bytes, expected: str) -> None:
    path = with_article(tmp_path, content)
    assert only_error(path) == f"{path}:4:11: {expected}"


def test_article_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    (tmp_path / "articles").mkdir()
    with (tmp_path / "articles" / "a.txt").open("wb") as sparse:
        sparse.truncate(MAX_ARTICLE_BYTES + 1)
    expected = f"source file 'articles/a.txt': article file is {MAX_ARTICLE_BYTES + 1:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes (5 MB); split it"
    assert only_error(path) == f"{path}:4:11: {expected}"


def spans_slice(path: Path) -> None:
    dataset = load_dataset(path)
    for claim in dataset.claims:
        start, end = dataset.spans[claim.id]
        assert fold_quote(dataset.texts[claim.source][start:end]) == fold_quote(claim.quote)


def test_byte_order_mark_is_accepted_and_offsets_still_slice(tmp_path: Path) -> None:
    path = with_article(tmp_path, b"\xef\xbb\xbf" + ARTICLE.encode())
    spans_slice(path)
    dataset = load_dataset(path)
    assert dataset.texts["s"] == ARTICLE  # the mark is dropped, so offsets count from the first letter
    assert dataset.spans["c1"][0] == ARTICLE.index(QUOTE)


def test_windows_line_ends_are_accepted_and_quotes_across_lines_match(tmp_path: Path) -> None:
    article = "Title\r\n\r\nAbout 400 soldiers left\r\nthe garrison at Tapa on Monday.\r\n"
    path = with_article(tmp_path, article.encode(), quote='"About 400 soldiers left\\nthe garrison at Tapa on Monday"')
    spans_slice(path)
    start, end = load_dataset(path).spans["c1"]
    assert article[start:end] == "About 400 soldiers left\r\nthe garrison at Tapa on Monday"


def test_no_break_and_zero_width_spaces_are_forgiven(tmp_path: Path) -> None:
    article = "About\u00a0400 soldiers\u200b left the\u2009garrison at\u202fTapa\u2060 on Monday."
    path = with_article(tmp_path, article.encode())
    spans_slice(path)


def test_a_quote_that_occurs_twice_gives_both_positions(tmp_path: Path) -> None:
    path = with_article(tmp_path, b"He said no.\nShe said no.\n", quote="said no")
    assert only_error(path) == (
        f"{path}:11:12: claim 'c1': quote occurs 2 times in articles/a.txt (line 1 [3:10], line 2 [16:23]); lengthen it so it occurs once"
    )


def test_a_quote_that_occurs_a_million_times_is_counted_only_so_far(tmp_path: Path) -> None:
    path = with_article(tmp_path, b"a " * 1_000_000, quote="a a")
    message = only_error(path)
    assert "quote occurs at least 100 times in articles/a.txt (line 1 [0:3], line 1 [2:5]," in message


def test_an_article_named_by_many_sources_is_read_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    reads: list[Path] = []

    def counting(path: Path, **kwargs: object) -> str:
        reads.append(path)
        return read_text(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dataset_module, "read_text", counting)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    source = "  - {{id: s{0}, file: articles/a.txt, outlet: X, title: T, published: {{date: '2024-03-07', basis: stated}}}}\n"
    claim = "  - {{id: c{0}, source: s{0}, quote: {1}}}\n"
    path = tmp_path / "claims.yaml"
    n = 2_000
    path.write_text(
        "version: 1\nsources:\n" + "".join(source.format(i) for i in range(n))
        + "claims:\n" + "".join(claim.format(i, QUOTE) for i in range(n)),
        encoding="utf-8",
    )
    result = check_file(path)
    assert result.errors == []
    assert len(reads) == 2  # the data file and the article
    assert result.dataset is not None and len(result.dataset.spans) == n


# --- values ----------------------------------------------------------------------------------------------------


def test_count_limit_is_the_model_limit() -> None:
    line, column, message = expectation(HOSTILE / "count-absurd.yaml")
    assert f"less than or equal to {MAX_COUNT}" in message


def test_a_boolean_count_is_a_type_error(tmp_path: Path) -> None:
    path = with_article(tmp_path, ARTICLE.encode())
    path.write_text(path.read_text(encoding="utf-8") + "    count: {value: true}\n", encoding="utf-8")
    assert "Input should be a valid integer" in only_error(path)


# --- command-line usage ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bogus"], "Error: No such option '--bogus'. Did you mean '--verbose'?"),
        (["list", "--xyzzy"], "Error: No such option '--xyzzy'."),
        (["check", str(VALID), "--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'github'."),
        (["list", "--format", "yaml"], "Error: Invalid value for '--format': 'yaml' is not one of 'table', 'json', 'jsonl', 'csv', 'markdown'."),
        (["list", "--data"], "Error: Option '--data' requires an argument."),
        (["report", "-o"], "Error: Option '-o' requires an argument."),
        (["no-such-command"], "Error: No such command 'no-such-command'."),
        (["extract"], "Error: Missing argument 'PATHS...'."),
    ],
    ids=["check-unknown-option", "list-unknown-option", "check-bad-format", "list-bad-format", "missing-data-path",
         "missing-output-path", "unknown-command", "missing-file-argument"],
)
def test_usage_errors_exit_2_with_clicks_message(run: Invoke, args: list[str], message: str) -> None:
    stderr = one_line_error(run, *args, exit_code=2)
    assert stderr.rstrip().splitlines()[-1] == message


@pytest.mark.parametrize("args", [["check", "{}"], ["list", "--data", "{}"], ["report", "--data", "{}", "-o", "-"]])
def test_a_folder_as_the_data_file_is_a_usage_error(run: Invoke, tmp_path: Path, args: list[str]) -> None:
    # Exit 2: the argument is the wrong kind of thing, which click checks before anything is read,
    # just as it checks a --format choice; nothing in the folder is looked at.
    args = [a.format(tmp_path) if a == "{}" else a for a in args]
    stderr = one_line_error(run, *args, exit_code=2)
    assert stderr.rstrip().splitlines()[-1].endswith(f"'{tmp_path}' is a directory.")


def test_a_missing_data_file_is_a_data_error(run: Invoke, tmp_path: Path) -> None:
    assert one_line_error(run, "list", "--data", str(tmp_path / "nope.yaml")) == f"Error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_commands_other_than_check_print_the_first_problem_and_a_count(run: Invoke) -> None:
    path = HOSTILE / "billion-laughs.yaml"
    stderr = one_line_error(run, "conflicts", "--data", str(path))
    assert stderr == f"Error: {path}:3:7: anchors (&name) are not allowed in a data file; write the value out\n"


@posix_only
def test_report_to_a_fifo_or_a_folder_is_refused_not_replaced(run: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    stderr = one_line_error(run, "report", "--data", str(VALID), "-o", str(fifo))
    assert stderr == f"Error: {fifo}: is a FIFO (named pipe), which troopclaims will not replace; name a regular file\n"
    assert fifo.is_fifo()
    stderr = one_line_error(run, "report", "--data", str(VALID), "-o", str(tmp_path))
    assert stderr == f"Error: {tmp_path}: is a folder; name a file to write\n"
    stderr = one_line_error(run, "report", "--data", str(VALID), "-o", str(tmp_path / "no" / "r.html"))
    assert stderr == (
        f"Error: {tmp_path / 'no' / 'r.html'}: cannot write the report: the folder {tmp_path / 'no'} does not exist; create it first\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_valid_fixture_still_checks_clean_after_copying(tmp_path: Path) -> None:
    # The hostile fixtures share the valid article; a copy of the valid dataset stays clean anywhere.
    shutil.copytree(VALID.parent, tmp_path / "valid")
    assert check_file(tmp_path / "valid" / "claims.yaml").errors == []
