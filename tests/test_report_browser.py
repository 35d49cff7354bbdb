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
    return Pages(dataset, path, dated, conflicts)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    return _write(load_dataset(BUNDLED), tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    folder = tmp_path_factory.mktemp("big")
    return _write(load_dataset(write_big_dataset(folder / "data")), folder)


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
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector("#filters", "e => getComputedStyle(e).display") == "none"
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0
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
