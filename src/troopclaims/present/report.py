"""The shareable report: one self-contained HTML page (or Markdown) of the timeline, the conflicts and the articles.

build_report gathers what the page shows into plain records; report_render.py turns them into a
string. Nothing here prints or knows about the command line. Dates are written for people here
("19 Oct 2019, night"); the machine formats keep ISO and TIMEX values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from markupsafe import Markup, escape

from ..datafile import Claim, Dataset, Source
from ..engine import Conflict, TimelineRow, build_timeline, find_conflicts
from .report_figures import PALETTE_SIZE, Figure, figures_svg, legend_html
from .report_axis import Lane, Mark
from .report_svg import conflict_links, timeline_svg
from .tidy import known_outlet
from .wording import OWN_WORDS, claim_phrase, human_date, humanize_dates

#: The filter key of claims in the outlet's own words: no speaker's name starts with "@".
NARRATION = "@outlet"
_CONTEXT = 90
#: The length of the window that finds the densest period of the story, for the first screen.
DENSE_DAYS = 14
#: Hard conflicts the first screen lists; more would push it past a phone's screen.
GLANCE_HARD = 6
#: Rival values a listed conflict shows before "and N more".
GLANCE_VALUES = 4


@dataclass(frozen=True)
class ClaimItem:
    id: str
    source: str
    outlet: str  # what the page calls the source: the outlet, or the article's title when the outlet is not named
    speaker: str  # the filter key: the speaker's name, or NARRATION
    attribution: str  # who says it, in words: speaker and role, or the outlet's own words and what it cites
    date: str  # the TIMEX value; "" when the timeline did not place the claim
    when: str  # the same date for people: "19 Oct 2019, night"
    precision: str
    basis: str
    summary: str
    before: str
    quote: str
    after: str
    conflicts: tuple[int, ...]  # 1-based numbers of the conflicts the claim is in
    severity: str
    reviewed: bool = True  # False: a candidate nobody has reviewed, marked wherever it is shown


@dataclass(frozen=True)
class SideItem:
    value: str
    claims: tuple[ClaimItem, ...]


@dataclass(frozen=True)
class ConflictItem:
    number: int  # its place on the page, for element ids
    id: str  # the engine's stable conflict id, as `troopclaims conflicts` and `timeline` show it
    kind: str
    severity: str
    topic: str
    explanation: str
    notes: tuple[str, ...]
    sides: tuple[SideItem, ...]
    figures: Markup  # for a numeric dispute, the chart of its figures over time; else empty
    review: str = "reviewed"  # or 'partly reviewed', or 'unreviewed': candidates carry it (Conflict.review)


@dataclass(frozen=True)
class ArticleItem:
    id: str
    outlet: str
    label: str  # what the page calls the source: the outlet, or the title when the outlet is not named
    named: bool  # whether the article names its outlet
    title: str
    published: str
    published_when: str
    published_note: str
    url: str | None  # only http(s): anything else could run script when clicked
    notes: str
    language: str
    translated: bool
    speakers: str  # every speaker of the article's claims, one per line, for the filter
    html: Markup
    claims: tuple[ClaimItem, ...]


@dataclass(frozen=True)
class Glance:
    """What the first screen says: where the story is densest, and the hard conflicts."""

    period: str  # "14 – 23 Oct 2019"; "" when no claim has a date of its own
    in_period: int
    own_dates: int  # claims with a date of their own
    hard: tuple[ConflictItem, ...]  # the hard conflicts with the most claims, at most GLANCE_HARD
    more_hard: int  # hard conflicts left out of the list


@dataclass(frozen=True)
class Report:
    title: str
    data_name: str
    articles: tuple[ArticleItem, ...]
    claims: tuple[ClaimItem, ...]  # timeline order; claims the timeline left out come last
    conflicts: tuple[ConflictItem, ...]
    speakers: tuple[tuple[str, int], ...]
    svg: Markup
    dated: int
    glance: Glance
    #: A warning the header carries above everything: the report is of the bundled demo data, not a story of one's own.
    notice: str = ""
    #: Candidates left out of the report (it shows reviewed claims unless asked for candidates).
    left_out: int = 0

    @property
    def conflict_ids(self) -> tuple[str, ...]:
        """The id of each conflict by its number on the page (the first is number 1)."""
        return tuple(c.id for c in self.conflicts)

    @property
    def hard(self) -> int:
        return sum(c.severity == "hard" for c in self.conflicts)

    @property
    def review_line(self) -> str:
        """What the header says of candidates: how many are left out, or how many claims and conflicts rest on them."""
        if self.left_out:
            return (f"{self.left_out} candidate claim{'s' if self.left_out != 1 else ''} nobody has reviewed "
                    "left out (--include-candidates shows them, marked).")
        candidates = sum(not c.reviewed for c in self.claims)
        if not candidates:
            return ""
        unreviewed = sum(c.review == "unreviewed" for c in self.conflicts)
        partly = sum(c.review == "partly reviewed" for c in self.conflicts)
        return (f"{candidates} of {len(self.claims)} claims are candidates nobody has reviewed, marked as such; "
                f"{unreviewed} conflicts rest on them, {partly} partly.")


def make_report(dataset: Dataset, *, title: str | None = None, notice: str = "", left_out: int = 0) -> Report:
    """Run the comparison engine and the timeline on a dataset, and gather the report.

    left_out: how many candidates the caller left out of dataset, for the header to say.
    """
    conflicts = find_conflicts(dataset)
    built = build_report(dataset, conflicts, build_timeline(dataset, conflicts), title=title)
    return replace(built, notice=notice, left_out=left_out)


def build_report(
    dataset: Dataset, conflicts: Sequence[Conflict], rows: Sequence[TimelineRow], *, title: str | None = None
) -> Report:
    # Hard conflicts come first whatever order the engine returned; the numbers follow the page.
    order = sorted(range(len(conflicts)), key=lambda i: (conflicts[i].severity != "hard", i))
    number = {old: new + 1 for new, old in enumerate(order)}
    in_conflicts: dict[str, list[int]] = {}
    for old in order:
        for side in conflicts[old].sides:
            for claim_id in side.claims:
                in_conflicts.setdefault(claim_id, []).append(old)
    by_row = {row.claim: row for row in rows}
    items: dict[str, ClaimItem] = {}
    for claim in dataset.claims:
        found = in_conflicts.get(claim.id, [])
        severity = "hard" if any(conflicts[i].severity == "hard" for i in found) else ("soft" if found else "")
        items[claim.id] = _claim_item(dataset, claim, by_row.get(claim.id), tuple(number[i] for i in found), severity)
    ordered = [items[row.claim] for row in rows if row.claim in items]
    placed = {item.id for item in ordered}
    ordered += [item for item in items.values() if item.id not in placed]
    lanes = _lane_order(dataset)
    colour = {source.id: index for index, source in enumerate(lanes)}
    claims = {claim.id: claim for claim in dataset.claims}
    conflict_items = tuple(
        ConflictItem(
            number[old], conflicts[old].id, conflicts[old].kind, conflicts[old].severity, conflicts[old].topic,
            humanize_dates(conflicts[old].explanation), tuple(humanize_dates(n) for n in conflicts[old].notes),
            tuple(SideItem(s.label, tuple(items[c] for c in s.claims if c in items)) for s in conflicts[old].sides),
            _figures(conflicts[old], conflicts[old].id, claims, by_row, items, colour), conflicts[old].review,
        )
        for old in order
    )  # fmt: skip
    speakers = Counter(item.speaker for item in items.values())
    articles = tuple(
        _article(dataset, source, [items[c.id] for c in dataset.claims_of(source.id)]) for source in dataset.sources.values()
    )
    focus = densest(rows)
    return Report(
        title=title or "Troop movements: claims, conflicts and timeline",
        data_name=dataset.path.name,
        articles=articles,
        claims=tuple(ordered),
        conflicts=conflict_items,
        speakers=tuple(sorted(speakers.items(), key=lambda kv: (kv[0] != NARRATION, kv[0].casefold()))),
        svg=Markup(_svg(lanes, rows, items, conflict_items, focus)),
        dated=len(placed),
        glance=_glance(focus, rows, conflict_items),
    )


def densest(rows: Sequence[TimelineRow]) -> tuple[date, date, int] | None:
    """The DENSE_DAYS window holding the most claims dated to a day or a week: where the story happens."""
    days = sorted(r.start for r in rows if r.basis != "publication" and (r.end - r.start).days < 7)
    if not days:
        days = sorted(r.start for r in rows if (r.end - r.start).days < 7)
    if not days:
        return None
    best_lo = best_hi = lo = 0
    for hi, day in enumerate(days):
        while (day - days[lo]).days >= DENSE_DAYS:
            lo += 1
        if hi - lo > best_hi - best_lo:
            best_lo, best_hi = lo, hi
    return days[best_lo], days[best_hi], best_hi - best_lo + 1


def period_words(first: date, last: date) -> str:
    if first == last:
        return human_date(first.isoformat())
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} – {human_date(last.isoformat())}"
    return f"{human_date(first.isoformat())} – {human_date(last.isoformat())}"


def _glance(focus: tuple[date, date, int] | None, rows: Sequence[TimelineRow], conflicts: Sequence[ConflictItem]) -> Glance:
    own = sum(r.basis != "publication" for r in rows)
    # The disputes most claims take part in come first; the rest are a link away, so the list fits a phone's screen.
    hard = sorted((c for c in conflicts if c.severity == "hard"), key=lambda c: (-sum(len(s.claims) for s in c.sides), c.number))
    shown, more = tuple(hard[:GLANCE_HARD]), max(0, len(hard) - GLANCE_HARD)
    if focus is None:
        return Glance("", 0, own, shown, more)
    return Glance(period_words(focus[0], focus[1]), focus[2], own, shown, more)


def _claim_item(dataset: Dataset, claim: Claim, row: TimelineRow | None, conflicts: tuple[int, ...], severity: str) -> ClaimItem:
    source = dataset.source_of(claim)
    span = dataset.spans.get(claim.id)
    if span is None:  # not anchored (only a dataset built by hand): the quote as the data file gives it
        before, quote, after = "", _squash(claim.quote), ""
    else:
        before, quote, after = _context(dataset.texts.get(claim.source, ""), *span)
    if claim.speaker:
        attribution = f"{claim.speaker} ({claim.speaker_role})" if claim.speaker_role else claim.speaker
    else:  # the outlet's own words: the source is shown beside it everywhere
        attribution = f"{OWN_WORDS}, citing {claim.cited}" if claim.cited else OWN_WORDS
    when = ""
    if row is not None:
        when = human_date(row.date, row.kind)
        if row.basis == "publication":
            when = f"{when} (no date of its own: the article's)"
    return ClaimItem(
        id=claim.id, source=claim.source, outlet=source_label(source), speaker=claim.speaker or NARRATION,
        attribution=attribution, date=row.date if row else "", when=when, precision=row.precision if row else "",
        basis=row.basis if row else "", summary=claim_phrase(claim),
        before=before, quote=quote, after=after, conflicts=conflicts, severity=severity, reviewed=claim.reviewed,
    )  # fmt: skip


def source_label(source: Source) -> str:
    """The outlet's name, or the article's title (its first words) when the article does not say which outlet it is."""
    outlet = known_outlet(source)
    if outlet:
        return outlet
    title = source.title if len(source.title) <= 48 else source.title[:47].rsplit(" ", 1)[0] + "…"
    return f"“{title}”"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote with a few words either side, cut at word boundaries, so a card reads in context."""
    lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if hi < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    # Keep the separating space: squashing alone would glue the quote to its neighbours.
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return _squash(before) + lead, _squash(text[start:end]), trail + _squash(after)


def _article(dataset: Dataset, source: Source, claims: list[ClaimItem]) -> ArticleItem:
    published = source.published
    note = "stated in the article" if published.basis == "stated" else f"inferred: {published.reason}"
    url = source.url if source.url and source.url.lower().startswith(("https://", "http://")) else None
    # Newlines part the names: a speaker is one line, so no name can contain the separator.
    speakers = "\n" + "\n".join(sorted({c.speaker for c in claims})) + "\n"
    spans = {c.id: dataset.spans[c.id] for c in claims if c.id in dataset.spans}
    return ArticleItem(
        id=source.id, outlet=source.outlet, label=source_label(source), named=known_outlet(source) is not None, title=source.title, published=published.date,
        published_when=human_date(published.date), published_note=note, url=url, notes=source.notes or "", language=source.language, translated=source.translated,
        speakers=speakers, html=highlight(dataset.texts.get(source.id, ""), spans, {c.id: c for c in claims}),
        claims=tuple(claims),
    )


def highlight(text: str, spans: dict[str, tuple[int, int]], claims: dict[str, ClaimItem] | None = None) -> Markup:
    """The article with each claim's quote in a <mark>, valid HTML however the quotes overlap.

    Quotes that nest become nested marks. Quotes that cross are split: the mark opened first
    closes where the other one's inner part begins and reopens after it as a continuation
    (same data-q, no id), so each claim still has exactly one element with id "q-<claim id>".
    """
    claims = claims or {}
    starts: dict[int, list[str]] = {}
    ends: dict[int, set[str]] = {}
    for claim_id, (start, end) in spans.items():
        if 0 <= start < end <= len(text):
            starts.setdefault(start, []).append(claim_id)
            ends.setdefault(end, set()).add(claim_id)
    out: list[str] = []
    stack: list[str] = []
    last = 0
    for at in sorted(set(starts) | set(ends)):
        out.append(str(escape(text[last:at])))
        last = at
        closing = ends.get(at, set())
        reopen: list[str] = []
        if closing:
            deepest = min(i for i, claim_id in enumerate(stack) if claim_id in closing)
            for claim_id in reversed(stack[deepest:]):
                out.append("</mark>")
                if claim_id not in closing:
                    reopen.insert(0, claim_id)
            del stack[deepest:]
        # Longest first: the quote that ends last must be the outer one, or it would have to split again.
        opening = sorted(reopen + starts.get(at, []), key=lambda c: (-spans[c][1], c))
        for claim_id in opening:
            out.append(_open_mark(claim_id, claims.get(claim_id), first=claim_id not in reopen))
            stack.append(claim_id)
    out.append(str(escape(text[last:])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _open_mark(claim_id: str, claim: ClaimItem | None, *, first: bool) -> str:
    severity = f" {claim.severity}" if claim and claim.severity else ""
    if not first:
        return f'<mark class="q cont{severity}" data-q="{escape(claim_id)}">'
    speaker = f' data-speaker="{escape(claim.speaker)}"' if claim else ""
    tip = f"{claim_id}: {claim.attribution}" if claim else claim_id
    return f'<mark class="q{severity}" id="q-{escape(claim_id)}" data-q="{escape(claim_id)}"{speaker} tabindex="-1" title="{escape(tip)}">'


def _lane_order(dataset: Dataset) -> list[Source]:
    """Sources in order of publication, so that the picture reads top to bottom as the story was told."""
    return sorted(dataset.sources.values(), key=lambda s: (s.published.parsed.start, s.id))


def _lane(source: Source) -> Lane:
    outlet = known_outlet(source)
    published = human_date(source.published.date)
    if outlet:
        return Lane(source.id, outlet, f"“{source.title}” · {published}", f"{outlet}: “{source.title}”, published {published}")
    return Lane(source.id, f"“{source.title}”", f"published {published}", f"“{source.title}” (outlet not named), published {published}")


def _svg(
    lanes: list[Source],
    rows: Sequence[TimelineRow],
    items: dict[str, ClaimItem],
    conflicts: tuple[ConflictItem, ...],
    focus: tuple[date, date, int] | None,
) -> str:
    marks = []
    for row in rows:
        item = items.get(row.claim)
        if item is None:
            continue
        tip = f"{item.id} · {item.when} · {item.attribution}: {item.summary}"
        if item.conflicts:
            tip += " · conflicts " + ", ".join(c.id for c in conflicts if c.number in item.conflicts)
        marks.append(Mark(item.id, item.source, row.start, row.end, row.precision, row.kind, row.basis, item.speaker, item.severity, tip))
    sides = [(c.number - 1, c.severity, f"{c.id}: {c.topic}", [[i.id for i in s.claims] for s in c.sides]) for c in conflicts]
    links = conflict_links(sides, {m.claim: m.lane for m in marks})
    return timeline_svg([_lane(s) for s in lanes], marks, links, focus=(focus[0], focus[1]) if focus else None)


def _figures(
    conflict: Conflict,
    conflict_id: str,
    claims: dict[str, Claim],
    rows: dict[str, TimelineRow],
    items: dict[str, ClaimItem],
    colour: dict[str, int],
) -> Markup:
    """The chart of a numeric dispute's figures over time: one mark per claim that gives a count."""
    if conflict.kind != "numeric":
        return Markup("")
    figures = []
    for claim_id in conflict.claims:
        claim, row, item = claims.get(claim_id), rows.get(claim_id), items.get(claim_id)
        if claim is None or claim.count is None or row is None or item is None:
            continue
        low, high = claim.count.bounds()
        dot = claim.count.value if claim.count.qualifier not in ("range", "vague", "up_to", "fewer_than") else None
        label = claim.count.display()
        tip = f"{claim.id} · {item.outlet} · {item.when} · {item.attribution}: {label}"
        figures.append(Figure(claim.id, claim.source, colour.get(claim.source, 0), row.start, row.end, label, dot, low, high, tip))
    figures.sort(key=lambda f: (f.start, f.claim))
    # A source keeps its colour from chart to chart while the palette allows; past that, the sources of one
    # chart are told apart by colours of its own (its legend says which is which).
    own = list(dict.fromkeys(f.source for f in figures))
    if len({colour.get(source, 0) % PALETTE_SIZE for source in own}) < min(len(own), PALETTE_SIZE):
        figures = [replace(f, colour=own.index(f.source)) for f in figures]
    caption = f"The figures of conflict {conflict_id} over time: one mark per claim, coloured by source"
    names = {f.colour: items[f.claim].outlet for f in figures}
    return Markup(figures_svg(figures, caption) + legend_html(sorted(names.items())))
