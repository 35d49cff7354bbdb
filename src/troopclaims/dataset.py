"""Loading a data file into a Dataset, collecting every problem on the way rather than stopping at the first."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .anchors import Folded, find_quote, fold, fold_quote, line_of
from .errors import Problem, TroopclaimsError
from .fileio import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, read_text
from .model import Claim, DataFile, Source
from .yamlio import Loc, Located, YamlProblem, load_located, problem_at


@dataclass
class Dataset:
    """A validated data file with its articles read and every quote anchored."""

    path: Path
    root: Path
    header: DataFile
    sources: dict[str, Source]
    claims: list[Claim]
    texts: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def source_of(self, claim: Claim) -> Source:
        return self.sources[claim.source]

    def claims_of(self, source_id: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.source == source_id]

    @property
    def gazetteer_path(self) -> Path | None:
        return (self.path.parent / self.header.gazetteer) if self.header.gazetteer else None


@dataclass
class CheckResult:
    path: Path
    problems: list[Problem]
    dataset: Dataset | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_dataset(path: Path) -> Dataset:
    """Load a data file for use; raise TroopclaimsError naming the first problem if it is not clean."""
    result = check_file(path)
    if result.errors or result.dataset is None:
        errors = result.errors
        more = f" (and {len(errors) - 1} more: run 'troopclaims check {path}')" if len(errors) > 1 else ""
        raise TroopclaimsError(f"{errors[0]}{more}", errors)
    return result.dataset


def check_file(path: Path) -> CheckResult:
    """Every problem of a data file: syntax, schema, references, articles, quotes and counts."""
    name = str(path)
    try:
        text = read_text(path, limit=MAX_DATA_BYTES, what="data")
    except TroopclaimsError as exc:
        return CheckResult(path, exc.problems, None)
    try:
        located = load_located(text)
    except YamlProblem as exc:
        return CheckResult(path, [Problem(name, exc.line, exc.column, exc.message, "yaml")], None)
    if located.data is None:
        return CheckResult(path, [Problem(name, 0, 0, "the data file is empty; it needs 'sources' and 'claims'")], None)
    if not isinstance(located.data, dict):
        kind = type(located.data).__name__
        return CheckResult(
            path, [problem_at(name, located, (), f"the data file holds {kind}; it must be a mapping with 'sources' and 'claims'")], None
        )
    checker = _Checker(path, located)
    dataset = checker.run()
    return CheckResult(path, sorted(set(checker.problems)), dataset)


class _Checker:
    def __init__(self, path: Path, located: Located) -> None:
        self.path = path
        self.name = str(path)
        self.located = located
        self.problems: list[Problem] = []

    def report(self, loc: Loc, message: str, *, key: bool = False, code: str = "invalid", severity: str = "error") -> None:
        problem = problem_at(self.name, self.located, loc, message, key=key, code=code)
        self.problems.append(Problem(problem.path, problem.line, problem.column, message, code, severity))

    def run(self) -> Dataset | None:
        data: dict[str, Any] = self.located.data
        header = self._header(data)
        sources = self._items(data, "sources", Source)
        claims = self._items(data, "claims", Claim)
        if header is None:
            return None
        root = self._root(header)
        by_id = self._unique(sources, "sources", "source")
        self._unique(claims, "claims", "claim")
        dataset = Dataset(self.path, root or self.path.parent, header, {s.id: s for _, s in sources}, [c for _, c in claims])
        if root is not None:
            self._articles(dataset, by_id)
            if header.gazetteer:
                self._gazetteer(root, header.gazetteer)
        folded = {sid: fold(text) for sid, text in dataset.texts.items()}
        for index, claim in claims:
            loc: Loc = ("claims", index)
            if claim.source not in by_id:
                self.report((*loc, "source"), f"claim {claim.id!r} names source {claim.source!r}, which is not among the sources", code="reference")
                continue
            if claim.source in folded:
                self._anchor(dataset, claim, loc, folded[claim.source])
            self._count_in_quote(claim, loc)
        return dataset

    # --- structure -----------------------------------------------------------------------------------------

    def _header(self, data: dict[str, Any]) -> DataFile | None:
        if "sources" not in data:
            self.report((), "the data file has no 'sources' list", code="schema")
        rest = {key: value for key, value in data.items() if key not in ("sources", "claims")}
        try:
            return DataFile.model_validate({**rest, "sources": [], "claims": []})
        except ValidationError as exc:
            self._validation(exc, (), DataFile)
            return None

    def _items(self, data: dict[str, Any], key: str, model: type[BaseModel]) -> list[tuple[int, Any]]:
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.report((key,), f"'{key}' must be a list", code="schema")
            return []
        valid = []
        for index, item in enumerate(items):
            try:
                valid.append((index, model.model_validate(item)))
            except ValidationError as exc:
                self._validation(exc, (key, index), model)
        return valid

    def _validation(self, exc: ValidationError, prefix: Loc, model: type[BaseModel]) -> None:
        for error in exc.errors(include_url=False):
            loc: Loc = (*prefix, *error["loc"])
            where = _dotted(loc)
            kind = error["type"]
            if kind == "extra_forbidden":
                field_name = str(error["loc"][-1])
                allowed = _fields_at(model, error["loc"][:-1])
                hint = difflib.get_close_matches(field_name, allowed, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known fields: {', '.join(allowed)}"
                self.report(loc, f"{where}: unknown field '{field_name}'{suggestion}", key=True, code="schema")
            elif kind == "missing":
                self.report(loc[:-1], f"{where}: required field '{loc[-1]}' is missing", code="schema")
            else:
                message = error["msg"].removeprefix("Value error, ")
                self.report(loc, f"{where}: {message}", code="schema")

    def _unique(self, items: list[tuple[int, Any]], key: str, what: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for index, item in items:
            if item.id in seen:
                first_line = self.located.position((key, seen[item.id], "id"))[0]
                self.report((key, index, "id"), f"duplicate {what} id {item.id!r} (first at line {first_line})", code="reference")
            else:
                seen[item.id] = index
        return seen

    # --- files ---------------------------------------------------------------------------------------------

    def _root(self, header: DataFile) -> Path | None:
        folder = self.path.parent.resolve()
        if header.root is None:
            return folder
        root = (folder / header.root).resolve()
        if root != folder and root not in folder.parents:
            self.report(("root",), f"root {header.root!r} is not the data file's folder or one of its parents", code="reference")
            return None
        return root

    def _inside(self, root: Path, relative: str, loc: Loc, what: str) -> Path | None:
        candidate = Path(relative)
        if candidate.is_absolute():
            self.report(loc, f"{what} {relative!r} is an absolute path; give it relative to {root}", code="reference")
            return None
        resolved = (root / candidate).resolve()
        if resolved != root and root not in resolved.parents:
            self.report(loc, f"{what} {relative!r} lies outside the data file's folder tree ({root})", code="reference")
            return None
        return resolved

    def _articles(self, dataset: Dataset, by_id: dict[str, int]) -> None:
        for source_id, index in by_id.items():
            source = dataset.sources[source_id]
            loc: Loc = ("sources", index, "file")
            article = self._inside(dataset.root, source.file, loc, "source file")
            if article is None:
                continue
            try:
                dataset.texts[source_id] = read_text(article, limit=MAX_ARTICLE_BYTES, what="article")
            except TroopclaimsError as exc:
                reason = exc.problems[0].message if exc.problems else str(exc)
                self.report(loc, f"source file {source.file!r}: {reason}", code="reference")

    def _gazetteer(self, root: Path, relative: str) -> None:
        self._inside(root, relative, ("gazetteer",), "gazetteer file")

    # --- claims against their articles -----------------------------------------------------------------------

    def _anchor(self, dataset: Dataset, claim: Claim, loc: Loc, article: Folded) -> None:
        text = dataset.texts[claim.source]
        spans = find_quote(article, claim.quote)
        file = dataset.sources[claim.source].file
        if len(spans) == 1:
            dataset.spans[claim.id] = spans[0]
        elif not spans:
            self.report((*loc, "quote"), f"claim {claim.id!r}: quote not found in {file}{_near_miss(article, text, claim.quote)}", code="quote")
        else:
            places = ", ".join(f"line {line_of(text, start)} [{start}:{end}]" for start, end in spans[:5])
            self.report(
                (*loc, "quote"),
                f"claim {claim.id!r}: quote occurs {len(spans)} times in {file} ({places}); lengthen it so it occurs once",
                code="quote",
            )

    def _count_in_quote(self, claim: Claim, loc: Loc) -> None:
        from .numbers import mentions_number, mentions_words

        count = claim.count
        if count is None:
            return
        if count.qualifier == "vague":
            if count.text and not mentions_words(claim.quote, count.text):
                self.report((*loc, "count", "text"), f"claim {claim.id!r}: count {count.text!r} does not appear in its quote", code="count")
            return
        for name in ("value", "low", "high"):
            number = getattr(count, name)
            if number is not None and not mentions_number(claim.quote, number):
                self.report((*loc, "count", name), f"claim {claim.id!r}: count {number:,} does not appear in its quote (as digits or words)", code="count")


def _near_miss(article: Folded, text: str, quote: str) -> str:
    """Say how much of the quote does match, so the reviewer knows where to look."""
    needle = fold_quote(quote)
    low, high = 0, len(needle)
    while low < high:  # longest prefix of the quote that occurs in the article
        middle = (low + high + 1) // 2
        if needle[:middle] in article.text:
            low = middle
        else:
            high = middle - 1
    if low < 12:
        return ""
    at = article.text.find(needle[:low])
    line = line_of(text, article.origin[at])
    return f"; its first {low} characters match at line {line}, then it has {needle[low:low + 20]!r}"


def _dotted(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Field names of the (nested) model that loc points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        annotation = info.annotation
        args = getattr(annotation, "__args__", ())
        current = next((arg for arg in (annotation, *args) if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
        if current is None:
            return []
    return sorted(getattr(current, "model_fields", {}))
