"""Claims as schema.org Claim objects, ready for a fact-checker to review.

troopclaims reports contradictions, not verdicts, so no ClaimReview and no rating is made here. Each
Claim carries what a ClaimReview's itemReviewed needs: the words (text), who made the claim (author:
the speaker, or the outlet when the article says it in its own words; left out when the article names
neither), when it was published, and where it appeared (a NewsArticle with its url, headline, outlet
and date).
"""

from __future__ import annotations

from typing import Any

from ..datafile import Claim, Dataset, Source
from .tidy import known_outlet

SCHEMA_CONTEXT = "https://schema.org"


def _outlet(source: Source) -> dict[str, Any] | None:
    outlet = known_outlet(source)
    return {"@type": "Organization", "name": outlet} if outlet else None


def _author(claim: Claim, source: Source) -> dict[str, Any] | None:
    """The speaker; for the outlet's own words the outlet, or nobody when the article does not name it."""
    if not claim.speaker:
        return _outlet(source)
    person: dict[str, Any] = {"@type": "Person", "name": claim.speaker}
    if claim.speaker_role:
        person["jobTitle"] = claim.speaker_role
    return person


def appearance(source: Source) -> dict[str, Any]:
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.published.date,
        "inLanguage": source.language,
    }
    publisher = _outlet(source)
    if publisher:
        article["publisher"] = publisher
    if source.url:
        article["url"] = source.url
    if source.translated and source.original_language:
        article["translationOfWork"] = {"@type": "CreativeWork", "inLanguage": source.original_language}
    return article


def claim_object(dataset: Dataset, claim: Claim) -> dict[str, Any]:
    source = dataset.source_of(claim)
    start, end = dataset.spans[claim.id]
    record: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Claim",
        "identifier": claim.id,
        # The words as they stand in the article, not the data file's copy, which may differ in spacing or quote marks.
        "text": dataset.texts[claim.source][start:end],
        "datePublished": source.published.date,
        "appearance": appearance(source),
        # A CreativeWork's status: whether a person has read this claim against its article, or only the extractor has.
        "creativeWorkStatus": "reviewed" if claim.reviewed else "candidate (not reviewed)",
    }
    author = _author(claim, source)
    if author:
        record["author"] = author
    if claim.cited:  # the agency or monitor the outlet relies on, as text: schema.org's citation takes a work or text
        record["citation"] = claim.cited
    return record


def claim_objects(dataset: Dataset, claims: list[Claim] | None = None) -> list[dict[str, Any]]:
    """One schema.org Claim per claim of the data file, in its order."""
    return [claim_object(dataset, claim) for claim in (dataset.claims if claims is None else claims)]
