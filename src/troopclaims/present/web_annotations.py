"""Claims as W3C Web Annotations (JSON-LD), for Hypothesis and other annotation tools.

One annotation per claim. Its target is the claim's article: the article's URL when the data file
gives one, else a URN naming the source. Two selectors point into the article text troopclaims read:
a TextQuoteSelector (exact words with 32 code points of context either side) and a
TextPositionSelector whose start and end count Unicode code points, as the Web Annotation model
defines them (not UTF-16 units as a browser's string does, nor bytes). On a live web page only the
quote selector can be trusted; the positions hold for the stored text.

The body is two resources: a TextualBody a person reads, and the claim's fields as data under the
troopclaims vocabulary declared in the annotation's own context.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote as url_quote

from ..datafile import Claim, Dataset, Source
from .tidy import known_outlet
from .wording import claim_phrase

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "urn:troopclaims:vocab:"
#: Code points of article text kept either side of the quote, as Hypothesis keeps.
CONTEXT_CHARS = 32

#: The claim's fields, as terms of the troopclaims vocabulary. Counts and dates are flattened
#: ("countValue", "whenText") and the source renamed so that no term redefines one of the
#: annotation model's ("value", "source").
CLAIM_TERMS = (
    "claimId",
    "claimSource",
    "kind",
    "speaker",
    "speakerRole",
    "cited",
    "actor",
    "countQualifier",
    "countValue",
    "countLow",
    "countHigh",
    "countText",
    "unit",
    "movement",
    "origin",
    "destination",
    "location",
    "polarity",
    "modality",
    "duration",
    "whenText",
    "whenValue",
    "whenKind",
    "reviewed",
    "note",
    "outlet",
    "published",
)


def context() -> list[Any]:
    """The JSON-LD context of every exported annotation: the W3C one, then troopclaims' terms."""
    terms: dict[str, Any] = {"tc": VOCAB, "TroopClaim": "tc:TroopClaim"}
    for term in CLAIM_TERMS:
        terms[term] = f"tc:{term}"
    return [ANNO_CONTEXT, terms]


def claim_iri(claim_id: str) -> str:
    return f"urn:troopclaims:claim:{url_quote(claim_id, safe='')}"


def article_iri(source: Source) -> str:
    return source.url if source.url else f"urn:troopclaims:source:{url_quote(source.id, safe='')}"


def claim_fields(claim: Claim, source: Source) -> dict[str, Any]:
    """The claim as flat data under troopclaims' terms; fields the claim leaves empty are left out."""
    count = claim.count
    fields: dict[str, Any] = {
        "claimId": claim.id,
        "claimSource": claim.source,
        "kind": claim.kind,
        "speaker": claim.speaker,
        "speakerRole": claim.speaker_role,
        "cited": claim.cited,
        "actor": claim.actor,
        "countQualifier": count.qualifier if count else None,
        "countValue": count.value if count else None,
        "countLow": count.low if count else None,
        "countHigh": count.high if count else None,
        "countText": count.text if count else None,
        "unit": claim.unit,
        "movement": claim.movement,
        "origin": claim.origin,
        "destination": claim.destination,
        "location": claim.location,
        "polarity": claim.polarity,
        "modality": claim.modality,
        "duration": claim.duration,
        "whenText": claim.when.text if claim.when else None,
        "whenValue": claim.when.value if claim.when else None,
        "whenKind": claim.when.kind if claim.when else None,
        "reviewed": claim.reviewed,
        "note": claim.note,
        "outlet": source.outlet,
        "published": source.published.date,
    }
    return {key: value for key, value in fields.items() if value is not None}


def describe(claim: Claim, source: Source) -> str:
    """One line a reader of the annotation sees: who says what, in troopclaims' words."""
    outlet = known_outlet(source)
    who = claim.speaker or (f"{outlet}, in the outlet's own words" if outlet else "The article, in its own words")
    return f"{who}: {claim_phrase(claim)}"


def annotation(dataset: Dataset, claim: Claim) -> dict[str, Any]:
    source = dataset.source_of(claim)
    text = dataset.texts[claim.source]
    start, end = dataset.spans[claim.id]
    selectors = [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_CHARS) : start],
            "suffix": text[end : end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]
    tags = ["troopclaims", claim.kind, *([claim.movement] if claim.movement else [])]
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "value": describe(claim, source)},
        *({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in tags),
        {"id": claim_iri(claim.id), "type": "TroopClaim", **claim_fields(claim, source)},
    ]
    return {
        "@context": context(),
        "id": f"{claim_iri(claim.id)}:annotation",
        "type": "Annotation",
        "motivation": "describing",
        "generator": {"type": "Software", "name": "troopclaims"},
        "body": body,
        "target": {
            "source": article_iri(source),
            "selector": selectors,
        },
    }


def web_annotations(dataset: Dataset, claims: list[Claim] | None = None) -> list[dict[str, Any]]:
    """One Web Annotation per claim, in the data file's order."""
    return [annotation(dataset, claim) for claim in (dataset.claims if claims is None else claims)]
