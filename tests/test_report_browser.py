"""The report page in a real browser (headless Chromium through playwright), opened from a file:// address.

Skipped when playwright or Chromium is missing, unless TROOPCLAIMS_REQUIRE_BROWSER=1 (as CI sets it),
where a missing browser is a failure: these tests must not pass by not running. CHROMIUM names the
browser binary (default /usr/bin/chromium); playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from troopclaims.datafile import Dataset, load_dataset
from troopclaims.present.views import known_outlet
from troopclaims.present import make_report, render_html

from .conftest import BUNDLED
from .test_report import write_big_dataset

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("TROOPCLAIMS_REQUIRE_BROWSER") == "1"
#: Offline and quiet: no update checks, no sync, no QUIC probes; --no-sandbox because CI runs as root.
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if REQUIRED:
    import playwright.sync_api  # noqa: F401  - fail loudly in CI

    assert Path(CHROMIUM).exists(), f"TROOPCLAIMS_REQUIRE_BROWSER=1 but there is no browser at {CHROMIUM}"
sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (set CHROMIUM to its path)", allow_module_level=True)


@dataclass
class Pages:
    """One dataset's report written to disk, and what the tests need to know about it."""

    dataset: Dataset
    path: Path
    dated: set[str]
    conflict_claims: dict[int, list[str]]
    numeric: list[int]  # the numbers of the numeric conflicts


@dataclass
class Watch:
    """Everything the page reported while a test used it."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def _write(dataset: Dataset, folder: Path) -> Pages:
    built = make_report(dataset)
    path = folder / "report.html"
    path.write_text(render_html(built), encoding="utf-8")
    dated = {c.id for c in built.claims if c.date}
    conflicts = {c.number: [i.id for s in c.sides for i in s.claims] for c in built.conflicts}
    return Pages(dataset, path, dated, conflicts, [c.number for c in built.conflicts if c.kind == "numeric"])


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    return _write(load_dataset(BUNDLED), tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    # 50 sources and about 2,000 claims: the size the report must stay readable and quick at.
    folder = tmp_path_factory.mktemp("big")
    return _write(load_dataset(write_big_dataset(folder / "data", claims=2000)), folder)


@pytest.fixture(scope="module", params=["bundled", "big"])
def pages(request: pytest.FixtureRequest) -> Pages:
    result: Pages = request.getfixturevalue(request.param)
    return result


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a report page; after the test, assert it logged no error and asked for nothing but itself."""
    opened: list[tuple[Any, Watch, Path]] = []

    def opener(path: Path, width: int = 1280, height: int = 900) -> tuple[Any, Watch]:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        watch = Watch()
        page.on("console", lambda m: watch.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.on("requestfailed", lambda r: watch.failed.append(r.url))
        page.on("request", lambda r: watch.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        opened.append((context, watch, path))
        return page, watch

    yield opener
    for context, watch, path in opened:
        context.close()
        assert watch.errors == [], "console errors or warnings"
        assert watch.failed == [], "failed requests"
        assert set(watch.requests) <= {path.as_uri()}, "the page asked for something besides itself"


def in_view(page: Any, selector: str) -> bool:
    result: bool = page.evaluate(
        """(sel) => { const el = document.querySelector(sel); if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )
    return result


def wait_in_view(page: Any, claim: str) -> None:
    # Scrolling may be smooth: wait until the quote has arrived, not a fixed time.
    page.wait_for_function(
        """(id) => { const el = document.getElementById('q-' + id); if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && el.classList.contains('flash'); }""",
        arg=claim,
        timeout=5000,
    )


def test_loads_with_no_error_and_no_request(pages: Pages, open_page: Any) -> None:
    page, watch = open_page(pages.path)
    assert page.title().startswith("Troop movements")
    assert page.is_visible("#filters"), "the script runs and shows the filters"
    assert watch.requests == [pages.path.as_uri()]


def test_one_svg_mark_per_dated_claim(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    marks = page.eval_on_selector_all("svg.timeline [data-claim]", "els => els.map(e => e.getAttribute('data-claim'))")
    assert sorted(marks) == sorted(pages.dated) and len(marks) == len(set(marks))
    titled = page.eval_on_selector_all("svg.timeline [data-claim]", "els => els.filter(e => e.querySelector(':scope > title')).length")
    assert titled == len(marks)


def test_every_quote_has_one_highlight_and_articles_keep_their_text(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    ids = page.eval_on_selector_all("mark.q[id]", "els => els.map(e => e.id)")
    assert sorted(ids) == sorted(f"q-{claim}" for claim in pages.dataset.spans)
    texts = page.eval_on_selector_all(".article .text", "els => els.map(e => e.textContent)")
    assert texts == [pages.dataset.texts[s] for s in pages.dataset.sources]
    # The browser's own parse of each quote matches the article's characters: no mark was mis-nested.
    for claim in list(pages.dataset.spans)[:40]:
        start, end = pages.dataset.spans[claim]
        source = next(c.source for c in pages.dataset.claims if c.id == claim)
        got = page.evaluate(
            "(id) => Array.from(document.querySelectorAll('mark.q')).filter(m => m.dataset.q === id).map(m => m.textContent)",
            claim,
        )
        assert "".join(got).startswith(pages.dataset.texts[source][start:end][:20])


def test_choosing_a_conflicts_claim_brings_its_quote_into_view(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    claim = pages.conflict_claims[1][-1]
    assert not in_view(page, f"#q-{claim}")
    page.click(f"#conflict-1 .claim[data-claim='{claim}'] .go")
    wait_in_view(page, claim)
    assert page.evaluate("document.activeElement.id") == f"q-{claim}"


def test_choosing_a_timeline_mark_brings_its_quote_into_view(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    claim = sorted(bundled.dated)[0]
    page.locator(f"svg.timeline .mark[data-claim='{claim}']").click(force=True)
    wait_in_view(page, claim)


def test_choosing_a_row_of_the_claim_list_and_pressing_enter_on_a_mark(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    row = page.locator("table.claims tr.row").nth(3)
    claim = row.get_attribute("data-claim")
    row.locator("td").nth(3).click()
    wait_in_view(page, claim)
    page.evaluate("window.scrollTo(0, 0)")
    other = sorted(bundled.dated)[-1]
    page.focus(f"svg.timeline .mark[data-claim='{other}']")
    page.keyboard.press("Enter")
    wait_in_view(page, other)


def test_source_filter_hides_other_sources(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    source = list(pages.dataset.sources)[1]
    own = {c.id for c in pages.dataset.claims if c.source == source}
    page.select_option("#filter-source", source)
    rows = page.eval_on_selector_all("table.claims tr.row", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.claim)")
    assert set(rows) == own
    marks = page.eval_on_selector_all(
        "svg.timeline .mark", "els => els.filter(e => getComputedStyle(e).display !== 'none' && e.closest('.lane:not(.off)')).map(e => e.dataset.claim)"
    )
    assert set(marks) == own & pages.dated
    articles = page.eval_on_selector_all(".article", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.source)")
    assert articles == [source]
    cards = page.eval_on_selector_all(".card", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")
    expected = [f"conflict-{n}" for n, claims in pages.conflict_claims.items() if own & set(claims)]
    assert cards == expected
    # The timeline closes up: its first visible lane sits where the first lane of all did.
    top = page.eval_on_selector("svg.timeline", "e => e.getAttribute('data-top')")
    assert page.eval_on_selector("svg.timeline .lane:not(.off)", "e => e.getAttribute('transform')") == f"translate(0,{top})"
    page.click("#filter-reset")
    assert page.eval_on_selector_all("table.claims tr.row", "els => els.filter(e => e.offsetParent !== null).length") == len(pages.dataset.claims)


def test_speaker_filter_keeps_that_speakers_claims(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    speaker = "Mark Esper"
    own = {c.id for c in bundled.dataset.claims if c.speaker == speaker}
    page.select_option("#filter-speaker", speaker)
    rows = page.eval_on_selector_all("table.claims tr.row", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.claim)")
    assert set(rows) == own
    assert page.text_content("#filter-status") == f"Showing {len(own)} of {len(bundled.dataset.claims)} claims"


def test_phone_width_has_no_sideways_page_scroll(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path, width=390, height=844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.eval_on_selector(".svg-wrap", "e => e.scrollWidth > e.clientWidth"), "the timeline scrolls inside its box"
    assert page.eval_on_selector(".sides", "e => getComputedStyle(e).gridTemplateColumns.split(' ').length") == 1


def test_print_shows_everything_without_the_filters(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    page.select_option("#filter-source", list(bundled.dataset.sources)[0])
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
    page.check("#print-articles")  # the claim list and the articles print only when asked for
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector("#filters", "e => getComputedStyle(e).display") == "none"
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0
    # Every row of the claim list prints, whatever the filter was.
    hidden = page.eval_on_selector_all("table.claims tr.row", "els => els.filter(e => e.offsetParent === null).length")
    assert hidden == 0


def test_screenshot(bundled: Pages, open_page: Any, tmp_path: Path) -> None:
    page, _ = open_page(bundled.path, width=1280, height=1400)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1400)


# --- the report an editor reads at a glance -------------------------------------------------------------------


def _visible(page: Any, selector: str) -> list[str]:
    """data-claim (or data-a + data-b) of the matching elements that are drawn."""
    found: list[str] = page.eval_on_selector_all(
        selector,
        "els => els.filter(e => getComputedStyle(e).display !== 'none')"
        ".map(e => e.dataset.claim || (e.dataset.a + ' ' + e.dataset.b + ' ' + e.dataset.conflict))",
    )
    return found


def test_each_numeric_dispute_has_a_chart_with_one_mark_per_count(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    counted = {c.id for c in pages.dataset.claims if c.count is not None}
    source_of = {c.id: c.source for c in pages.dataset.claims}
    assert pages.numeric, "the dataset has a numeric dispute"
    colours: dict[str, str] = {}
    for number in pages.numeric:
        marks = page.eval_on_selector_all(
            f"#conflict-{number} svg.figures .fig",
            "els => els.map(e => [e.dataset.claim, e.getAttribute('class'), e.querySelector('title').textContent])",
        )
        expected = [c for c in pages.conflict_claims[number] if c in counted]
        assert sorted(m[0] for m in marks) == sorted(expected) and len(expected) >= 2
        here: dict[str, str] = {}
        for claim, classes, _title in marks:
            colour = classes.split()[-1]
            assert here.setdefault(source_of[claim], colour) == colour, "one colour per source in a chart"
            if len(pages.dataset.sources) <= 8:  # few sources: each keeps its colour in every chart
                assert colours.setdefault(source_of[claim], colour) == colour
        if len(here) <= 8:
            assert len(set(here.values())) == len(here), "the sources of one chart are told apart"
        # Each mark stands inside the chart's drawing area.
        inside = page.eval_on_selector_all(
            f"#conflict-{number} svg.figures",
            """els => els.every(svg => { const box = svg.getBoundingClientRect();
                return Array.from(svg.querySelectorAll('.fig')).every(g => { const r = g.getBBox();
                  return r.x >= 0 && r.y >= 0 && r.x + r.width <= svg.viewBox.baseVal.width + 1; }); })""",
        )
        assert inside


def test_a_more_than_figure_is_an_open_bar_and_an_about_figure_a_dot_on_its_bounds(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    by_id = {c.id: c for c in bundled.dataset.claims}
    seen = set()
    for number in bundled.numeric:
        for claim, shapes in page.eval_on_selector_all(
            f"#conflict-{number} svg.figures .fig",
            "els => els.map(e => [e.dataset.claim, Array.from(e.children).map(c => c.tagName + '.' + (c.getAttribute('class') || ''))])",
        ):
            count = by_id[claim].count
            assert count is not None
            seen.add(count.qualifier)
            if count.qualifier == "more_than":
                assert "rect.bar open" in shapes and "path.arrow" in shapes
            elif count.qualifier == "about":
                assert "rect.bar" in shapes and "circle." in shapes
            elif count.qualifier == "exact":
                assert "circle." in shapes and not any(s.startswith("rect") for s in shapes)
    assert {"more_than", "about", "exact"} <= seen


def test_contradiction_lines_are_drawn_only_for_the_chosen_claim_or_conflict(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    total = page.eval_on_selector_all("svg.timeline .link", "els => els.length")
    assert total > 0 and _visible(page, "svg.timeline .link") == []
    # A claim: its own lines only.
    claim = next(c for c in pages.conflict_claims[1] if c in pages.dated)
    page.locator(f"svg.timeline .mark[data-claim='{claim}']").dispatch_event("click")
    drawn = _visible(page, "svg.timeline .link")
    assert drawn and all(claim in line.split()[:2] for line in drawn)
    # A conflict: all of its lines, and no other.
    page.evaluate("window.scrollTo(0, 0)")
    page.click("#conflict-2 .choose")
    drawn = _visible(page, "svg.timeline .link")
    own = page.eval_on_selector_all("svg.timeline .link[data-conflict='1']", "els => els.length")
    assert len(drawn) == own > 0 and all(line.split()[2] == "1" for line in drawn)
    assert page.text_content("#chosen-note").startswith(f"{own} line")
    # "Every contradiction line" draws them all.
    page.check("#show-links")
    assert len(_visible(page, "svg.timeline .link")) == total


def test_lanes_are_named_by_outlet_or_title(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path)
    lanes = page.eval_on_selector_all(
        "svg.timeline .lane",
        "els => els.map(e => [e.dataset.source, Array.from(e.querySelectorAll('.lane-label tspan')).map(t => t.textContent).join(' ')])",
    )
    assert len(lanes) == len(pages.dataset.sources)
    for source_id, label in lanes:
        source = pages.dataset.sources[source_id]
        name = known_outlet(source) or source.title
        shown = label.rstrip(" …").rstrip("…").strip("“”")  # a title is shown in quotation marks, cut at a word
        assert shown and name.startswith(shown), (label, name)
        assert source_id not in label and "not named" not in label


def test_the_page_speaks_of_the_outlets_own_words_and_dates_for_people(bundled: Pages, open_page: Any) -> None:
    page, _ = open_page(bundled.path)
    # textContent, not innerText: cards far down the page are not laid out yet (content-visibility) but are there.
    text = page.evaluate("() => Array.from(document.body.children).filter(e => e.tagName !== 'SCRIPT').map(e => e.textContent).join(' ')")
    assert "narration" not in text.casefold()
    assert "The outlet's own words" in text
    assert "night of 19 Oct 2019" in text and "week of 14 Oct 2019" in text
    # ISO and TIMEX values stay in the data, out of the reader's way.
    assert "2019-10-19TNI" not in text and "2019-W42" not in text


def test_the_first_screen_on_a_phone_shows_the_densest_period_and_the_hard_conflicts(pages: Pages, open_page: Any) -> None:
    page, _ = open_page(pages.path, width=390, height=844)
    assert in_view(page, "#glance .dense")
    hard = page.eval_on_selector_all(".card.hard", "els => els.length")
    listed = page.eval_on_selector_all(".hard-list li", "els => els.length")
    shown = page.eval_on_selector_all(
        ".hard-list li", "els => els.filter(e => { const r = e.getBoundingClientRect(); return r.bottom <= innerHeight; }).length"
    )
    # Every hard conflict the list names is on the first screen; past six, a link says how many more there are.
    assert shown == listed == min(hard, 6) > 0
    if hard > 6:
        assert in_view(page, ".more-hard") and page.text_content(".more-hard").startswith(f"{hard - 6} more")
    # The timeline, scrolled inside its box, opens on the densest period rather than on the earliest claim.
    middle = page.evaluate(
        """() => { const svg = document.querySelector('svg.timeline'), wrap = document.querySelector('.svg-wrap');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const x = (Number(svg.dataset.focusX0) + Number(svg.dataset.focusX1)) / 2 * scale;
            return [x - wrap.scrollLeft, wrap.clientWidth, wrap.scrollLeft]; }"""
    )
    assert 0 <= middle[0] <= middle[1] and middle[2] > 0


def _pdf_pages(pdf: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_printed_it_is_under_10_pages_with_summary_and_conflicts_first(bundled: Pages, open_page: Any, tmp_path: Path) -> None:
    page, _ = open_page(bundled.path)
    pdf = page.pdf(format="A4", print_background=True)
    (tmp_path / "report.pdf").write_bytes(pdf)
    pages = _pdf_pages(pdf)
    assert 1 < pages < 10
    page.emulate_media(media="print")
    order = page.evaluate(
        "() => ['#glance', '#conflicts', '#timeline'].map(s => document.querySelector(s).getBoundingClientRect().top)"
    )
    assert order == sorted(order), "summary, conflicts, then the timeline"
    assert page.eval_on_selector("#articles", "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector("#claims", "e => getComputedStyle(e).display") == "none"
    page.emulate_media(media="screen")
    page.check("#print-articles")
    assert _pdf_pages(page.pdf(format="A4")) > pages, "the articles print when asked for"
