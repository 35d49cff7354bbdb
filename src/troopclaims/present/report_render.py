"""The report's page as text: HTML from the Jinja2 templates, or the same findings as Markdown tables.

The page loads nothing from anywhere: styles and script are inline, and a Content-Security-Policy naming
their hashes makes the browser refuse any other script, style, image or font, so a claim's text can never
turn into markup or a request.
"""

from __future__ import annotations

import base64
import hashlib
import io

from markupsafe import Markup

from .render import Column, View, render_markdown as render_view
from .findings_views import CANDIDATE, REVIEW_MARKS
from .report import GLANCE_VALUES, NARRATION, ClaimItem, Report
from .wording import OWN_WORDS

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
        report=report, style=Markup(style), script=Markup(script), csp=csp, narration=NARRATION, own_words=OWN_WORDS,
        glance_values=GLANCE_VALUES,
        version=__version__,
    )


def _md(text: str) -> str:
    # Pasted Markdown is rendered as HTML by most editors: a quote must not become a tag.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _candidate(item: ClaimItem) -> str:
    return "" if item.reviewed else f" {CANDIDATE}"


def render_markdown(report: Report) -> str:
    out = io.StringIO()
    out.write(f"# {_md(report.title)}\n\n")
    if report.notice:
        out.write(f"**{_md(report.notice)}**\n\n")
    out.write(
        f"From `{report.data_name}`: {len(report.articles)} sources, {len(report.claims)} claims "
        f"({report.dated} dated), {len(report.conflicts)} conflicts ({report.hard} hard).\n\n"
    )
    if report.review_line:
        out.write(f"{report.review_line}\n\n")
    conflict_rows = [
        {
            "n": str(c.number), "id": c.id, "severity": c.severity, "kind": c.kind, "topic": _md(c.topic) + REVIEW_MARKS[c.review],
            "sides": "\n".join(
                f"**{_md(s.value)}**: " + "; ".join(f"{i.id}{_candidate(i)} ({_md(i.attribution)})" for i in s.claims) for s in c.sides
            ),
            "why": _md(c.explanation), "notes": "\n".join(_md(n) for n in c.notes),
        }
        for c in report.conflicts
    ]
    columns = [Column("n", "#"), Column("id", "id"), Column("severity", "severity"), Column("kind", "kind"), Column("topic", "topic"),
               Column("sides", "sides"), Column("why", "explanation"), Column("notes", "scope notes")]
    render_view(View("Conflicts", columns, conflict_rows, []), out)
    ids = {c.number: c.id for c in report.conflicts}
    timeline_rows = [
        {
            "date": c.when or "undated", "source": _md(c.outlet), "claim": c.id,
            "speaker": _md(c.attribution), "summary": _candidate(c).strip() + " " * (not c.reviewed) + _md(c.summary), "conflicts": ", ".join(ids[n] for n in c.conflicts),
        }
        for c in report.claims
    ]
    columns = [Column("date", "when"), Column("source", "source"), Column("claim", "claim"),
               Column("speaker", "who says it"), Column("summary", "what"), Column("conflicts", "conflicts")]
    out.write("\n")
    render_view(View("Timeline", columns, timeline_rows, []), out)
    claim_rows = [
        {
            # The id makes each heading unique: two sources sharing outlet, title and date must not merge.
            "source": _md(f"{a.title} ({a.outlet + ', ' if a.named else ''}{a.id}, published {a.published_when})"),
            "claim": c.id + _candidate(c), "speaker": _md(c.attribution),
            "date": c.when, "quote": "“" + _md(c.quote) + "”",
        }
        for a in report.articles
        for c in a.claims
    ]
    columns = [Column("source", "source"), Column("claim", "claim"), Column("speaker", "who says it"),
               Column("date", "date"), Column("quote", "quote")]
    out.write("\n")
    render_view(View("Claims by source", columns, claim_rows, [], group_by="source"), out)
    return out.getvalue()
