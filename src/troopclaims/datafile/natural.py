"""Review's edits as a person types them: "about 450", "on Tuesday", "from Latvia to Estonia", "denied".

An edit is one line. "FIELD: value" sets that field; without a field name, the line is read as the one
field it can only be: a word of one of the closed lists (a polarity, modality, movement, kind or
duration), an amount in the extractor's own grammar (amounts.py), a route ("from X to Y", "from X",
"to Y"), a date expression (read by the caller's resolver, which is the time stage's), or else it is
refused with the reason. Nothing here is YAML: a quote may hold quotation marks and ': '.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, get_args

from .amounts import Amount, parse_amount
from .model import ClaimKind, Count, Duration, Modality, Movement, Polarity, When

#: Fields a reviewer may set; id, source and status are the tool's to manage.
EDITABLE = (
    "quote", "kind", "speaker", "speaker_role", "cited", "actor", "count", "unit", "movement", "origin", "destination",
    "location", "polarity", "modality", "duration", "when", "note",
)
CHOICES: dict[str, tuple[str, ...]] = {
    "polarity": get_args(Polarity), "modality": get_args(Modality), "movement": get_args(Movement),
    "kind": get_args(ClaimKind), "duration": get_args(Duration),
}
_WORD_FIELD = {word: name for name, words in CHOICES.items() for word in words}
_FIELD_RE = re.compile(r"^\s*(?P<field>[A-Za-z][A-Za-z _]*?)\s*:\s*(?P<value>.*)$", re.DOTALL)
_ROUTE_RE = re.compile(r"^(?:from\s+(?P<origin>.+?))?\s*(?:(?<![^\s])to\s+(?P<destination>.+))?$", re.IGNORECASE)
_CLEAR = ("", "-", "none", "nothing")
EDIT_EXAMPLES = "'about 450', 'more than 1,200', 'on Tuesday', 'from Latvia to Estonia', 'denied', 'speaker: Anna Berg'"

#: Reads a date expression against the claim's article: the When to store, or ValueError saying why not.
ResolveWhen = Callable[[str], When]


class EditRefused(ValueError):
    """An edit that cannot be read; the message says why and what to type."""


def parse_edit(line: str, resolve_when: ResolveWhen) -> dict[str, Any]:
    """The fields one typed edit sets, as the data file writes them (None: clear the field)."""
    text = line.strip()
    named = _FIELD_RE.match(text)
    if named is not None:
        field = "_".join(named["field"].lower().split())
        if field in EDITABLE:
            return {field: _value(field, named["value"].strip(), resolve_when)}
    lowered = " ".join(text.lower().split())
    if lowered in _WORD_FIELD:
        return {_WORD_FIELD[lowered]: lowered}
    amount = parse_amount(text)
    if amount is not None:
        return {"count": count_record(amount)}
    route = _ROUTE_RE.match(text)
    if route is not None and (route["origin"] or route["destination"]) and text.lower().startswith(("from ", "to ")):
        return {key: value.strip() for key, value in route.groupdict().items() if value}
    try:
        return {"when": resolve_when(text).model_dump(mode="json", exclude_defaults=True)}
    except ValueError:
        pass
    raise EditRefused(
        f"cannot tell which field {text!r} sets; type an amount, a date, a route or a word such as 'denied' "
        f"(e.g. {EDIT_EXAMPLES}), or FIELD: value with a field among {', '.join(EDITABLE)}"
    )


def _value(field: str, value: str, resolve_when: ResolveWhen) -> Any:
    if value.lower() in _CLEAR:
        return None
    if field == "count":
        amount = parse_amount(value)
        if amount is None:
            raise EditRefused(f"{value!r} is not an amount as articles write them (e.g. 'about 450', 'more than 1,200', '300 to 400', 'hundreds')")
        return count_record(amount)
    if field == "when":
        try:
            return resolve_when(value).model_dump(mode="json", exclude_defaults=True)
        except ValueError as exc:
            raise EditRefused(str(exc)) from None
    if field in CHOICES:
        word = "_".join(value.lower().split())
        if word not in CHOICES[field]:
            raise EditRefused(f"{value!r} is not a {field}; one of: {', '.join(CHOICES[field])}")
        return word
    return value


def count_record(amount: Amount) -> dict[str, Any]:
    """An amount found by the grammar, as a claim's count: the hedge, the figures, the words as written."""
    written = " ".join(amount.text.split())
    if amount.qualifier == "vague":
        count = Count(qualifier="vague", low=amount.low, high=amount.high, text=" ".join(amount.words.split()))
    elif amount.qualifier == "range":
        count = Count(qualifier="range", low=amount.low, high=amount.high, text=written)
    else:
        count = Count(qualifier=amount.qualifier, value=amount.value, text=written)
    return count.model_dump(mode="json", exclude_defaults=True)
