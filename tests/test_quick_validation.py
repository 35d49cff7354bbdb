"""datafile/quick.py holds to pydantic: an item it accepts, model_validate accepts and builds alike; one it
refuses goes to pydantic; plain_data is model_dump(mode="json")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from troopclaims.datafile import Claim, Count, DataFile, Source, When, plain_data
from troopclaims.datafile.model import Published
from troopclaims.datafile.quick import quick_validate
from troopclaims.files import load_located

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted({ROOT / "data" / "claims.yaml", *(ROOT / "tests" / "data").rglob("*.yaml")})


def _same(a: BaseModel, b: BaseModel) -> bool:
    """Equal fields, and the same fields set, all the way down."""
    if type(a) is not type(b) or a.model_fields_set != b.model_fields_set:
        return False
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, BaseModel):
            if not (isinstance(y, BaseModel) and _same(x, y)):
                return False
        elif type(x) is not type(y) or x != y:
            return False
    return True


def _agree(model: type[BaseModel], item: Any) -> BaseModel | None:
    quick = quick_validate(model, item)
    try:
        full = model.model_validate(item)
    except (ValidationError, ArithmeticError, LookupError, TypeError, ValueError):
        assert quick is None, f"accepted what pydantic refuses: {item!r}"
        return None
    if quick is not None:
        assert _same(quick, full), f"built otherwise than pydantic: {item!r}"
        assert plain_data(quick) == full.model_dump(mode="json")
    return quick


def _items(path: Path) -> list[tuple[type[BaseModel], Any]]:
    try:
        data = load_located(path.read_text(encoding="utf-8")).data
    except Exception:  # files of YAML that is itself bad: nothing to validate
        return []
    if not isinstance(data, dict):
        return []
    found: list[tuple[type[BaseModel], Any]] = []
    for key, model in (("sources", Source), ("claims", Claim)):
        if isinstance(data.get(key), list):
            found.extend((model, item) for item in data[key])
    found.append((DataFile, {**{k: v for k, v in data.items() if k not in ("sources", "claims")}, "sources": [], "claims": []}))
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_item_of_the_test_files_is_judged_as_pydantic_judges_it(path: Path) -> None:
    for model, item in _items(path):
        _agree(model, item)


def test_the_bundled_data_is_read_without_pydantic_validators() -> None:
    items = _items(ROOT / "data" / "claims.yaml")
    assert len(items) > 70
    assert all(_agree(model, item) is not None for model, item in items)


_LINES = st.text(max_size=12) | st.sampled_from(["", "US", "a\nb", "x\r", "tail\n", "é", "Ⅳ", "\u0663\u0664:00", "2019-10-13", "2019-13", "18:42", "a" * 2001])
_SCALARS = st.none() | st.booleans() | st.integers(-3, 10_000_002) | st.sampled_from([0, 1, 10_000_000, True, 1.0, "400"]) | _LINES
_COUNTS = st.dictionaries(st.sampled_from(["qualifier", "value", "low", "high", "text", "bogus"]),
                          _SCALARS | st.sampled_from(["exact", "about", "range", "vague", "up_to"]), max_size=5)
_WHENS = st.dictionaries(st.sampled_from(["text", "value", "kind", "bogus"]),
                         _SCALARS | st.sampled_from(["point", "deadline", "2019-10", "2019-W42", "2019-10-13TNI"]), max_size=4)
_CLAIM_KEYS = [*Claim.model_fields, "bogus"]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(_CLAIM_KEYS), _SCALARS | _COUNTS | _WHENS | st.sampled_from(["force", "withdraw", "fact", "denied", "rejected", "c-1"]), max_size=12))
def test_made_up_claims_are_judged_as_pydantic_judges_them(item: dict[str, Any]) -> None:
    _agree(Claim, {"id": "c-1", "source": "s-1", "quote": "They left.", **item})
    _agree(Claim, item)


@settings(max_examples=300, deadline=None)
@given(_COUNTS, _WHENS)
def test_made_up_counts_and_dates_are_judged_as_pydantic_judges_them(count: dict[str, Any], when: dict[str, Any]) -> None:
    _agree(Count, count)
    _agree(When, when)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*Source.model_fields, "bogus"]), _SCALARS, max_size=12),
       st.dictionaries(st.sampled_from(["date", "basis", "reason", "time", "bogus"]),
                       _SCALARS | st.sampled_from(["stated", "inferred", "2019-10-13", "2019", "09:30:00Z", "20:17 GMT"]), max_size=4))
def test_made_up_sources_are_judged_as_pydantic_judges_them(source: dict[str, Any], published: dict[str, Any]) -> None:
    _agree(Published, published)
    _agree(Source, {"id": "s-1", "file": "a.txt", "outlet": "Daily", "title": "Troops leave", **source, "published": published})


_TRICKY: list[Any] = [
    None, True, False, 0, -1, 1, 1.0, 10_000_000, 10_000_001, "400", "", " ", "a\nb", "x\r", "tail\n", "é", "Ⅳ",
    "a" * 201, "a" * 2001, "a" * 5001, "bad id", "ok-id", "_x", "\u0663\u0664:00", "18:42", "20:17 GMT", "09:30:00Z",
    "2019", "2019-10-13", "2019-13", "2019-W42", "en", "EN", "en-GB", "stated", "inferred", "exact", "range", "vague",
    "point", "deadline", "withdraw", "denied", "rejected", [], {}, ["a"],
]


def _variants(item: dict[str, Any], model: type[BaseModel]) -> list[dict[str, Any]]:
    """The item with each field in turn (and one unknown field) set to each tricky value, or left out."""
    found = []
    for name in [*model.model_fields, "bogus"]:
        found.append({k: v for k, v in item.items() if k != name})
        found.extend({**item, name: value} for value in _TRICKY)
    return found


def test_each_field_of_real_items_set_to_tricky_values_is_judged_as_pydantic_judges_it() -> None:
    items = _items(ROOT / "data" / "claims.yaml")
    source = next(item for model, item in items if model is Source)
    counted = next(item for model, item in items if model is Claim and item.get("count"))
    dated = next(item for model, item in items if model is Claim and item.get("when"))
    vague = next(item for model, item in items if model is Claim and (item.get("count") or {}).get("qualifier") == "vague")
    cases: list[tuple[type[BaseModel], dict[str, Any]]] = [
        (Source, source), (Published, source["published"]), (Claim, counted), (Count, counted["count"]),
        (Count, vague["count"]), (Count, {"qualifier": "range", "low": 100, "high": 200}), (Claim, dated),
        (When, dated["when"]), (Published, {"date": "2019-10", "basis": "inferred", "reason": "from the text"}),
    ]
    accepted = 0
    for model, item in cases:
        for variant in _variants(item, model):
            accepted += _agree(model, variant) is not None
    assert accepted > 100  # the quick path is taken, not only refused
