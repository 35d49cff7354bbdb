"""The shareable report: one self-contained HTML page (or Markdown) of the timeline, the conflicts and the articles.

build_report gathers what the page shows into plain records; render_html and render_markdown turn
them into a string. Nothing here prints or knows about the command line. The page loads nothing
from anywhere: styles and script are inline, and a Content-Security-Policy naming their hashes
makes the browser refuse any other script, style, image or font, so a claim's text can never
turn into markup or a request.
"""

from __future__ import annotations

import base64
import hashlib
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from markupsafe import Markup, escape

from ..datafile import Claim, Dataset, Source
from ..engine import Conflict, TimelineRow, build_timeline, find_conflicts, summary
from .render import Column, View, render_markdown as render_view
from .report_svg import Lane, Mark, conflict_links, timeline_svg

NARRATION = "(narration)"
_CONTEXT = 90


@dataclass(frozen=True)
class ClaimItem:
    id: str
    source: str
    outlet: str
    speaker: str  # the filter key: the speaker's name, or NARRATION
    attribution: str  # who says it, in words: speaker and role, or the outlet and what it cites
    date: str  # "" when the timeline did not place the claim
    precision: str
    basis: str
    summary: str
    before: str
    quote: str
    after: str
    conflicts: tuple[int, ...]  # 1-based numbers of the conflicts the claim is in
    severity: str


@dataclass(frozen=True)
class SideItem:
    value: str
    claims: tuple[ClaimItem, ...]


@dataclass(frozen=True)
class ConflictItem:
    number: int
    ident: str  # the engine's stable conflict id, as in `troopclaims conflicts` and `timeline`
    kind: str
    severity: str
    topic: str
    explanation: str
    notes: tuple[str, ...]
    sides: tuple[SideItem, ...]


@dataclass(frozen=True)
class ArticleItem:
    id: str
    outlet: str
    label: str  # what the page calls the source: the outlet, or the id when the outlet is unknown
    title: str
    published: str
    published_note: str
    url: str | None  # only http(s): anything else could run script when clicked
    notes: str
    language: str
    translated: bool
    speakers: str  # every speaker of the article's claims, one per line, for the filter
    html: Markup
    claims: tuple[ClaimItem, ...]


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

    @property
    def hard(self) -> int:
        return sum(c.severity == "hard" for c in self.conflicts)


def make_report(dataset: Dataset, *, title: str | None = None) -> Report:
    """Run the comparison engine and the timeline on a dataset, and gather the report."""
    conflicts = find_conflicts(dataset)
    return build_report(dataset, conflicts, build_timeline(dataset, conflicts), title=title)


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
    conflict_items = tuple(
        ConflictItem(
            number[old], conflicts[old].id, conflicts[old].kind, conflicts[old].severity, conflicts[old].topic, conflicts[old].explanation,
            tuple(conflicts[old].notes),
            tuple(SideItem(s.label, tuple(items[c] for c in s.claims if c in items)) for s in conflicts[old].sides),
        )
        for old in order
    )
    speakers = Counter(item.speaker for item in items.values())
    articles = tuple(
        _article(dataset, source, [items[c.id] for c in dataset.claims_of(source.id)]) for source in dataset.sources.values()
    )
    return Report(
        title=title or "Troop movements: claims, conflicts and timeline",
        data_name=dataset.path.name,
        articles=articles,
        claims=tuple(ordered),
        conflicts=conflict_items,
        speakers=tuple(sorted(speakers.items(), key=lambda kv: (kv[0] != NARRATION, kv[0].casefold()))),
        svg=Markup(_svg(dataset, rows, items, conflict_items)),
        dated=len(placed),
    )


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
        attribution = f"narration, citing {claim.cited}" if claim.cited else "narration"
    return ClaimItem(
        id=claim.id, source=claim.source, outlet=source_label(source), speaker=claim.speaker or NARRATION,
        attribution=attribution, date=row.date if row else "", precision=row.precision if row else "",
        basis=row.basis if row else "", summary=row.summary if row else summary(claim),
        before=before, quote=quote, after=after, conflicts=conflicts, severity=severity,
    )


def source_label(source: Source) -> str:
    """The outlet's name, or the source id when the article does not say which outlet it is."""
    return source.id if source.outlet.strip().casefold() in ("", "unknown") else source.outlet


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
        id=source.id, outlet=source.outlet, label=source_label(source), title=source.title, published=published.date,
        published_note=note, url=url, notes=source.notes or "", language=source.language, translated=source.translated,
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


def _svg(dataset: Dataset, rows: Sequence[TimelineRow], items: dict[str, ClaimItem], conflicts: tuple[ConflictItem, ...]) -> str:
    # Lanes in order of publication, so that the picture reads top to bottom as the story was told.
    ordered = sorted(dataset.sources.values(), key=lambda s: (s.published.parsed.start, s.id))
    lanes = [
        Lane(s.id, source_label(s), f"{'published' if source_label(s) != s.id else 'outlet not named,'} {s.published.date}",
             f"{s.id}: {s.outlet}, “{s.title}” (published {s.published.date})")
        for s in ordered
    ]
    marks = []
    for row in rows:
        item = items.get(row.claim)
        if item is None:
            continue
        shown = f"{row.date} ({row.precision.replace('_', ' ')}{', publication date' if row.basis == 'publication' else ''})"
        tip = f"{item.id} · {shown} · {item.attribution}: {item.summary}"
        if item.conflicts:
            tip += " · conflicts " + ", ".join(f"#{n}" for n in item.conflicts)
        marks.append(Mark(item.id, item.source, row.start, row.end, row.precision, row.kind, row.basis, item.speaker, item.severity, tip))
    sides = [(c.number - 1, c.severity, c.topic, [[i.id for i in s.claims] for s in c.sides]) for c in conflicts]
    links = conflict_links(sides, {m.claim: m.lane for m in marks})
    return timeline_svg(lanes, marks, links)


# --- rendering ---------------------------------------------------------------------------------------------


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(report: Report) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from .. import __version__

    # Autoescape is forced on: the select_autoescape default goes by extension and ".j2" is not one.
    env = Environment(loader=PackageLoader("troopclaims.present", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    style = env.get_template("_report.css.j2").render()
    script = env.get_template("_report.js.j2").render()
    csp = (f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return env.get_template("report.html.j2").render(
        report=report, style=Markup(style), script=Markup(script), csp=csp, narration=NARRATION, version=__version__
    )


def _md(text: str) -> str:
    # Pasted Markdown is rendered as HTML by most editors: a quote must not become a tag.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: Report) -> str:
    out = io.StringIO()
    out.write(f"# {_md(report.title)}\n\n")
    out.write(
        f"From `{report.data_name}`: {len(report.articles)} sources, {len(report.claims)} claims "
        f"({report.dated} dated), {len(report.conflicts)} conflicts ({report.hard} hard).\n\n"
    )
    conflict_rows = [
        {
            "n": str(c.number), "id": c.ident, "severity": c.severity, "kind": c.kind, "topic": _md(c.topic),
            "sides": "\n".join(
                f"**{_md(s.value)}**: " + "; ".join(f"{i.id} ({_md(i.attribution)})" for i in s.claims) for s in c.sides
            ),
            "why": _md(c.explanation), "notes": "\n".join(_md(n) for n in c.notes),
        }
        for c in report.conflicts
    ]
    columns = [Column("n", "#"), Column("id", "id"), Column("severity", "severity"), Column("kind", "kind"), Column("topic", "topic"),
               Column("sides", "sides"), Column("why", "explanation"), Column("notes", "scope notes")]
    render_view(View("Conflicts", columns, conflict_rows, []), out)
    timeline_rows = [
        {
            "date": c.date or "undated", "precision": c.precision.replace("_", " "), "source": c.outlet, "claim": c.id,
            "speaker": _md(c.attribution), "summary": _md(c.summary), "conflicts": ", ".join(f"#{n}" for n in c.conflicts),
        }
        for c in report.claims
    ]
    columns = [Column("date", "date"), Column("precision", "precision"), Column("source", "source"), Column("claim", "claim"),
               Column("speaker", "who says it"), Column("summary", "what"), Column("conflicts", "conflicts")]
    out.write("\n")
    render_view(View("Timeline", columns, timeline_rows, []), out)
    claim_rows = [
        {
            # The id makes each heading unique: two sources sharing outlet, title and date must not merge.
            "source": _md(f"{a.title} ({a.outlet + ', ' if a.label != a.id else ''}{a.id}, published {a.published})"),
            "claim": c.id, "speaker": _md(c.attribution),
            "date": c.date, "quote": "“" + _md(c.quote) + "”",
        }
        for a in report.articles
        for c in a.claims
    ]
    columns = [Column("source", "source"), Column("claim", "claim"), Column("speaker", "who says it"),
               Column("date", "date"), Column("quote", "quote")]
    out.write("\n")
    render_view(View("Claims by source", columns, claim_rows, [], group_by="source"), out)
    return out.getvalue()
