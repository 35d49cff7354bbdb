"""`troopclaims report` without a browser: the page's structure, its safety, the timeline SVG and the Markdown."""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import re
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from troopclaims.cli import main
from troopclaims.cli.report import report as report_command
from troopclaims.datafile import Dataset, load_dataset
from troopclaims.engine import build_timeline, find_conflicts
from troopclaims.present import make_report, render_html, render_markdown
from troopclaims.present.report import Report, build_report, highlight
from troopclaims.present.report_axis import BrokenAxis, Mark, gap_words
from troopclaims.present.report_svg import arc

from .conftest import BUNDLED, REPO, VALID

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"}
SVG_LEAVES = {"circle", "rect", "line", "path"}


def load_generator() -> ModuleType:
    """benchmarks/make_dataset.py, which is a script and not part of the package."""
    name = "troopclaims_benchmarks_make_dataset"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "make_dataset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def write_big_dataset(folder: Path, claims: int = 0) -> Path:
    path: Path = load_generator().write_dataset(folder, sources=50, seed=7, claims=claims)
    return path


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset(BUNDLED)


@pytest.fixture(scope="module")
def bundled_report(bundled: Dataset) -> Report:
    return make_report(bundled)


@pytest.fixture(scope="module")
def bundled_html(bundled_report: Report) -> str:
    return render_html(bundled_report)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load_dataset(write_big_dataset(tmp_path_factory.mktemp("big")))


class Structure(HTMLParser):
    """Checks that tags balance (what the browser would otherwise silently repair) and collects ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.ids += [value for name, value in attrs if name == "id" and value]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID and tag not in SVG_LEAVES:
            self.errors.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Structure:
    checker = Structure()
    checker.feed(html)
    checker.close()
    return checker


# --- quotes highlighted in their articles ------------------------------------------------------------------


@pytest.mark.parametrize(
    "spans",
    [
        {"a": (0, 5)},
        {"outer": (0, 20), "inner": (5, 10)},  # nested
        {"a": (0, 10), "b": (5, 15)},  # crossing
        {"a": (0, 5), "b": (5, 10)},  # touching
        {"a": (3, 9), "b": (3, 9)},  # the same passage twice
        {"a": (0, 12), "b": (4, 16), "c": (8, 20)},  # a chain of crossings
    ],
    ids=["one", "nested", "crossing", "touching", "identical", "chain"],
)
def test_highlight_is_valid_html_with_one_id_per_quote(spans: dict[str, tuple[int, int]]) -> None:
    text = "0123456789abcdefghij<&>"
    parsed = parse(f"<div>{highlight(text, spans)}</div>")
    assert parsed.errors == [] and parsed.stack == []
    assert sorted(parsed.ids) == sorted(f"q-{claim}" for claim in spans)
    assert "".join(parsed.text) == text


def test_highlight_marks_exactly_each_quotes_characters() -> None:
    html = str(highlight("ab<cd>ef", {"x": (1, 7), "y": (3, 5)}))
    assert html == (
        'a<mark class="q" id="q-x" data-q="x" tabindex="-1" title="x">b&lt;'
        '<mark class="q" id="q-y" data-q="y" tabindex="-1" title="y">cd</mark>&gt;e</mark>f'
    )


def test_crossing_quotes_split_into_a_continuation() -> None:
    html = str(highlight("0123456789", {"a": (0, 6), "b": (3, 9)}))
    # a opens first and must close inside b; its remainder would be a second id, so it is split the other way:
    # the longer-running b is reopened as a continuation without an id.
    assert html.count('id="q-a"') == 1 and html.count('id="q-b"') == 1
    assert html.count('data-q="b"') == 2 and 'class="q cont" data-q="b"' in html


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab <&>\n'\"é", min_size=1, max_size=40).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(
                st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda se: se[0] < se[1]),
                max_size=6,
            ),
        )
    )
)
def test_highlight_holds_for_any_overlap(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, pairs = case
    spans = {f"c{i}": pair for i, pair in enumerate(pairs)}
    parsed = parse(f"<div>{highlight(text, spans)}</div>")
    assert parsed.errors == [] and parsed.stack == []
    assert "".join(parsed.text) == text
    assert sorted(parsed.ids) == sorted(f"q-{claim}" for claim in spans)


# --- the page ----------------------------------------------------------------------------------------------


def test_page_is_valid_and_self_contained(bundled_html: str) -> None:
    parsed = parse(bundled_html)
    assert parsed.errors == [] and parsed.stack == []
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"
    loading = [(tag, attrs) for tag, attrs in parsed.tags if tag in ("img", "link", "iframe", "object", "embed", "audio", "video")]
    loading += [(tag, attrs) for tag, attrs in parsed.tags if "src" in attrs]
    assert loading == []
    assert "@import" not in bundled_html and not re.search(r"url\((?!#)", bundled_html)
    assert '<meta name="viewport"' in bundled_html and "@media print" in bundled_html


def test_content_security_policy_names_exactly_the_inline_style_and_script(bundled_html: str) -> None:
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', bundled_html)
    assert found is not None
    policy = html.unescape(found[1])
    assert "default-src 'none'" in policy
    for tag in ("style", "script"):
        blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", bundled_html, re.DOTALL)
        assert len(blocks) == 1
        digest = base64.b64encode(hashlib.sha256(blocks[0].encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy


def test_every_claim_is_highlighted_once_in_its_article(bundled: Dataset, bundled_html: str) -> None:
    ids = parse(bundled_html).ids
    assert {f"q-{claim.id}" for claim in bundled.claims} <= set(ids)


def test_one_mark_per_dated_claim_each_with_a_title(bundled: Dataset, bundled_html: str) -> None:
    rows = build_timeline(bundled, find_conflicts(bundled))
    svg = bundled_html[bundled_html.index("<svg xmlns"): bundled_html.index("</svg>")]
    marks = re.findall(r'<g class="mark[^"]*" data-claim="([^"]+)"[^>]*><title>[^<]+</title>', svg)
    assert sorted(marks) == sorted(row.claim for row in rows)


def test_conflicts_hard_first_and_numbered_in_page_order(bundled_report: Report) -> None:
    severities = [c.severity for c in bundled_report.conflicts]
    assert severities == sorted(severities, key=lambda s: s != "hard")
    assert [c.number for c in bundled_report.conflicts] == list(range(1, len(severities) + 1))
    for conflict in bundled_report.conflicts:
        assert len(conflict.sides) >= 2
        for side in conflict.sides:
            for claim in side.claims:
                assert conflict.number in claim.conflicts and claim.quote


def test_text_from_the_data_file_cannot_become_markup(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('Officials said <script>alert(1)</script> "500 troops left" & more.\n', encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n"
        "  - {id: s, file: a.txt, outlet: '<b>Wire</b>', title: '<img src=x onerror=alert(2)>', "
        "url: 'javascript:alert(3)', published: {date: '2024-01-02', basis: stated}}\n"
        "claims:\n"
        "  - {id: c1, source: s, quote: '<script>alert(1)</script>', speaker: '<i>x</i>'}\n"
        "  - {id: c2, source: s, quote: '500 troops left', count: {value: 500}, unit: troops, movement: leave}\n",
        encoding="utf-8",
    )
    html = render_html(make_report(load_dataset(tmp_path / "claims.yaml")))
    assert "<script>alert" not in html and "<b>Wire" not in html and "<img" not in html and "<i>x" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_only_web_addresses_become_links(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some 40 soldiers left.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n  - {id: s, file: a.txt, outlet: W, title: T, url: 'https://example.org/a', published: {date: '2024', basis: inferred, reason: r}}\n"
        "claims:\n  - {id: c, source: s, quote: 'Some 40 soldiers left'}\n",
        encoding="utf-8",
    )
    html = render_html(make_report(load_dataset(tmp_path / "claims.yaml")))
    assert 'href="https://example.org/a" rel="noopener noreferrer nofollow"' in html


def test_a_dataset_without_conflicts_still_renders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some 40 soldiers left.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n  - {id: s, file: a.txt, outlet: W, title: T, published: {date: '2024-05-01', basis: stated}}\n"
        "claims:\n  - {id: c, source: s, quote: 'Some 40 soldiers left'}\n",
        encoding="utf-8",
    )
    built = make_report(load_dataset(tmp_path / "claims.yaml"))
    assert built.conflicts == () and built.dated == 1
    html = render_html(built)
    assert "found no conflicts" in html and 'data-claim="c"' in html
    assert "## Conflicts\n\n_Nothing to show._" in render_markdown(built)


def test_build_report_keeps_claims_the_timeline_left_out(bundled: Dataset) -> None:
    conflicts = find_conflicts(bundled)
    rows = build_timeline(bundled, conflicts)[5:]
    built = build_report(bundled, conflicts, rows)
    assert len(built.claims) == len(bundled.claims) and built.dated == len(rows)
    assert [c.date for c in built.claims[-5:]] == [""] * 5


# --- the timeline's broken axis ----------------------------------------------------------------------------


def _mark(claim: str, start: date, end: date | None = None, precision: str = "day") -> Mark:
    return Mark(claim, "lane", start, end or start, precision, "point", "resolved", "", "", claim)


def test_axis_breaks_long_gaps_and_gives_dense_weeks_the_room() -> None:
    marks = [_mark(f"d{i}", date(2019, 10, 1 + i)) for i in range(20)] + [
        _mark("y", date(2014, 1, 1), date(2014, 12, 31), "year"),
        _mark("m", date(2020, 11, 1), date(2020, 11, 30), "month"),
    ]
    axis = BrokenAxis(marks, 0, 1000)
    assert len(axis.segments) == 3 and len(axis.breaks) == 2
    day = axis.x(date(2019, 10, 11).toordinal()) - axis.x(date(2019, 10, 10).toordinal())
    year = axis.x(date(2015, 1, 1).toordinal()) - axis.x(date(2014, 1, 1).toordinal())
    assert day > 15, "a day in the dense weeks must be wide enough to tell marks apart"
    assert year < 20 * day, "a lone year must not take the room of the weeks that matter"
    assert gap_words(axis.breaks[0].end - axis.breaks[0].start) == "5 years"


def test_axis_is_monotonic_and_covers_a_bar_crossing_a_break() -> None:
    marks = [_mark("a", date(2019, 10, 3)), _mark("b", date(2019, 12, 20)), _mark("y", date(2019, 1, 1), date(2019, 12, 31), "year")]
    axis = BrokenAxis(marks, 100, 900)
    xs = [axis.x(d) for d in range(date(2018, 12, 1).toordinal(), date(2020, 2, 1).toordinal())]
    assert xs == sorted(xs) and xs[0] >= 100 and xs[-1] <= 900
    assert axis.x(date(2019, 1, 1).toordinal()) < axis.x(date(2019, 10, 3).toordinal())


@pytest.mark.parametrize(("days", "words"), [(1, "1 day"), (9, "9 days"), (30, "4 weeks"), (330, "11 months"), (1500, "4 years")])
def test_gap_words(days: int, words: str) -> None:
    assert gap_words(days) == words


def test_arc_bows_upwards() -> None:
    path = arc(0, 50, 100, 50)
    control_y = float(path.split("Q")[1].split(",")[1].split()[0])
    assert control_y < 50


def test_big_dataset_has_a_lane_per_source_and_a_mark_per_claim(big: Dataset) -> None:
    built = make_report(big)
    assert len(big.sources) == 50 and built.dated == len(big.claims)
    svg = str(built.svg)
    assert svg.count('class="lane"') == 50 and svg.count('data-filter-item=""') == len(big.claims)
    assert "⋯" in svg, "the invented stories sit months apart: the axis must break"
    parsed = parse(render_html(built))
    assert parsed.errors == [] and len(parsed.ids) == len(set(parsed.ids))


# --- Markdown ----------------------------------------------------------------------------------------------


def test_markdown_has_the_three_tables(bundled_report: Report) -> None:
    text = render_markdown(bundled_report)
    for heading in ("## Conflicts", "## Timeline", "## Claims by source"):
        assert heading in text
    assert "| # | id | severity | kind | topic | sides | explanation | scope notes |" in text
    assert text.count("\n### ") + text.startswith("### ") == len(bundled_report.articles)
    rows = [line for line in text.splitlines() if line.startswith("| ") and " | " in line]
    widths = {line.count(" | ") - line.count("\\|") for line in rows}
    assert len(widths) <= 3, "every row of a table has that table's number of cells"


def test_markdown_escapes_what_would_become_html_or_cells(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("They said <b>40</b> | soldiers left.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources:\n  - {id: s, file: a.txt, outlet: W, title: T, published: {date: '2024-05-01', basis: stated}}\n"
        "claims:\n  - {id: c, source: s, quote: '<b>40</b> | soldiers left'}\n",
        encoding="utf-8",
    )
    text = render_markdown(make_report(load_dataset(tmp_path / "claims.yaml")))
    assert "<b>" not in text and "&lt;b&gt;40&lt;/b&gt; \\| soldiers left" in text


# --- the command -------------------------------------------------------------------------------------------


def cli() -> click.Group:
    """The real CLI once `report` is registered there; until then a group with the same error handling."""
    if "report" in main.commands:
        return main
    return type(main)(name="troopclaims", commands={"report": report_command})


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli(), list(args), catch_exceptions=False)


def test_report_to_stdout(bundled_html: str) -> None:
    result = invoke("report", "-o", "-", "--data", str(BUNDLED))
    assert result.exit_code == 0 and result.stdout == bundled_html and result.stderr == ""


def test_report_to_a_file_replaces_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    result = invoke("report", "--data", str(VALID), "-o", str(target))
    assert result.exit_code == 0 and f"wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"], "no temporary file left behind"


def test_report_markdown_default_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("report", "--data", str(VALID), "--format", "markdown")
    assert result.exit_code == 0 and (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")


def test_report_on_invalid_data_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_text("sources: 5\n", encoding="utf-8")
    result = CliRunner().invoke(cli(), ["report", "--data", str(bad), "-o", "-"])
    assert result.exit_code == 1 and "'sources' must be a list" in result.stderr


def test_report_into_a_missing_folder_is_one_line_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli(), ["report", "--data", str(VALID), "-o", str(tmp_path / "nope" / "r.html")])
    assert result.exit_code == 1 and "cannot write the report" in result.stderr and "Traceback" not in result.output


def test_report_help_has_examples() -> None:
    result = invoke("report", "--help")
    assert result.exit_code == 0 and "troopclaims report" in result.stdout and "Example" in result.stdout


@pytest.mark.parametrize(("published", "when"), [("9999-12-31", "tomorrow"), ("0001-01-01", "yesterday"), ("9999", "next year")])
def test_report_at_the_edges_of_the_calendar_is_not_a_crash(tmp_path: Path, published: str, when: str) -> None:
    from click.testing import CliRunner

    from troopclaims.cli import main

    (tmp_path / "x.txt").write_text(f"Troops will leave {when}, officials said.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        f"sources:\n  - {{id: a, file: x.txt, outlet: X, title: T, published: {{date: '{published}', basis: stated}}}}\n"
        f"claims:\n  - {{id: c, source: a, quote: Troops will leave {when}, actor: US, movement: leave, when: {{text: {when}}}}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["report", "--data", str(tmp_path / "claims.yaml"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
