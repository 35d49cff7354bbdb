"""How well the extractor reads a reviewed data file's articles: precision and recall per field.

A candidate (extracted) claim and a reviewed claim are compared when their quotes overlap in the
same article. For each field:

* recall: of the reviewed claims that fill the field, how many overlap a candidate with an equal value;
* precision: of the candidates that fill the field, how many overlap a reviewed claim with an equal value.

Overlap rather than one-to-one pairing, because the two sides cut text differently: a reviewer may
quote a clause where the extractor quotes the sentence, or split one sentence into two claims.
Equal means: counts by qualifier, figures and the head noun of the unit ("armored vehicles" ~
"vehicles"); places by what the gazetteer resolves them to (a reviewer's "Town, Province, Country"
by its first part); speakers by name ignoring case, "the" and a missing first name; dates by the
expression as written, one containing the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Claim, Count, DataFile, find_quote, fold
from ..errors import TroopclaimsError
from ..files import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, read_text
from ..world import Gazetteer, load_gazetteer


@dataclass(frozen=True)
class Score:
    field: str
    reviewed: int  # reviewed claims that fill the field
    found: int  # ... of which an overlapping candidate has the same value
    candidates: int  # candidate claims that fill the field
    correct: int  # ... of which an overlapping reviewed claim has the same value

    @property
    def recall(self) -> float | None:
        return self.found / self.reviewed if self.reviewed else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.candidates if self.candidates else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass(frozen=True)
class _Located:
    claim: Claim
    start: int
    end: int

    def overlaps(self, other: _Located) -> bool:
        return self.start < other.end and other.start < self.end


Getter = Callable[[Claim], object | None]
Same = Callable[[object, object], bool]


def evaluate(dataset_path: Path) -> list[Score]:
    """Extract every article of a data file and score the candidates against its reviewed claims."""
    from .extract import extract_article

    path = Path(dataset_path)
    data = _load(path)
    root = (path.parent / data.root) if data.root else path.parent
    gazetteer = load_gazetteer(path.parent / data.gazetteer if data.gazetteer else None)
    reviewed: list[_Located] = []
    candidates: list[_Located] = []
    for source in data.sources:
        text = read_text(root / source.file, limit=MAX_ARTICLE_BYTES, what="article")
        folded = fold(text)
        for claim in data.claims:
            if claim.source == source.id:
                spans = find_quote(folded, claim.quote)
                if spans:
                    reviewed.append(_Located(claim, *spans[0]))
        for claim in extract_article(text, source_id=source.id, published=source.published.parsed):
            start = text.find(claim.quote)
            candidates.append(_Located(claim, start, start + len(claim.quote)))
    return [_score(name, getter, same, reviewed, candidates) for name, getter, same in _fields(gazetteer)]


def _load(path: Path) -> DataFile:
    import yaml
    from pydantic import ValidationError

    try:
        raw = yaml.safe_load(read_text(path, limit=MAX_DATA_BYTES, what="data"))
        return DataFile.model_validate(raw)
    except yaml.YAMLError as exc:
        raise TroopclaimsError(f"{path}: not YAML: {exc}") from None
    except ValidationError as exc:
        raise TroopclaimsError(f"{path}: not a troopclaims data file ({exc.error_count()} errors); run 'troopclaims check'") from None


def _score(name: str, getter: Getter, same: Same, reviewed: list[_Located], candidates: list[_Located]) -> Score:
    def agree(one: _Located, others: list[_Located]) -> bool:
        value = getter(one.claim)
        return any(
            o.claim.source == one.claim.source and o.overlaps(one)
            and (other := getter(o.claim)) is not None and same(value, other)
            for o in others
        )

    filled_reviewed = [r for r in reviewed if getter(r.claim) is not None]
    filled_candidates = [c for c in candidates if getter(c.claim) is not None]
    return Score(
        field=name,
        reviewed=len(filled_reviewed),
        found=sum(agree(r, candidates) for r in filled_reviewed),
        candidates=len(filled_candidates),
        correct=sum(agree(c, reviewed) for c in filled_candidates),
    )


# --- fields and their equality ------------------------------------------------------------------------------

def _fields(gazetteer: Gazetteer) -> list[tuple[str, Getter, Same]]:
    def place(value: object, other: object) -> bool:
        return _same_place(gazetteer, str(value), str(other))

    return [
        ("count (force)", _count_of("force"), _same_count),
        ("count (casualties, displaced, trained)", _count_of("casualties", "displaced", "trained"), _same_count),
        ("origin", lambda c: c.origin, place),
        ("destination", lambda c: c.destination, place),
        ("location", lambda c: c.location, place),
        ("movement", lambda c: c.movement, lambda a, b: a == b),
        ("speaker", lambda c: c.speaker, lambda a, b: _same_name(str(a), str(b))),
        # The extractor emits claims about forces, not every attributed statement: this row leaves statements out.
        ("speaker (claims about forces)", lambda c: c.speaker if c.kind != "statement" else None,
         lambda a, b: _same_name(str(a), str(b))),
        ("cited", lambda c: c.cited, lambda a, b: _same_name(str(a), str(b))),
        ("date", lambda c: c.when.text if c.when else None, lambda a, b: _same_date(str(a), str(b))),
    ]


def _count_of(*kinds: str) -> Getter:
    def getter(claim: Claim) -> object | None:
        return (claim.count, claim.unit) if claim.count is not None and claim.kind in kinds else None

    return getter


def _head(unit: object) -> str:
    words = str(unit or "").lower().split()
    head = words[-1] if words else ""
    return head[:-1] if head.endswith("s") else head


def _same_count(one: object, other: object) -> bool:
    if not (isinstance(one, tuple) and isinstance(other, tuple)):
        return False
    a, b = one[0], other[0]
    if not (isinstance(a, Count) and isinstance(b, Count)):
        return False
    if a.qualifier != b.qualifier or _head(one[1]) != _head(other[1]):
        return False
    if a.qualifier == "vague":
        words = [re.sub(r"^(?:a|an|another|some)\s+", "", (c.text or "").lower().strip()) for c in (a, b)]
        return (a.low, a.high) == (b.low, b.high) or words[0] == words[1]
    return (a.value, a.low, a.high) == (b.value, b.low, b.high)


def _same_place(gazetteer: Gazetteer, one: str, other: str) -> bool:
    if _plain(one) == _plain(other):
        return True
    first = [gazetteer.lookup(value.split(",")[0]) for value in (one, other)]
    return first[0] is not None and first[1] is not None and first[0].name == first[1].name


def _plain(text: str) -> str:
    words = re.sub(r"[-‐–—]", " ", text.lower()).split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _same_name(one: str, other: str) -> bool:
    a, b = _plain(one).split(), _plain(other).split()
    if not a or not b:
        return False
    # "Doe" and "Jane Doe" are one person; "al-Rashid" and "Al-Rashid" one spelling.
    return a == b or (a[-1] == b[-1] and (len(a) == 1 or len(b) == 1))


def _same_date(one: str, other: str) -> bool:
    a, b = _plain(one), _plain(other)
    return bool(a and b) and (a in b or b in a)
