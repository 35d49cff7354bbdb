"""Rewriting one claim of a data file in place, for review, every other byte kept.

The claim's block is found by PyYAML's node positions and replaced by the claim written anew at the
same indentation. A comment inside that claim is lost; everything around it stays byte for byte. The
result must parse and differ from the old file in that one claim only, and it replaces the file
atomically, under the same lock as merge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import TroopclaimsError
from ..files import MAX_DATA_BYTES, StrictLoader, YamlProblem, load_located, update_text
from .model import Claim


def update_claim(path: Path, claim: Claim) -> None:
    """Write claim over the claim of the same id in the data file at path."""
    record = claim.model_dump(mode="json", exclude_defaults=True)

    def edit(text: str) -> str:
        changed = replace_claim(text, claim.id, record)
        _verify(path, text, changed, claim.id, record)
        return changed

    update_text(path, edit, limit=MAX_DATA_BYTES, what="data")  # under the lock; a byte order mark stays


def replace_claim(text: str, claim_id: str, record: dict[str, Any]) -> str:
    """text with the block of the claim claim_id replaced by record."""
    root = yaml.compose(text, Loader=StrictLoader)
    claims = next((value for key, value in root.value if key.value == "claims"), None) if isinstance(root, yaml.MappingNode) else None
    if not isinstance(claims, yaml.SequenceNode) or claims.flow_style:
        raise TroopclaimsError("the data file's 'claims' is not a block list; cannot edit a claim in it")
    for item in claims.value:
        if not isinstance(item, yaml.MappingNode) or item.flow_style:
            continue
        if next((value.value for key, value in item.value if key.value == "id"), None) != claim_id:
            continue
        block = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
        first, *rest = block.splitlines(keepends=True)
        pad = " " * item.start_mark.column
        body = first + "".join(pad + line if line.strip() else line for line in rest)
        body = body.replace("\n", line_end(text))
        return text[: item.start_mark.index] + body + text[end_of_node(text, item) :]
    raise TroopclaimsError(f"no claim {claim_id!r} in the data file; was it changed meanwhile?")


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


def _verify(path: Path, before: str, after: str, claim_id: str, record: dict[str, Any]) -> None:
    try:
        old, new = load_located(before).data, load_located(after).data
    except YamlProblem as exc:  # pragma: no cover - a bug in the replacement, never the user's data
        raise TroopclaimsError(f"{path}: the edit would make invalid YAML ({exc.message}); the file was not changed") from None
    others = [c for c in old.get("claims") or [] if not (isinstance(c, dict) and c.get("id") == claim_id)]
    if {k: v for k, v in new.items() if k != "claims"} != {k: v for k, v in old.items() if k != "claims"}:
        raise TroopclaimsError(f"{path}: the edit would change more than claim {claim_id!r}; the file was not changed")
    if [c for c in new.get("claims") or [] if not (isinstance(c, dict) and c.get("id") == claim_id)] != others:
        raise TroopclaimsError(f"{path}: the edit would change more than claim {claim_id!r}; the file was not changed")
    if record not in (new.get("claims") or []):
        raise TroopclaimsError(f"{path}: the edit did not come out as written; the file was not changed")
