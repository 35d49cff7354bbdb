"""Adding extracted candidates to a reviewed data file without touching anything already in it.

The file is not re-serialised: new list items are inserted as text right after the last item of
`sources` and of `claims`, at the indentation the file already uses. Every byte that was in the
file before stays, in order: reviewed claims, comments, quoting and blank lines. The result is
parsed again before it replaces the old file, atomically and under a lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import TroopclaimsError
from ..files import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, StrictLoader, YamlProblem, load_located, read_text, update_text
from .anchors import find_quote, fold, fold_quote
from .candidates import Extracted
from .edit import LOCK_WAIT, end_of_node, line_end
from .model import Claim


@dataclass(frozen=True)
class MergeResult:
    sources_added: tuple[str, ...]
    claims_added: int
    claims_skipped: int  # candidates whose quote the file already holds for that source (rejected ones too)
    refused: tuple[tuple[Path, str], ...] = ()  # articles not added, each with the reason


def merge_into(data_path: Path, extracted: list[Extracted], published_given: bool) -> MergeResult:
    planned: list[MergeResult] = []

    def merge(text: str) -> str:
        try:
            data = load_located(text).data
        except YamlProblem as exc:
            raise TroopclaimsError(f"{data_path}:{exc.line}:{exc.column}: {exc.message}; fix it before merging") from None
        if not isinstance(data, dict):
            raise TroopclaimsError(f"{data_path}: not a data file (expected a mapping with 'sources' and 'claims')")
        new_sources, new_claims, skipped, refused = _plan(data_path, data, extracted, published_given)
        newline = line_end(text)
        merged = _insert(text, "claims", new_claims, newline)
        merged = _insert(merged, "sources", new_sources, newline)
        _verify(data_path, text, merged, len(new_sources), len(new_claims))
        planned.append(MergeResult(tuple(s["id"] for s in new_sources), len(new_claims), skipped, tuple(refused)))
        return merged

    update_text(data_path, merge, limit=MAX_DATA_BYTES, what="data", wait=LOCK_WAIT)  # review writes between its questions: wait its turn
    return planned[0]


def _plan(
    data_path: Path, data: dict[str, Any], extracted: list[Extracted], published_given: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, list[tuple[Path, str]]]:
    root = (data_path.parent / str(data.get("root") or ".")).resolve()
    sources = [s for s in data.get("sources") or [] if isinstance(s, dict)]
    claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
    by_file = {str(s.get("file")): str(s.get("id")) for s in sources}
    source_ids = {str(s.get("id")) for s in sources}
    claim_ids = {str(c.get("id")) for c in claims}
    held = {(str(c.get("source")), fold_quote(str(c.get("quote", "")))) for c in claims}
    new_sources: list[dict[str, Any]] = []
    new_claims: list[dict[str, Any]] = []
    skipped = 0
    refused: list[tuple[Path, str]] = []
    added: set[tuple[str, str, str]] = set()
    for article in extracted:
        resolved = article.path.resolve()
        if resolved != root and root not in resolved.parents:
            refused.append((article.page or article.path, f"lies outside the data file's folder tree ({root}); move it inside to add it"))
            continue
        relative = resolved.relative_to(root).as_posix()
        if not relative.isprintable():  # a lone surrogate stands for a byte of the name that was not UTF-8
            refused.append((article.page or article.path, "the file name is not UTF-8 text, or holds control characters; rename the file to add it"))
            continue
        source_id = by_file.get(relative)
        if source_id is None and article.published is None:
            refused.append((article.page or article.path, "states no publication date; give one in a manifest or with --published DATE"))
            continue
        if source_id is None:
            source_id = _unique(article.source_id, source_ids)
            new_sources.append(_source_entry(article, source_id, relative, published_given, root))
            by_file[relative] = source_id
        reviewed = _held_spans(article.path, [c for c in claims if str(c.get("source")) == source_id])
        for claim, span in zip(article.claims, article.spans):
            # A candidate whose words overlap a claim the file holds for this article is that claim, whatever
            # review made of it: narrowed, edited or rejected, it never comes back.
            if any(span[0] < end and start < span[1] for start, end in reviewed):
                skipped += 1
                continue
            # A quote the file holds is skipped whatever it now says (the reviewer may have edited or rejected
            # it). In one run, one sentence can give several claims (two counts, two places): all are kept.
            said = (source_id, fold_quote(claim.quote), _says(claim))
            if said[:2] in held or said in added:
                skipped += 1
                continue
            added.add(said)
            record = claim.model_dump(mode="json", exclude_defaults=True)
            record.update(id=_unique(claim.id.replace(article.source_id, source_id, 1), claim_ids), source=source_id)
            record["reviewed"] = False
            new_claims.append(record)
    return new_sources, new_claims, skipped, refused


def _held_spans(path: Path, claims: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where the quotes of the claims the file holds for one article stand in its text (a quote found once)."""
    if not claims:
        return []
    try:
        article = fold(read_text(path, limit=MAX_ARTICLE_BYTES, what="article"))
    except TroopclaimsError:  # the extractor read it a moment ago; a vanished file is merged on quotes alone
        return []
    found = (find_quote(article, str(c.get("quote", "")), limit=2) for c in claims if str(c.get("quote", "")).strip())
    return [spans[0] for spans in found if len(spans) == 1]


def _says(claim: Claim) -> str:
    """What a claim says beyond its quote: two claims of one sentence that differ here are two claims."""
    return claim.model_dump_json(exclude={"id", "source", "quote", "reviewed", "status", "note"})


def _source_entry(article: Extracted, source_id: str, relative: str, published_given: bool, root: Path) -> dict[str, Any]:
    assert article.published is not None  # undated articles are refused in _plan
    published: dict[str, Any] = {"date": article.published.value, "basis": "stated" if article.stated else "inferred"}
    if article.dated_by:
        # A file inside the tree is named from its root ("given in articles/manifest.csv:2"), wherever it ran from.
        published["reason"] = article.dated_by.replace(f"{root.as_posix()}/", "")
    elif not article.stated:
        published["reason"] = "given with --published when the article was added" if published_given else "unknown"
    if article.time:
        published["time"] = article.time
    entry: dict[str, Any] = {"id": source_id, "file": relative, "outlet": article.outlet or "unknown", "title": article.title}
    entry.update({key: value for key, value in (("url", article.url), ("author", article.author), ("agency", article.agency)) if value})
    entry["published"] = published
    read_from = f" from the saved page {article.page.name}" if article.page else ""
    entry["notes"] = f"Added by troopclaims{read_from}: outlet, title and date to be reviewed."
    return entry


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _insert(text: str, key: str, items: list[dict[str, Any]], newline: str) -> str:
    """Text with items added to the top-level list `key`, everything else byte for byte."""
    if not items:
        return text
    block = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    node = _top_level(text, key)
    if node is None:
        before = "" if text.endswith("\n") or not text else newline
        return text + before + f"{key}:{newline}" + _indented(block, 2, newline)
    if not isinstance(node, yaml.SequenceNode):
        raise TroopclaimsError(f"'{key}' is not a list; cannot add to it")
    if node.flow_style:
        if node.value:
            raise TroopclaimsError(f"'{key}' is written as a flow list [...]; write it as a block list to merge into it")
        # "sources: []" becomes "sources:" and the block list under it
        inserted = _indented(block, 2, newline).removesuffix(newline)
        return text[: node.start_mark.index].rstrip(" ") + newline + inserted + text[node.end_mark.index :]
    at = end_of_node(text, node)  # trailing comments and blank lines stay after the new items
    before = newline if at == len(text) and not text.endswith("\n") else ""  # a last line with no line end
    return text[:at] + before + _indented(block, node.start_mark.column, newline) + text[at:]


def _top_level(text: str, key: str) -> yaml.Node | None:
    root = yaml.compose(text, Loader=StrictLoader)
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((value for name, value in root.value if name.value == key), None)


def _indented(block: str, column: int, newline: str) -> str:
    pad = " " * column
    return "".join((pad + line if line.strip() else line) + newline for line in block.split("\n")[:-1])


def _verify(path: Path, before: str, after: str, sources: int, claims: int) -> None:
    """The merged text must parse and hold exactly the old entries plus the new ones."""
    try:
        old, new = load_located(before).data, load_located(after).data
    except YamlProblem as exc:  # pragma: no cover - a bug in the insertion, never the user's data
        raise TroopclaimsError(f"{path}: merging would produce invalid YAML ({exc.message}); the file was not changed") from None
    for key, added in (("sources", sources), ("claims", claims)):
        before_items, after_items = old.get(key) or [], new.get(key) or []
        if after_items[: len(before_items)] != before_items or len(after_items) != len(before_items) + added:
            raise TroopclaimsError(f"{path}: merging would change existing {key}; the file was not changed")
