"""Whose word a claim is: the attribution of its clause, else of its sentence, else of the sentences around it.

Takes the sentences of an article with the attributions speech.py found in each clause; gives the one that
applies to a clause. Quotations carry their speaker across sentences, a sentence that follows with "This was
stated by X" gives the one before it X, and a report cited on both sides of a sentence is cited for it too.
"""

from __future__ import annotations

import re

from .people import Attribution
from .text import Sentence

#: A sentence that gives the one before its speaker: "This was stated by X", "That was announced on Monday by Y".
_SAID_BACK_RE = re.compile(r"(?:This|That|It)\s+(?:was|is|has\s+been)\s+(?:stated|said|announced|reported|confirmed|"
                           r"declared|noted|claimed|revealed|disclosed)\s+(?:[\w,]+\s+){0,3}?by\b")


def attribution_of(text: str, sentences: list[Sentence], index: int, clause: tuple[int, int]) -> Attribution:
    """The attribution of the clause of sentence index: its own, one its sentence gives all clauses, or the context's."""
    sentence = sentences[index]
    clause_index = sentence.clauses.index(clause)
    own = sentence.attributions[clause_index]
    if own is not None and (own.speaker or own.cited):
        return _with_republished(own, sentence)
    order = list(range(clause_index - 1, -1, -1)) + list(range(clause_index + 1, len(sentence.clauses)))
    for other in order:
        found = sentence.attributions[other]
        if found is not None and (found.speaker or found.cited) and found.sentence_wide:
            return _with_republished(found, sentence)
    return _with_republished(_from_context(text, sentences, index), sentence)


def _from_context(text: str, sentences: list[Sentence], index: int) -> Attribution:
    """A sentence with no attribution of its own: a quotation run, or a report cited around it."""
    sentence = sentences[index]
    if sentence.quoted or sentence.opens_inside:
        for back in range(index - 1, max(-1, index - 6), -1):
            earlier = sentences[back]
            found = next((a for a in earlier.attributions if a is not None and a.speaker), None)
            if found is not None and earlier.quoted:
                return found
            if not (earlier.quoted or earlier.opens_inside):
                break
        if sentence.closes_open or sentence.quoted:
            for ahead in range(index + 1, min(len(sentences), index + 3)):
                later = sentences[ahead]
                found = next((a for a in later.attributions if a is not None and a.speaker), None)
                if found is not None and (later.opens_inside or (found.bare and ahead == index + 1)):
                    return found  # '"... home." Jane Doe said on Monday.': the next sentence names who
                if not later.opens_inside:
                    break
    if index + 1 < len(sentences) and _SAID_BACK_RE.match(text, sentences[index + 1].start):
        found = next((a for a in sentences[index + 1].attributions if a is not None and a.speaker), None)
        if found is not None:
            return found  # "... . This was stated by X at a briefing."
    before = _cited_near(sentences, range(index - 1, max(-1, index - 4), -1))
    after = _cited_near(sentences, range(index + 1, min(len(sentences), index + 4)))
    if before and before == after:
        return Attribution(cited=before)
    return Attribution()


def _cited_near(sentences: list[Sentence], indices: range) -> str | None:
    for index in indices:
        for found in sentences[index].attributions:
            if found is not None and (found.cited or found.speaker):
                return found.cited
    return None


def _with_republished(found: Attribution, sentence: Sentence) -> Attribution:
    republished = sentence.republished
    if found.cited or republished is None:
        return found
    return Attribution(found.speaker, found.role, republished, found.person)
