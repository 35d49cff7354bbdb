"""Rewriting claims of a data file in place, for review: each decision written alone, atomically, under the lock.

A ReviewFile reads and checks the data file once, and indexes where each claim's block lies in its text
(PyYAML's node positions). A decision then costs only the claims it touches: each changed claim is checked
as `troopclaims check` would check it (schema, count in its quote, quote found once in its article), its
block is replaced by the claim written anew at the same indentation, the new block is parsed back, and the
file is replaced atomically while the writers' lock is held. Every other byte stays as it was (a comment
inside a changed claim is lost).

Before each write, under the lock, the file on disk is compared with the text the index was made from. If
it changed (another review, `add`, a hand edit), it is read and checked again, and a change to a claim that
was itself changed meanwhile is not written: the caller is told, and decides again on the claim as it now is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import TroopclaimsError
from ..files import MAX_DATA_BYTES, StrictLoader, YamlProblem, atomic_write_text, load_located, read_text, write_lock
from .anchors import Folded, fold
from .dataset import Dataset, anchor_quote, count_problems, load_dataset
from .model import Claim

#: Seconds a decision waits for another writer (add, another review) to finish its write.
LOCK_WAIT = 10.0


@dataclass(frozen=True)
class Written:
    """What became of one write: the claims written, those changed meanwhile on disk, and whether the file was read again."""

    written: tuple[str, ...]
    stale: tuple[str, ...]
    reloaded: bool


class ReviewFile:
    """A data file open for review; claims(), problems() and write() work on it claim by claim."""

    def __init__(self, path: Path, gazetteer: Path | None = None) -> None:
        self.path, self._gazetteer = path, gazetteer
        self._read(read_text(path, limit=MAX_DATA_BYTES, what="data", keep_bom=True))

    def _read(self, raw: str) -> None:
        self._raw = raw
        self._mark = "\ufeff" if raw.startswith("\ufeff") else ""
        self._text = raw[len(self._mark) :]
        self.dataset: Dataset = load_dataset(self.path, self._text, self._gazetteer)
        self._claims = {claim.id: claim for claim in (*self.dataset.claims, *self.dataset.rejected)}
        self._blocks = claim_blocks(self._text)
        self._folded: dict[str, Folded] = {}

    def claims(self) -> list[Claim]:
        """Every claim in file order, rejected ones too."""
        return sorted(self._claims.values(), key=lambda claim: self._blocks.get(claim.id, (0, 0))[0])

    def claim(self, claim_id: str) -> Claim | None:
        return self._claims.get(claim_id)

    def problems(self, claim: Claim) -> list[str]:
        """What `troopclaims check` would find wrong with this claim in this file: the reasons it cannot be saved."""
        if claim.source not in self.dataset.sources:
            return [f"claim {claim.id!r} names source {claim.source!r}, which is not among the sources"]
        found = []
        text = self.dataset.texts.get(claim.source)
        if text is not None:  # the quote first: a count is looked for in it
            _, problem = anchor_quote(claim, self._article(claim.source), text, self.dataset.sources[claim.source].file)
            found += [problem] if problem else []
        return found + [message for _, message in count_problems(claim)]

    def _article(self, source_id: str) -> Folded:
        if source_id not in self._folded:
            self._folded[source_id] = fold(self.dataset.texts[source_id])
        return self._folded[source_id]

    def write(self, changes: Sequence[tuple[Claim, Claim]]) -> Written:
        """Write each (as shown, new) pair's new claim, in one atomic write; a claim changed on disk since it was shown is left.

        Raises TroopclaimsError, the file unchanged, when a new claim has a problem or the lock stays taken.
        """
        for _, new in changes:
            problems = self.problems(new)
            if problems:
                raise TroopclaimsError(f"{self.path}: {problems[0]}; nothing was written")
        with write_lock(self.path, wait=LOCK_WAIT):
            on_disk = read_text(self.path, limit=MAX_DATA_BYTES, what="data", keep_bom=True)
            reloaded = on_disk != self._raw
            if reloaded:
                self._read(on_disk)
            ready = [(shown, new) for shown, new in changes if self._claims.get(shown.id) == shown]
            stale = tuple(shown.id for shown, _ in changes if self._claims.get(shown.id) != shown)
            if ready:
                text = self._replaced([new for _, new in ready])
                atomic_write_text(self.path, self._mark + text)
                self._text, self._raw = text, self._mark + text
                for _, new in ready:
                    self._claims[new.id] = new
                    self._anchor(new)
        return Written(tuple(new.id for _, new in ready), stale, reloaded)

    def _anchor(self, claim: Claim) -> None:
        text = self.dataset.texts.get(claim.source)
        if text is not None:
            span, _ = anchor_quote(claim, self._article(claim.source), text, self.dataset.sources[claim.source].file)
            if span is not None:
                self.dataset.spans[claim.id] = span

    def _replaced(self, claims: list[Claim]) -> str:
        """The text with each claim's block written anew, every other byte kept; the index follows the shifts."""
        newline = line_end(self._text)
        new_blocks: dict[str, str] = {}
        for claim in claims:
            if claim.id not in self._blocks:
                raise TroopclaimsError(f"{self.path}: claim {claim.id!r} is not a block mapping in 'claims'; edit it by hand")
            start, _ = self._blocks[claim.id]
            column = start - (self._text.rfind("\n", 0, start) + 1)
            record = claim.model_dump(mode="json", exclude_defaults=True)
            block = claim_block(record, column, newline)
            if load_located(" " * column + block).data != record:  # pragma: no cover - a bug in claim_block
                raise TroopclaimsError(f"{self.path}: claim {claim.id!r} did not come out as written; nothing was written")
            new_blocks[claim.id] = block
        pieces: list[str] = []
        at, shift = 0, 0
        moved: dict[str, tuple[int, int]] = {}
        for claim_id, (start, end) in sorted(self._blocks.items(), key=lambda item: item[1][0]):
            if claim_id in new_blocks:
                pieces += [self._text[at:start], new_blocks[claim_id]]
                at = end
                moved[claim_id] = (start + shift, start + shift + len(new_blocks[claim_id]))
                shift += len(new_blocks[claim_id]) - (end - start)
            else:
                moved[claim_id] = (start + shift, end + shift)
        pieces.append(self._text[at:])
        self._blocks = moved
        return "".join(pieces)


def claim_block(record: dict[str, Any], column: int, newline: str) -> str:
    """A claim written as a block mapping whose first line starts at column (after its '- ') and later lines are indented to it."""
    block = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    first, *rest = block.splitlines(keepends=True)
    pad = " " * column
    return (first + "".join(pad + line if line.strip() else line for line in rest)).replace("\n", newline)


def claim_blocks(text: str) -> dict[str, tuple[int, int]]:
    """Where each claim's block mapping lies in text: from its first key to the start of the line after it."""
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:  # pragma: no cover - the file was checked just before
        raise YamlProblem(1, 1, str(exc)) from None
    claims = next((value for key, value in root.value if key.value == "claims"), None) if isinstance(root, yaml.MappingNode) else None
    if not isinstance(claims, yaml.SequenceNode) or claims.flow_style:
        return {}
    found: dict[str, tuple[int, int]] = {}
    for item in claims.value:
        if isinstance(item, yaml.MappingNode) and not item.flow_style:
            claim_id = next((value.value for key, value in item.value if key.value == "id"), None)
            if isinstance(claim_id, str):
                found[claim_id] = (item.start_mark.index, end_of_node(text, item))
    return found


def line_end(text: str) -> str:
    """The line end the file uses, judged by its first line: new text follows it, so a Windows file stays CRLF."""
    return "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"


def end_of_node(text: str, node: yaml.Node) -> int:
    """The start of the line after the node's last value."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    if node.end_mark.column == 0:  # a block scalar ends at the start of the next line
        return int(node.end_mark.index)
    newline = text.find("\n", node.end_mark.index)
    return len(text) if newline == -1 else newline + 1
