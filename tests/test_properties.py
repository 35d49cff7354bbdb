"""Properties over generated input: checking never crashes, anchoring always slices, dates ignore the clock.

Every test is bounded by max_examples and derandomized, so a run is repeatable in CI and the
whole file takes well under half a minute.

Related properties live next to their modules and are not repeated here:
* tests/test_timex.py::test_resolution_is_deterministic_and_near_the_anchor (hypothesis anchors,
  every relative expression resolved twice: same answer) and ::test_module_never_reads_the_clock
  (timex imports no clock and calls no today/now); test_calendar_edges_never_raise below only
  adds anchors at the ends of the calendar.
* tests/test_extract.py::test_any_text_gives_quotes_that_occur_once (extract_article never raises
  on any text and every candidate's quote occurs once); test_long_articles_... below adds long,
  many-sentence articles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from troopclaims.datafile import check_file, find_quote, fold, fold_quote, load_dataset, parse_value
from troopclaims.errors import Problem, TroopclaimsError
from troopclaims.time import resolve

from .conftest import TESTDATA

ARTICLE = (TESTDATA / "hostile" / "articles" / "convoy.txt").read_text(encoding="utf-8")
FEW = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a real article, an empty one, a gazetteer and a sub-folder to point at."""
    root = tmp_path_factory.mktemp("properties")
    (root / "articles").mkdir()
    (root / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "articles" / "empty.txt").write_bytes(b"")
    (root / "articles" / "latin1.txt").write_bytes(b"caf\xe9")
    (root / "g.yaml").write_text("places:\n  - {name: Tapa, kind: city, within: Estonia}\n", encoding="utf-8")
    return root


# --- check_file never raises ----------------------------------------------------------------------------------------

KEYS = [
    "version", "root", "gazetteer", "sources", "claims", "id", "file", "outlet", "title", "url", "published", "date",
    "basis", "reason", "language", "translated", "source", "quote", "kind", "speaker", "count", "qualifier", "value",
    "low", "high", "text", "when", "movement", "polarity", "modality", "duration", "note", "sauces", "<<", "~", "yes",
    "1", "? ",
]  # fmt: skip
SCALARS = [
    "1", "-1", "0", "2", "10000001", "99999999999999999999", "1e999", ".nan", "0x1F", "0o17", "true", "null", "~", '""',
    "''", "2024-03-07", "2019-02-30", "2019-13", "2019-W54", "9999-W52", "9999-12", "9999-12-31", "0001-01-01", "0000",
    "2019-10-22TNI", "articles/a.txt", "articles/empty.txt", "articles/latin1.txt", "articles", "../a.txt",
    "/etc/hostname", "g.yaml", "a", "s", "c1", "About 400 soldiers", "About 400 soldiers left the garrison at Tapa",
    "the", "&a x", "*a", "!!python/object/apply:os.system [ls]", "!!binary aGk=", "!tag x", "!!set {a}", "|", ">",
    '"\\x00"', '"\\ud800"', '"\\u2028"', "stated", "inferred", "range", "vague", "about", "exact", "point", "deadline",
    "withdraw", "force", "on Monday", "last week",
]  # fmt: skip
PUNCT = ["\n", "  ", "    ", "- ", ": ", ", ", "[", "]", "{", "}", "#", "---\n", "...\n", "%YAML 1.1\n", "\t", "\r\n",
         "\ufeff", "\u2028", "\x85", '"', "'", "&", "*", "!", "|", ">", "\\"]  # fmt: skip

TOKEN_SOUP = st.lists(
    st.one_of(st.sampled_from(KEYS), st.sampled_from(SCALARS), st.sampled_from(PUNCT), st.text(max_size=4)),
    max_size=60,
).map("".join)

ANY: Any = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**12) | st.sampled_from(SCALARS) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=6,
)


def field(*choices: Any) -> Any:
    """Mostly (nine times in ten) a plausible value; sometimes anything at all."""
    plausible = st.one_of(*(c if isinstance(c, st.SearchStrategy) else st.just(c) for c in choices))
    return st.integers(0, 9).flatmap(lambda n: ANY if n == 0 else plausible)


SOURCE = st.fixed_dictionaries(
    {
        "id": field("s", "t"),
        "file": field("articles/a.txt", "articles/empty.txt", "articles/latin1.txt", "articles", "../a.txt", "gone.txt"),
        "outlet": field("Wire"),
        "title": field("Title"),
        "published": st.fixed_dictionaries(
            {"date": field("2024-03-07", "2024-03", "2024", "2019-02-30", "9999-W52", "9999-12-31", "0001-01-01"),
             "basis": field("stated", "inferred")},
            optional={"reason": field("from its content")},
        ),
    },
    optional={"language": field("en", "english"), "translated": field(True), "url": field("https://example.org/")},
)
CLAIM = st.fixed_dictionaries(
    {
        "id": field("c1", "c2"),
        "source": field("s", "t"),
        "quote": field("About 400 soldiers left the garrison at Tapa on Monday", "the", "said", " ", "not in it",
                       st.text(max_size=12)),
    },
    optional={
        "count": st.fixed_dictionaries(
            {}, optional={"qualifier": field("exact", "about", "range", "vague"), "value": field(400, -1, 10**8),
                          "low": field(1, 500), "high": field(400, 10**8), "text": field("hundreds", "400")}
        ),
        "when": st.fixed_dictionaries(
            {"text": field("on Monday", "tomorrow")}, optional={"value": field("2024-03-04", "2019-W54", "9999-W52"),
                                                                "kind": field("point", "deadline")}
        ),
        "movement": field("withdraw", "fly"),
        "kind": field("force", "statement"),
        "polarity": field("denied"),
    },
)
DOCUMENT = st.fixed_dictionaries(
    {"sources": field(st.lists(SOURCE, max_size=3)), "claims": field(st.lists(CLAIM, max_size=4))},
    optional={"version": field(1, 2), "root": field(".", "..", "/", "articles", "\x00"),
              "gazetteer": field("g.yaml", "articles/a.txt", "../g.yaml", "gone.yaml")},
)


@st.composite
def data_text(draw: st.DrawFn) -> str:
    """A plausible data file dumped as YAML, often with a fragment spliced in somewhere."""
    text = yaml.safe_dump(draw(DOCUMENT), sort_keys=False, allow_unicode=True)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(KEYS + SCALARS + PUNCT) | st.text(max_size=3)) + text[at:]
    return text


def check_never_raises(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    result = check_file(path)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert "\n" not in str(problem) and "\r" not in str(problem), str(problem)
        assert problem.line >= 0 and problem.column >= 0
    if result.errors:
        with pytest.raises(TroopclaimsError):
            load_dataset(path)
        return
    dataset = load_dataset(path)
    for claim in dataset.claims:
        start, end = dataset.spans[claim.id]
        assert fold_quote(dataset.texts[claim.source][start:end]) == fold_quote(claim.quote)


@MANY
@given(text=data_text())
def test_check_never_raises_on_plausible_data_files(folder: Path, text: str) -> None:
    check_never_raises(folder / "claims.yaml", text.encode("utf-8", errors="surrogatepass"))


@MANY
@given(text=TOKEN_SOUP)
def test_check_never_raises_on_yaml_token_soup(folder: Path, text: str) -> None:
    check_never_raises(folder / "claims.yaml", text.encode("utf-8", errors="surrogatepass"))


@FEW
@given(raw=st.binary(max_size=300))
def test_check_never_raises_on_any_bytes(folder: Path, raw: bytes) -> None:
    check_never_raises(folder / "claims.yaml", raw)


@FEW
@given(text=st.text(max_size=300))
def test_check_never_raises_on_any_unicode(folder: Path, text: str) -> None:
    check_never_raises(folder / "claims.yaml", text.encode("utf-8", errors="surrogatepass"))


# --- anchoring: spans always slice to the quote ---------------------------------------------------------------------

ARTICLE_CHARS = st.sampled_from(
    list("ab AB.,;") + ["\n", "\r\n", "\t", "\u00a0", "\u2009", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u2019", "'",
                        "\u201c", '"', "é", "\u2028", "\x85", "  "]
)
ARTICLE_TEXT = st.lists(ARTICLE_CHARS, max_size=80).map("".join) | st.text(max_size=80)


@st.composite
def article_and_quote(draw: st.DrawFn) -> tuple[str, str]:
    article = draw(ARTICLE_TEXT)
    if article and draw(st.booleans()):
        start = draw(st.integers(0, len(article) - 1))
        end = draw(st.integers(start + 1, len(article)))
        quote = article[start:end]
        # The forgivable differences: other white space, straight for curly quotation marks.
        quote = quote.replace("\u00a0", " ").replace("\r\n", "\n").replace("\u2019", "'").replace("\u201c", '"')
        if draw(st.booleans()):
            quote = quote.replace(" ", "\n  ")
    else:
        quote = draw(st.lists(ARTICLE_CHARS, max_size=6).map("".join))
    return article, quote


@MANY
@given(pair=article_and_quote())
def test_every_span_slices_to_text_that_folds_to_the_quote(pair: tuple[str, str]) -> None:
    article, quote = pair
    spans = find_quote(fold(article), quote)
    for start, end in spans:
        assert 0 <= start < end <= len(article)
        assert fold_quote(article[start:end]) == fold_quote(quote)
    assert spans == sorted(spans)
    assert find_quote(fold(article), quote, limit=2) == spans[:2]


@MANY
@given(article=ARTICLE_TEXT, data=st.data())
def test_any_piece_of_the_article_is_found(article: str, data: st.DataObject) -> None:
    if not article:
        return
    start = data.draw(st.integers(0, len(article) - 1))
    end = data.draw(st.integers(start + 1, len(article)))
    piece = article[start:end]
    spans = find_quote(fold(article), piece)
    assert spans or not fold_quote(piece)


# --- dates --------------------------------------------------------------------------------------------------------

EXPRESSIONS = ["today", "yesterday", "tomorrow", "last night", "on Tuesday", "next Saturday", "last week", "next week",
               "last month", "last year", "next year", "this year", "over the weekend", "within four weeks",
               "within 30 days", "in the next two weeks", "by the end of the month", "two weeks ago", "February 29",
               "in October", "since October 9", "over the past 5000 days", "3000 years ago"]  # fmt: skip


@FEW
@given(
    day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    precision=st.sampled_from(["day", "month", "year", "week"]),
    tense=st.sampled_from([None, "past", "future"]),
    expression=st.sampled_from(EXPRESSIONS) | st.text(max_size=20),
)
def test_calendar_edges_never_raise_and_repeat(day: date, precision: str, tense: Any, expression: str) -> None:
    year, week, _ = day.isocalendar()
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}", "week": f"{year:04d}-W{week:02d}"}[precision]
    try:
        anchor = parse_value(value)
    except (ValueError, OverflowError):  # 9999-12 and 9999-W52 end past the calendar (see the report on dates.py)
        return
    first = resolve(expression, anchor, tense=tense)
    assert first == resolve(expression, anchor, tense=tense)
    if first.value is not None:
        assert parse_value(first.value).precision == first.precision


# --- extraction on long articles --------------------------------------------------------------------------------------

WORDS = ["US", "troops", "1,000", "about", "withdrew", "from", "Syria", "to", "Iraq", "said", "the", "Pentagon", ",",
         ".", "\n", "will", "not", "stay", "in", "hundreds", "of", "between", "and", "forces", "convoy", "35",
         "within", "four", "weeks", "on", "Tuesday", "We", "Gen.", "U.S.", "\u201c", "\u201d", "\r\n\r\n"]  # fmt: skip


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(words=st.lists(st.sampled_from(WORDS), min_size=200, max_size=1200))
def test_long_articles_give_quotes_that_occur_in_them(words: list[str]) -> None:
    from troopclaims.extraction import extract_article

    text = " ".join(words)
    published = parse_value("2019-10-22")
    for claim in extract_article(text, source_id="s", published=published):
        assert claim.quote in text
        assert len(find_quote(fold(text), claim.quote)) == 1


def test_a_sentence_longer_than_a_quote_may_be_is_not_a_crash() -> None:
    from troopclaims.extraction import extract_article

    text = "US troops withdrew from Syria to Iraq and " * 125  # 5,250 characters, no full stop
    extract_article(text, source_id="s", published=parse_value("2019-10-22"))
