"""Presentation: output formats and the shareable report.

Takes claims, conflicts and timeline rows; gives tables laid out for the terminal (table.py, render.py),
JSON, CSV and Markdown (views.py, findings_views.py), the check report formats (check_report.py), extractor
output (extract_output.py), exports for other tools (exports.py: web_annotations.py, claimreview.py,
sqlite_export.py) and the HTML or Markdown report (report.py, report_render.py, report_svg.py, report_axis.py,
report_figures.py, wording.py, templates/). The only stage that may use rich; none uses click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .cache import ViewCache, cached_view
    from .check_report import REPORTERS
    from .exports import EXPORTERS
    from .extract_output import WRITERS, article_lines
    from .render import RENDERERS, View
    from .report import make_report
    from .report_render import render_html, render_markdown
    from .findings_views import conflicts_view, events_view
    from .views import claim_places, claims_view, timeline_view
    from .wording import humanize_dates

__all__ = [
    "View",
    "ViewCache",
    "article_lines",
    "cached_view",
    "EXPORTERS",
    "RENDERERS",
    "REPORTERS",
    "WRITERS",
    "claim_places",
    "claims_view",
    "conflicts_view",
    "events_view",
    "humanize_dates",
    "make_report",
    "render_html",
    "render_markdown",
    "timeline_view",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "View": "render",
    "ViewCache": "cache",
    "article_lines": "extract_output",
    "cached_view": "cache",
    "EXPORTERS": "exports",
    "REPORTERS": "check_report",
    "WRITERS": "extract_output",
    "RENDERERS": "render",
    "make_report": "report",
    "render_html": "report_render",
    "render_markdown": "report_render",
    "claim_places": "views",
    "claims_view": "views",
    "conflicts_view": "findings_views",
    "events_view": "findings_views",
    "timeline_view": "views",
    "humanize_dates": "wording",
}


__getattr__ = lazy_exports(__name__, _HOME)
