"""Choosing claims by source and speaker, as the commands' filters do."""

from __future__ import annotations

from ..errors import UsageError
from .dataset import Dataset
from .model import Claim


def match_sources(dataset: Dataset, wanted: str) -> set[str]:
    """Source ids named by wanted: an id, an outlet name in any letter case, or the start of either.

    The first of these that names any source wins, so "shafaq" names the source "shafaq-routine-move"
    and "reuters" every source whose outlet is Reuters.
    """
    if wanted in dataset.sources:
        return {wanted}
    folded = wanted.casefold()
    found = {s.id for s in dataset.sources.values() if s.outlet.casefold() == folded}
    if not found:
        found = {s.id for s in dataset.sources.values() if s.id.casefold().startswith(folded)}
    if not found:
        found = {s.id for s in dataset.sources.values() if s.outlet.casefold().startswith(folded)}
    if not found:
        known = ", ".join(sorted(dataset.sources))
        raise UsageError(f"no source with id or outlet {wanted!r}; sources are: {known}")
    return found


def select_claims(dataset: Dataset, *, source: str | None = None, speaker: str | None = None) -> list[Claim]:
    claims = dataset.claims
    if source is not None:
        ids = match_sources(dataset, source)
        claims = [c for c in claims if c.source in ids]
    if speaker is not None:
        name = speaker.casefold()
        claims = [c for c in claims if c.speaker and name in c.speaker.casefold()]
    return claims
