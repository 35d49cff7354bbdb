"""`troopclaims export`: the data file and its findings in formats other tools read.

Each exporter takes a Dataset (and the claims chosen) and returns the file's content: text for the JSON
exports, bytes for SQLite. Writing is the command's job.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..datafile import Claim, Dataset
from .web_annotations import web_annotations
from .claimreview import claim_objects


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def export_annotations(dataset: Dataset, claims: list[Claim]) -> str:
    return _json(web_annotations(dataset, claims))


def export_claimreview(dataset: Dataset, claims: list[Claim]) -> str:
    return _json(claim_objects(dataset, claims))


def engine_records(dataset: Dataset) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The engine's events and conflicts as its machine records (ids, numbers, ISO dates), as JSON gives them."""
    from ..engine import analyse, conflict_record, event_record

    found = analyse(dataset)
    conflicts = list(found.conflicts)
    return [event_record(e, conflicts) for e in found.events], [conflict_record(c) for c in conflicts]


def export_sqlite(dataset: Dataset, claims: list[Claim]) -> bytes:
    """The whole data file and its findings; claims is ignored: conflicts need every claim they name."""
    from .sqlite_export import database_bytes

    events, conflicts = engine_records(dataset)
    return database_bytes(dataset, events, conflicts)


EXPORTERS: dict[str, Callable[[Dataset, list[Claim]], str | bytes]] = {
    "annotations": export_annotations,
    "claimreview": export_claimreview,
    "sqlite": export_sqlite,
}
