"""Forces a clause names as taking part in something, when it has no count and no movement word.

"Burundian troops were fighting alongside the army in South Kivu", "the president denies troops in Congo": no
figure and no movement, but a claim about where forces are (or are not) all the same. The parse says
whether the forces are a participant (the subject or object of a verb, or what a preposition governs),
not a modifier ("troop levels") or part of a title ("the army chief").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..world import Gazetteer, TextIndex
from .denial import tree_polarity
from .motion import FORCE_RE, Motion, modality_at
from .places import first_place, places_in, written_name
from .saying import DENYING, SAYING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tree import Piece

#: How forces take part: as a subject, an object, what a preposition governs, or a headline's bare noun.
_PARTICIPANT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT", "attr", "appos"})
_WORD_RE = re.compile(r"\S+")


def presence(text: str, start: int, end: int, gazetteer: Gazetteer, index: TextIndex, piece: Piece | None) -> Motion | None:
    """A claim that the forces named in text[start:end] are there (movement "hold" where a place says where)."""
    if piece is None:
        return None
    for force in FORCE_RE.finditer(text, start, end):
        token = next(piece.tokens(force.start(), force.end()), None)
        if token is None or token.dep_ not in _PARTICIPANT or token.pos_ not in ("NOUN", "PROPN"):
            continue
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and head.lower_ in SAYING:
            continue  # "the army told civilians ...": a speaker, not forces taking part
        verb = head.head if token.dep_ == "pobj" else head
        if (verb.lower_ in DENYING and token.dep_ in ("dobj", "pobj")) or any(
                child.dep_ == "det" and child.lower_ == "no" for child in token.children):
            polarity = "denied"  # "the president denies troops in Congo", "there are no foreign troops in the province"
        else:
            polarity = tree_polarity(piece, piece.start(verb if verb.pos_ in ("VERB", "AUX") else token)) or "asserted"
        return _there(text, start, end, gazetteer, index, piece, (force.start(), force.end()), verb, polarity)
    return _actor_present(text, start, end, gazetteer, index, piece)


def _actor_present(text: str, start: int, end: int, gazetteer: Gazetteer, index: TextIndex, piece: Piece) -> Motion | None:
    """An actor said to be present somewhere: "al-Shabaab is no longer present in Kismayo"."""
    for token in piece.tokens(start, end):
        if token.lower_ != "present" or token.dep_ != "acomp":
            continue
        verb = token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not index.actors_in(piece.start(subject.left_edge), piece.end(subject)):
            continue
        polarity = tree_polarity(piece, piece.start(verb)) or "asserted"
        return _there(text, start, end, gazetteer, index, piece, (piece.start(token), piece.end(token)), verb, polarity)
    return None


def _there(text: str, start: int, end: int, gazetteer: Gazetteer, index: TextIndex, piece: Piece,
           span: tuple[int, int], verb: Token, polarity: str) -> Motion:
    places = places_in(text, start, end, gazetteer, index, piece)
    location = first_place(places, "in", start)
    word = _WORD_RE.match(text, piece.start(verb))
    return Motion(
        movement="hold" if location is not None else None,
        verb_start=span[0],
        verb_end=span[1],
        polarity=polarity,
        modality=modality_at(text, start, word) if word is not None else "fact",
        origin=None,
        destination=None,
        location=written_name(text, places, location, gazetteer) if location is not None else None,
        noun=False,
    )
