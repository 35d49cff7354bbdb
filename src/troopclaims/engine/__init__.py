"""The comparison engine: events, the conflicts inside them, why, and the timeline.

Takes a Dataset (or facets built from claims); gives Findings: events, conflicts and shared-text pairs.

The data model (what other stages may rely on):

- Event (events.py): claims about one movement or presence of one actor's forces.
  `id` is stable: actor, main place and first month ("us-syria-2019-10"), "-2", "-3" for a second
  event with the same three. `label` is for readers ("US forces: Syria → Iraq, Oct 2019"). `start`/`end`
  (dates) span its claims; `places` are the place keys that tie it ("from Syria", "to Iraq");
  `members` give each claim with `how` it joined ("first", "place", "no place", "vague date", "alone")
  and a one-line `reason`.
- Conflict (findings.py): one question inside one event whose answers disagree.
  `id` is "<event id>.<kind>.<scope>" (attribution: "attribution.<words>"); `event` is the event id
  (None only for attribution across events); `kind` is one of KINDS; `severity` is "soft" or "hard"
  (compatible answers make no conflict); `topic` is the question; `explanation` states the figures or
  days it compared; `notes` (scope, "part of", self-contradiction, one confirmation not several).
  `sides` hold one answer each: `label` (for readers), `value` (data: Figure, Span, PlacePoint or
  Answer) and `refs` (ClaimRef: claim, source, published, speaker, cited, and the claim's date).
- conflict_record / event_record turn them into JSON-ready dicts of numbers, ISO dates and ids.

Modules: facets.py (a claim's fields resolved), events.py (clustering), values.py (figures and dates
compared), questions.py and timing.py (the questions of an event), textsim.py (articles sharing text),
compare.py (the whole run), explain.py (one pair), timeline.py (the claims in time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .compare import Findings, analyse, conflicts_among, find_conflicts, findings_among
    from .events import Event, Member
    from .explain import explain_pair, explanation_lines
    from .findings import KINDS, Answer, ClaimRef, Conflict, PlacePoint, Side, conflict_record, event_record, value_record
    from .textsim import NEAR_COPY, Shared, near_copy, shared_text
    from .timeline import TimelineRow, build_timeline, summary
    from .unresolved import unresolved_places
    from .values import Figure, Span

__all__ = [
    "NEAR_COPY",
    "KINDS",
    "Answer",
    "ClaimRef",
    "Conflict",
    "Event",
    "Figure",
    "Findings",
    "Member",
    "PlacePoint",
    "Shared",
    "Side",
    "Span",
    "TimelineRow",
    "analyse",
    "build_timeline",
    "conflict_record",
    "conflicts_among",
    "event_record",
    "explain_pair",
    "explanation_lines",
    "find_conflicts",
    "findings_among",
    "near_copy",
    "shared_text",
    "summary",
    "unresolved_places",
    "value_record",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "Findings": "compare",
    "analyse": "compare",
    "conflicts_among": "compare",
    "find_conflicts": "compare",
    "findings_among": "compare",
    "Event": "events",
    "Member": "events",
    "explain_pair": "explain",
    "explanation_lines": "explain",
    "KINDS": "findings",
    "Answer": "findings",
    "ClaimRef": "findings",
    "Conflict": "findings",
    "PlacePoint": "findings",
    "Side": "findings",
    "conflict_record": "findings",
    "event_record": "findings",
    "value_record": "findings",
    "Shared": "textsim",
    "shared_text": "textsim",
    "near_copy": "textsim",
    "NEAR_COPY": "textsim",
    "TimelineRow": "timeline",
    "build_timeline": "timeline",
    "summary": "timeline",
    "unresolved_places": "unresolved",
    "Figure": "values",
    "Span": "values",
}


__getattr__ = lazy_exports(__name__, _HOME)
