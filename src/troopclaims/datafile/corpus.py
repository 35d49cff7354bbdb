"""Claims read from JSON lines, so that a corpus never has to become one YAML file.

A corpus is the --partitions folder of `extract --scheduler` (its part-*.jsonl files, in order) or one .jsonl file.
Each article's lines there are an {"article", "about"} line with its source (outlet, title, date), its claim
records, and its error or warnings; the claims are read one line at a time, so the lines are never all held
as text. A claim whose article has no "about" line (an undated article, or `extract --format jsonl`'s output,
which has none) cannot be placed in time and is left out, and counted.

Two articles may have been given the same source id (the same outlet and title): the later one's source and its
claims take a suffix, as merging them into a data file would.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import TroopclaimsError
from .dataset import Dataset
from .model import Claim, DataFile, Source

_PLACEMENT = ("article", "start", "end", "places")


def corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("part-*.jsonl"))
        if not files:
            raise TroopclaimsError(f"{path}: no part-*.jsonl files: name the --partitions folder of extract --scheduler, or a .jsonl file")
        return files
    return [path]


def _records(files: list[Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    for file in files:
        try:
            with open(file, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except ValueError as exc:
                        raise TroopclaimsError(f"{file}:{number}: not a JSON line: {exc}") from None
                    if not isinstance(record, dict):
                        raise TroopclaimsError(f"{file}:{number}: a line is one JSON object (a claim or an article's record)")
                    yield f"{file}:{number}", record
        except OSError as exc:
            raise TroopclaimsError(f"{file}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise TroopclaimsError(f"{file}: not UTF-8 text") from None


def load_corpus(path: Path) -> tuple[Dataset, int]:
    """The claims of a corpus as a Dataset (no article texts), and how many claims were left out for want of
    their article's source."""
    sources: dict[str, Source] = {}
    renamed: dict[str, tuple[str, str]] = {}  # article -> (the source id its claims carry, the id it was given)
    claims: list[Claim] = []
    spans: dict[str, tuple[int, int]] = {}
    left_out = 0
    for where, record in _records(corpus_files(path)):
        if "error" in record or "warning" in record:
            continue
        try:
            if "about" in record:
                source = Source.model_validate(record["about"])
                given, n = source.id, 2
                while given in sources:
                    given, n = f"{source.id}-{n}", n + 1
                sources[given] = source.model_copy(update={"id": given})
                renamed[str(record.get("article"))] = (source.id, given)
                continue
            claim = Claim.model_validate({key: value for key, value in record.items() if key not in _PLACEMENT})
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            raise TroopclaimsError(f"{where}: {field + ': ' if field else ''}{first['msg']}") from None
        carried, given = renamed.get(str(record.get("article")), (claim.source, ""))
        if not given or carried != claim.source:
            left_out += 1
            continue
        if given != carried:
            claim = claim.model_copy(update={"source": given, "id": f"{given}-{claim.id.removeprefix(carried + '-')}"})
        claims.append(claim)
        if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            spans[claim.id] = (record["start"], record["end"])
    root = path if path.is_dir() else path.parent
    header = DataFile.model_construct(version=1, root=None, gazetteer=None, sources=list(sources.values()), claims=[])
    return Dataset(path, root, header, sources, claims, spans=spans), left_out
