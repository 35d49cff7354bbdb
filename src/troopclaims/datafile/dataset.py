"""Loading a data file into a Dataset, collecting every problem on the way rather than stopping at the first."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, TroopclaimsError
from ..files import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, Loc, Located, YamlProblem, load_located, problem_at, read_text
from .anchors import Folded, find_quote, fold, fold_quote, line_of
from .describe import dotted, fields_at, near_miss, resolve_path
from .model import Claim, DataFile, Source
from .quick import quick_validate

if TYPE_CHECKING:
    from ..world import Gazetteer

#: check_file stops after this many problems: a hostile or badly broken file could otherwise
#: produce millions of lines (and spend minutes producing them).
MAX_PROBLEMS = 1000
#: Occurrences of one quote listed before "at least" is said.
_MAX_OCCURRENCES = 100


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
    located: Located | None = None  # the parse it was built from: positions for later warnings
    rejected: list[Claim] = field(default_factory=list)  # turned down in review: checked, then left out of every view
    #: A gazetteer file given on the command line (--gazetteer), on top of the data file's own.
    extra_gazetteer: Path | None = None
    _by_source: dict[str, list[Claim]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def unreviewed(self) -> int:
        """Claims still to review: candidates neither accepted nor rejected."""
        return sum(not claim.reviewed for claim in self.claims)

    def source_of(self, claim: Claim) -> Source:
        return self.sources[claim.source]

    def claims_of(self, source_id: str) -> list[Claim]:
        # Indexed once (claims are not changed after loading): asking for every source's claims costs
        # one pass over the claims, not one pass per source.
        if self._by_source is None:
            self._by_source = {}
            for claim in self.claims:
                self._by_source.setdefault(claim.source, []).append(claim)
        return list(self._by_source.get(source_id, ()))

    @property
    def gazetteer_path(self) -> Path | None:
        return (self.path.parent / self.header.gazetteer) if self.header.gazetteer else None

    def gazetteer(self) -> Gazetteer:
        """The one gazetteer of this dataset: built in, then the data file's `gazetteer:`, then --gazetteer."""
        from ..world import load_gazetteer

        return load_gazetteer(self.gazetteer_path, self.extra_gazetteer)


@dataclass
class CheckResult:
    path: Path
    problems: list[Problem]
    dataset: Dataset | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_dataset(path: Path, text: str | None = None, gazetteer: Path | None = None) -> Dataset:
    """Load a data file for use; raise TroopclaimsError naming the first problem if it is not clean.

    gazetteer: a file of places (--gazetteer) on top of the data file's own.
    """
    result = check_file(path, text)
    if result.errors or result.dataset is None:
        errors = result.errors
        more = f" (and {len(errors) - 1} more: run 'troopclaims check {path}')" if len(errors) > 1 else ""
        raise TroopclaimsError(f"{errors[0]}{more}", errors)
    if gazetteer is not None:
        result.dataset.extra_gazetteer = gazetteer
        result.dataset.gazetteer()  # a bad file is reported now, whether or not the command needs places
    return result.dataset


def check_file(path: Path, text: str | None = None) -> CheckResult:
    """Every problem of a data file: syntax, schema, references, articles, quotes and counts.

    text, when given, is the file's content already read (standard input): path then only names it
    in messages, and its folder is the one source files are found from.
    """
    name = str(path)
    if text is None:
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
    try:
        dataset = checker.run()
    except _TooMany:
        stop = Problem(name, 0, 0, f"stopped after {MAX_PROBLEMS:,} problems; fix these and check again", "limit")
        return CheckResult(path, [*sorted(set(checker.problems)), stop], None)
    return CheckResult(path, sorted(set(checker.problems)), dataset)


class _TooMany(Exception):
    """Raised inside the checker when MAX_PROBLEMS have been found."""


class _Checker:
    def __init__(self, path: Path, located: Located) -> None:
        self.path = path
        self.name = str(path)
        self.located = located
        self.problems: list[Problem] = []
        self.article_paths: dict[str, Path] = {}  # source id -> resolved article file
        self.empty: set[str] = set()  # source ids whose article has no text

    def report(self, loc: Loc, message: str, *, key: bool = False, code: str = "invalid", severity: str = "error") -> None:
        problem = problem_at(self.name, self.located, loc, message, key=key, code=code)
        self.add(Problem(problem.path, problem.line, problem.column, message, code, severity))

    def add(self, problem: Problem) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooMany
        self.problems.append(problem)

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
        dataset = Dataset(
            self.path, root or self.path.parent, header, {s.id: s for _, s in sources}, [c for _, c in claims],
            located=self.located,
        )
        if root is not None:
            self._articles(dataset, by_id)
            if header.gazetteer:
                self._gazetteer(root, header.gazetteer)
        # Claims are anchored article by article, so that one folded article (about fifty
        # bytes per character) is in memory at a time, and an article shared by several
        # sources is folded once.
        by_article: dict[Path, list[tuple[int, Claim]]] = {}
        invalid_sources = self._invalid_source_ids(data)
        for index, claim in claims:
            loc: Loc = ("claims", index)
            if claim.source not in by_id:
                if claim.source not in invalid_sources:  # its own errors are reported already
                    self.report((*loc, "source"), f"claim {claim.id!r} names source {claim.source!r}, which is not among the sources", code="reference")
                continue
            if claim.source in dataset.texts and claim.source not in self.empty:
                by_article.setdefault(self.article_paths[claim.source], []).append((index, claim))
            self._count_in_quote(claim, loc)
        for items in by_article.values():
            article = fold(dataset.texts[items[0][1].source])
            for index, claim in items:
                self._anchor(dataset, claim, ("claims", index), article)
        dataset.rejected = [claim for claim in dataset.claims if claim.status == "rejected"]
        dataset.claims = [claim for claim in dataset.claims if claim.status != "rejected"]
        return dataset

    def _invalid_source_ids(self, data: dict[str, Any]) -> set[str]:
        """Ids of every source written, valid or not: a claim naming an invalid one needs no second problem."""
        items = data.get("sources")
        if not isinstance(items, list):
            return set()
        return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}

    # --- structure -----------------------------------------------------------------------------------------

    def _header(self, data: dict[str, Any]) -> DataFile | None:
        if "sources" not in data:
            self.report((), "the data file has no 'sources' list", code="schema")
        rest = {key: value for key, value in data.items() if key not in ("sources", "claims")}
        header = self._validate(DataFile, {**rest, "sources": [], "claims": []}, ())
        return header if isinstance(header, DataFile) else None

    def _items(self, data: dict[str, Any], key: str, model: type[BaseModel]) -> list[tuple[int, Any]]:
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            self.report((key,), f"'{key}' must be a list", code="schema")
            return []
        valid = []
        for index, item in enumerate(items):
            checked = self._validate(model, item, (key, index))
            if checked is not None:
                valid.append((index, checked))
        return valid

    def _validate(self, model: type[BaseModel], item: Any, loc: Loc) -> BaseModel | None:
        quick = quick_validate(model, item)
        if quick is not None:
            return quick
        try:
            return model.model_validate(item)
        except ValidationError as exc:
            self._validation(exc, loc, model)
        except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
            # A validator that fails other than with ValueError (say, OverflowError from a date at
            # the end of the calendar) must still be a problem with a position, not a crash.
            self.report(loc, f"{dotted(loc)}: cannot be read: {exc}", code="schema")
        return None

    def _validation(self, exc: ValidationError, prefix: Loc, model: type[BaseModel]) -> None:
        for error in exc.errors(include_url=False):
            loc: Loc = (*prefix, *error["loc"])
            where = dotted(loc)
            kind = error["type"]
            if kind == "extra_forbidden":
                field_name = str(error["loc"][-1])
                allowed = fields_at(model, error["loc"][:-1])
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
        root = resolve_path(folder / header.root)
        if isinstance(root, str):
            self.report(("root",), f"root {header.root!r}: {root}", code="reference")
            return None
        if root != folder and root not in folder.parents:
            self.report(("root",), f"root {header.root!r} is not the data file's folder or one of its parents", code="reference")
            return None
        return root

    def _inside(self, root: Path, relative: str, loc: Loc, what: str, *, base: Path | None = None) -> Path | None:
        """The file relative names (from base, default root), fully resolved, if it lies within root.

        Resolving follows every symbolic link, so a link inside the tree that points outside it
        is refused like a '..' path; a link that stays inside is fine.
        """
        candidate = Path(relative)
        base = base or root
        if candidate.is_absolute():
            self.report(loc, f"{what} {relative!r} is an absolute path; give it relative to {base}", code="reference")
            return None
        resolved = resolve_path(base / candidate)
        if isinstance(resolved, str):
            self.report(loc, f"{what} {relative!r}: {resolved}", code="reference")
            return None
        if resolved != root and root not in resolved.parents:
            self.report(loc, f"{what} {relative!r} lies outside the data file's folder tree ({root})", code="reference")
            return None
        return resolved

    def _articles(self, dataset: Dataset, by_id: dict[str, int]) -> None:
        # Several sources may name one file: it is read once and its text shared, so a data file
        # naming one 5 MB article a hundred thousand times costs 5 MB, not 500 GB.
        read: dict[Path, str | TroopclaimsError] = {}
        for source_id, index in by_id.items():
            source = dataset.sources[source_id]
            loc: Loc = ("sources", index, "file")
            article = self._inside(dataset.root, source.file, loc, "source file")
            if article is None:
                continue
            if article not in read:
                try:
                    read[article] = read_text(article, limit=MAX_ARTICLE_BYTES, what="article")
                except TroopclaimsError as exc:
                    read[article] = exc
            text = read[article]
            if isinstance(text, TroopclaimsError):
                reason = text.problems[0].message if text.problems else str(text)
                first = text.problems[0] if text.problems else None
                where = f", line {first.line} column {first.column}" if first and first.line else ""
                self.report(loc, f"source file {source.file!r}{where}: {reason}", code="reference")
                continue
            dataset.texts[source_id] = text
            self.article_paths[source_id] = article
            if not text.strip():
                self.empty.add(source_id)
                self.report(loc, f"source file {source.file!r}: the article is empty; put the article's text in it", code="reference")

    def _gazetteer(self, root: Path, relative: str) -> None:
        # Read relative to the data file's folder, as Dataset.gazetteer_path (and so every command) does.
        path = self._inside(root, relative, ("gazetteer",), "gazetteer file", base=self.path.parent.resolve())
        if path is None:
            return
        from ..world import load_gazetteer

        try:
            load_gazetteer(path)
        except TroopclaimsError as exc:
            if not exc.problems:
                self.report(("gazetteer",), f"gazetteer file {relative!r}: {str(exc).removeprefix(f'{path}: ')}", code="reference")
            for problem in exc.problems:
                self.add(problem)

    # --- claims against their articles -----------------------------------------------------------------------

    def _anchor(self, dataset: Dataset, claim: Claim, loc: Loc, article: Folded) -> None:
        span, problem = anchor_quote(claim, article, dataset.texts[claim.source], dataset.sources[claim.source].file)
        if span is not None:
            dataset.spans[claim.id] = span
        if problem is not None:
            self.report((*loc, "quote"), problem, code="quote")

    def _count_in_quote(self, claim: Claim, loc: Loc) -> None:
        for field_name, problem in count_problems(claim):
            self.report((*loc, "count", field_name), problem, code="count")


def anchor_quote(claim: Claim, article: Folded, text: str, file: str) -> tuple[tuple[int, int] | None, str | None]:
    """Where the claim's quote stands in its article (folded), or why it cannot be anchored there."""
    if not fold_quote(claim.quote):
        return None, f"claim {claim.id!r}: the quote is blank; copy the claim's words from the article"
    spans = find_quote(article, claim.quote, limit=_MAX_OCCURRENCES)
    if len(spans) == 1:
        return spans[0], None
    if not spans:
        return None, f"claim {claim.id!r}: quote not found in {file}{near_miss(article, text, claim.quote)}"
    places = ", ".join(f"line {line_of(text, start)} [{start}:{end}]" for start, end in spans[:5])
    times = f"at least {len(spans)}" if len(spans) >= _MAX_OCCURRENCES else str(len(spans))
    return None, f"claim {claim.id!r}: quote occurs {times} times in {file} ({places}); lengthen it so it occurs once"


def count_problems(claim: Claim) -> list[tuple[str, str]]:
    """Each part of the claim's count that its quote does not give, with the problem in words."""
    from .mentions import mentions_number, mentions_words

    count = claim.count
    if count is None:
        return []
    if count.qualifier == "vague":
        if count.text and not mentions_words(claim.quote, count.text):
            return [("text", f"claim {claim.id!r}: count {count.text!r} does not appear in its quote")]
        return []
    return [
        (name, f"claim {claim.id!r}: count {number:,} does not appear in its quote (as digits or words)")
        for name in ("value", "low", "high")
        if (number := getattr(count, name)) is not None and not mentions_number(claim.quote, number)
    ]
