"""What review shows of a candidate: its quote in the article's words, and every field a decision rests on."""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ..datafile import Claim, ReviewFile

#: Characters of the article shown on each side of a quote.
CONTEXT = 240


def shown(file: ReviewFile, claim: Claim, counter: str) -> str:
    dataset = file.dataset
    source = dataset.sources[claim.source]
    state = "rejected" if claim.status == "rejected" else "reviewed" if claim.reviewed else "candidate"
    lines = [f"{counter} {claim.id} ({state}) — {source.outlet}, {source.published.date}: {source.title}"]
    text, span = dataset.texts.get(claim.source), dataset.spans.get(claim.id)
    if text is not None and span is not None:
        start, end = span
        before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        quote = click.style(text[start:end], bold=True, underline=True)
        lines.append(_wrapped(" ".join(f"…{before}»{quote}«{after}…".split())))
    else:
        lines.append(_wrapped(f"»{claim.quote}«"))
    lines.append(_wrapped(" · ".join(f"{name}: {value}" for name, value in facts(claim))))
    return "\n".join(lines)


def facts(claim: Claim) -> list[tuple[str, str]]:
    """Every field a decision depends on, the unset ones too, so that a default (asserted, fact) is seen as chosen."""
    speaker = claim.speaker or "(narration: the outlet's own words)"
    if claim.speaker_role and claim.speaker:
        speaker = f"{claim.speaker} ({claim.speaker_role})"
    shown = [
        ("kind", claim.kind), ("count", claim.count.display() if claim.count else "—"), ("unit", claim.unit or "—"),
        ("forces", claim.actor or "—"), ("movement", claim.movement or "—"), ("from", claim.origin or "—"),
        ("to", claim.destination or "—"), ("at", claim.location or "—"), ("speaker", speaker),
        ("polarity", claim.polarity), ("modality", claim.modality),
    ]
    if claim.cited:
        shown.append(("cited", claim.cited))
    if claim.duration:
        shown.append(("duration", claim.duration))
    if claim.when:
        shown.append(("when", f"{claim.when.text} ({claim.when.value or 'unresolved'})"))
    if claim.note:
        shown.append(("note", claim.note))
    return shown


def _wrapped(text: str) -> str:
    width = max(40, min(110, shutil.get_terminal_size().columns - 1))
    return textwrap.fill(text, width=width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)


def value_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items() if v is not None) + "}"
    return str(value)
