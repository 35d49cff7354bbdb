"""Write the JSON Schemas of troopclaims' machine outputs (docs/schemas/*.json).

Run: python docs/schemas/make_schemas.py          (rewrites the schemas)
     python docs/schemas/make_schemas.py --check  (exit 1 when a schema file is not current)

The CSV columns come from the code (present/tidy.py, present/findings_views.py), so a column added there
without its schema fails `tests/test_schemas.py`: every output is validated against these files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from troopclaims.cli.conflicts import KINDS
from troopclaims.present.findings_views import CONFLICT_CSV, EVENT_CSV
from troopclaims.present.tidy import CLAIM_CSV, TIMELINE_CSV

WRITTEN: dict[str, str] = {}

OUT = Path(__file__).resolve().parent
BASE = "https://github.com/troopclaims/troopclaims/blob/main/docs/schemas/"
S = {"type": "string"}
NS = {"type": ["string", "null"]}
NI = {"type": ["integer", "null"], "minimum": 0}
ID = {"type": "string", "pattern": "^[^\\s]+$"}
DAY = {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"}
VALUE = {"type": "string", "pattern": "^\\d{4}(-W\\d{2}|-\\d{2}(-\\d{2}(T(MO|AF|EV|NI))?)?)?$"}
PRECISION = {"enum": ["year", "month", "week", "day", "part_of_day"]}
DATE_KIND = {"enum": ["point", "open_interval", "deadline"]}
BASIS = {"enum": ["data file", "resolved", "publication"]}
PLACE_ID = {"type": ["string", "null"], "pattern": "^([A-Z]{2}(-[A-Z0-9]{1,3})?|geonames:\\d+|compass:[A-Z]{2}:[a-z]{1,2})$"}
COUNTRY = {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"}
QUALIFIER = {"enum": ["exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague"]}


def obj(props, required=None, extra=False):
    return {"type": "object", "properties": props, "required": list(required if required is not None else props),
            "additionalProperties": extra}


DEFS = {
    "place": obj({"id": PLACE_ID, "name": S, "kind": NS, "country": COUNTRY}),
    "places": {"type": "object", "propertyNames": {"enum": ["origin", "destination", "location"]},
               "additionalProperties": {"$ref": "#/$defs/place"}},
    "count": {"oneOf": [{"type": "null"}, obj({"qualifier": QUALIFIER, "value": NI, "low": {"type": "integer", "minimum": 0},
                                               "high": NI, "text": NS})]},
    "date": obj({"value": VALUE, "start": DAY, "end": DAY, "precision": PRECISION, "kind": DATE_KIND, "basis": BASIS}),
    "published": obj({"value": VALUE, "start": DAY, "end": DAY, "precision": PRECISION}),
}

claim = obj({
    "id": ID, "source": ID, "status": {"enum": ["active", "rejected"]}, "reviewed": {"type": "boolean"},
    "quote": S, "kind": S, "speaker": NS, "speaker_role": NS, "cited": NS, "actor": NS,
    "count": {"$ref": "#/$defs/count"}, "unit": NS, "movement": NS, "origin": NS, "destination": NS, "location": NS,
    "polarity": {"enum": ["asserted", "denied"]}, "modality": S, "duration": NS,
    "when": {"oneOf": [{"type": "null"}, obj({"text": S, "value": {"oneOf": [{"type": "null"}, VALUE]}, "kind": DATE_KIND})]},
    "note": NS, "outlet": S, "date": VALUE, "start": NI, "end": NI,
    "conflicts": {"type": "array", "items": ID}, "published": {"$ref": "#/$defs/published"},
    "event_date": {"$ref": "#/$defs/date"}, "places": {"$ref": "#/$defs/places"},
})
timeline_row = obj({
    "date": VALUE, "precision": PRECISION, "start": DAY, "end": DAY, "kind": DATE_KIND, "basis": BASIS, "reason": S,
    "claim": ID, "source": ID, "reported": VALUE, "speaker": NS, "summary": S, "conflicts": {"type": "array", "items": ID},
    "reviewed": {"type": "boolean"}, "places": {"$ref": "#/$defs/places"},
})
ref = obj({"claim": ID, "source": ID, "published": VALUE, "speaker": NS, "cited": NS,
           "date": obj({"value": VALUE, "start": DAY, "end": DAY, "precision": PRECISION}),
           "reviewed": {"type": ["boolean", "null"]}}, extra=True)
side_value = {
    "type": "object", "required": ["type"],
    "properties": {
        "type": {"enum": ["count", "date", "place", "answer"]},
        "qualifier": QUALIFIER, "value": True, "low": NI, "high": NI, "text": NS,
        "name": S, "id": PLACE_ID, "kind": NS, "country": COUNTRY, "home": {"type": "boolean"},
        "answer": S,
    },
    "allOf": [
        {"if": {"properties": {"type": {"const": "place"}}}, "then": {"required": ["name", "id", "kind", "country"]}},
        {"if": {"properties": {"type": {"const": "count"}}}, "then": {"required": ["qualifier", "value", "low", "high"]}},
        {"if": {"properties": {"type": {"const": "answer"}}}, "then": {"required": ["answer"]}},
    ],
}
conflict = obj({
    # <event>.<kind>.<scope>; an attribution dispute across events has no event
    "id": {"type": "string", "pattern": "^([^.\\s]+\\.)?[a-z]+\\.[^\\s]+$"}, "event": NS,
    "kind": {"enum": list(KINDS)},
    "severity": {"enum": ["hard", "soft"]}, "topic": S,
    # 'unreviewed': fewer than two sides have a reviewed claim, so the conflict rests on candidates nobody has read
    "review": {"enum": ["reviewed", "partly reviewed", "unreviewed"]},
    "sides": {"type": "array", "minItems": 2, "items": obj({"label": S, "reviewed": {"type": "boolean"}, "value": side_value,
                                                           "claims": {"type": "array", "items": ref}}, extra=True)},
    "claims": {"type": "array", "items": ID}, "sources": {"type": "array", "items": ID}, "speakers": {"type": "array", "items": S},
    "explanation": S, "notes": {"type": "array", "items": S},
    "places": {"type": "object", "additionalProperties": {"$ref": "#/$defs/places"}},
}, required=["id", "event", "kind", "severity", "review", "topic", "sides", "claims", "explanation", "notes"], extra=True)
event = obj({
    "id": ID, "actor": S, "label": S, "start": DAY, "end": DAY, "places": {"type": "array", "items": S},
    "claims": {"type": "array", "items": obj({"claim": ID, "how": {"enum": ["first", "place", "no place", "vague date", "alone"]},
                                              "reason": S, "reviewed": {"type": ["boolean", "null"]}}, extra=True)},
    "conflicts": {"type": "array", "items": ID}, "notes": {"type": "array", "items": S},
    "place_refs": {"type": "array", "items": obj({"role": {"enum": ["from", "to"]}, "name": S, "id": PLACE_ID, "kind": NS,
                                                  "country": COUNTRY})},
}, required=["id", "actor", "label", "start", "end", "places", "place_refs", "claims", "conflicts"], extra=True)
check = obj({
    "path": S, "valid": {"type": "boolean"},
    "problems": {"type": "array", "items": {"type": "object", "required": ["line", "column", "severity", "message"],
                                             "properties": {"line": {"type": "integer"}, "column": {"type": "integer"},
                                                            "severity": {"enum": ["error", "warning"]}, "message": S}}},
    "claims": NI, "unreviewed": NI, "rejected": NI,
}, required=["path", "valid", "problems"], extra=True)


def write(name, title, description, item, array=True):
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + name, "title": title,
              "description": description, "$defs": {**DEFS, "item": item}}
    schema.update({"type": "array", "items": {"$ref": "#/$defs/item"}} if array else {"$ref": "#/$defs/item"})
    WRITTEN[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


JSONL = " With --format jsonl each line is one item ($defs/item)."
write("list.schema.json", "troopclaims list --format json", "The claims, each with every field of the data file and its count, places and date as data." + JSONL, claim)
write("timeline.schema.json", "troopclaims timeline --format json", "One row per claim, at the date it happened (or was reported, --by reported)." + JSONL, timeline_row)
write("conflicts.schema.json", "troopclaims conflicts --format json", "The conflicts, each with its sides, their values as data and the claims on each." + JSONL, conflict)
write("events.schema.json", "troopclaims events --format json", "The events, each with its claims and how each joined it." + JSONL, event)
write("check.schema.json", "troopclaims check --format json", "The check of one data file.", check, array=False)


def csv_schema(name, title, columns, cells):
    props = {column: cells.get(column, {"type": "string"}) for column in columns}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + name, "title": title,
              "description": "One CSV row, as a header-keyed object; every cell is text, NA marks a value that does not exist.",
              "type": "object", "properties": props, "required": list(columns), "additionalProperties": False}
    WRITTEN[name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def NA_OR(pattern: str) -> dict[str, Any]:
    """A cell holding NA or text of the pattern."""
    return {"type": "string", "pattern": f"^(NA|{pattern})$"}



INT = "\\d+"
DAYP = "\\d{4}-\\d{2}-\\d{2}"
VALP = "\\d{4}(-W\\d{2}|-\\d{2}(-\\d{2}(T(MO|AF|EV|NI))?)?)?"
PID = "[A-Z]{2}(-[A-Z0-9]{1,3})?|geonames:\\d+|compass:[A-Z]{2}:[a-z]{1,2}"

claim_cells = {
    "claim": NA_OR("[^\\s]+"), "published": NA_OR(VALP), "published_start": NA_OR(DAYP), "published_end": NA_OR(DAYP),
    "published_precision": {"enum": ["year", "month", "week", "day", "part_of_day"]}, "reviewed": {"enum": ["true", "false"]},
    "polarity": {"enum": ["asserted", "denied"]},
    "count_qualifier": {"enum": ["NA", "exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague"]},
    "count_value": NA_OR(INT), "count_low": NA_OR(INT), "count_high": NA_OR(INT),
    **{f"{role}_id": NA_OR(PID) for role in ("origin", "destination", "location")},
    **{f"{role}_country": NA_OR("[A-Z]{2}") for role in ("origin", "destination", "location")},
    "date_value": NA_OR(VALP), "date_start": NA_OR(DAYP), "date_end": NA_OR(DAYP),
    "date_precision": {"enum": ["year", "month", "week", "day", "part_of_day"]},
    "date_kind": {"enum": ["point", "open_interval", "deadline"]}, "date_basis": {"enum": ["data file", "resolved", "publication"]},
    "quote_start": NA_OR(INT), "quote_end": NA_OR(INT), "conflicts": NA_OR("[^\\s]+( [^\\s]+)*"),
}
csv_schema("list.csv.schema.json", "troopclaims list --format csv", CLAIM_CSV, claim_cells)
csv_schema("timeline.csv.schema.json", "troopclaims timeline --format csv", TIMELINE_CSV, {**claim_cells, "axis": {"enum": ["happened", "reported"]}})
csv_schema("conflicts.csv.schema.json", "troopclaims conflicts --format csv", CONFLICT_CSV, {
    "severity": {"enum": ["hard", "soft"]}, "side": {"type": "string", "pattern": "^\\d+$"},
    "value_type": {"enum": ["count", "date", "place", "answer"]}, "reviewed": {"enum": ["true", "false", "NA"]},
    "review": {"enum": ["reviewed", "partly reviewed", "unreviewed"]},
    "published": NA_OR(VALP), "claim_date": NA_OR(VALP), "claim_date_start": NA_OR(DAYP), "claim_date_end": NA_OR(DAYP),
    "qualifier": {"enum": ["NA", "exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague"]},
    "figure": NA_OR(INT), "low": NA_OR(INT), "high": NA_OR(INT),
    "date_value": NA_OR(VALP), "date_start": NA_OR(DAYP), "date_end": NA_OR(DAYP),
    "place_id": NA_OR(PID), "country": NA_OR("[A-Z]{2}"),
})
csv_schema("events.csv.schema.json", "troopclaims events --format csv", EVENT_CSV, {
    "start": NA_OR(DAYP), "end": NA_OR(DAYP), "reviewed": {"enum": ["true", "false", "NA"]},
    "how": {"enum": ["first", "place", "no place", "vague date", "alone"]},
})


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = [name for name, text in WRITTEN.items() if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"stale schemas: {', '.join(stale)}: run python docs/schemas/make_schemas.py", file=sys.stderr)
            return 1
        return 0
    for name, text in WRITTEN.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(WRITTEN)} schemas to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
