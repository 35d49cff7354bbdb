"""Whose forces a clause speaks of."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..world import Gazetteer, TextIndex
from .motion import FORCE_RE
from .people import NOT_NAMES
from .saying import SAYING

if TYPE_CHECKING:
    from .tree import Piece


# --- actors ---------------------------------------------------------------------------------------------------

_WORDS_BEFORE_RE = re.compile(r"[\w.'’-]+|[,;:()\"“”]")
#: The endings of English adjectives for peoples: Korean, Rwandan, Chadian, Congolese, Kurdish, Iraqi, Czech.
_DEMONYM_RE = re.compile(r"(?:an|ese|ish|i|ch)$")
#: Words that tie forces to the body they serve in: "soldiers in the Kosovo Force", "troops serving with UNIFIL".
_BELONGING_RE = re.compile(r"\s+(?:(?:serving|deployed)\s+)?(?:in|of|with)\s+(?:the\s+)?", re.IGNORECASE)
#: Subjects that stand in for whoever said the clause they are in.
_STANDING_IN = frozenset({"it", "they", "we"})


class Actors:
    """Whose forces a clause speaks of, with the article's usual actor as the fallback."""

    def __init__(self, text: str, index: TextIndex, gazetteer: Gazetteer) -> None:
        self.text = text
        self.index = index
        self.gazetteer = gazetteer
        self._default: str | None | bool = False

    @property
    def default(self) -> str | None:
        """The actor that most often names the forces in this article ("US troops", "American forces")."""
        if self._default is False:
            votes: Counter[str] = Counter()
            for match in FORCE_RE.finditer(self.text):
                if match[0][:1].isupper():
                    continue  # "Syrian Democratic Forces" is a name, not forces of the "Syrian" actor
                actor = self.before(match.start(), max(0, match.start() - 30))
                if actor:
                    votes[actor] += 1
            self._default = votes.most_common(1)[0][0] if votes else None
        return self._default if isinstance(self._default, str) else None

    def before(self, position: int, floor: int) -> str | None:
        """An actor naming the noun at position: 'US troops', 'the American forces', 'Iraqi security forces'."""
        words = _WORDS_BEFORE_RE.findall(self.text, max(floor, position - 40), position)
        for back in range(1, min(3, len(words)) + 1):
            word = words[-back]
            if word in ",;:()\"“”":
                return None
            if word.islower() and len(word) <= 3:
                continue  # "is", "its", "the": function words, whatever acronym they spell ("IS")
            if back > 1:
                pair = self.gazetteer.actor_for(f"{word} {words[-back + 1]}")
                if pair is not None:
                    return pair
            actor = self.gazetteer.actor_for(word)
            if actor is not None:
                return actor  # up to two words may stand between: "Iraqi security forces", "US Army troops"
        return None

    def in_clause(self, start: int, end: int, near: int) -> str | None:
        """The actor of the force noun nearest to position near: "the US army transported ... 50 soldiers"."""
        best: tuple[int, str] | None = None
        for match in FORCE_RE.finditer(self.text, start, end):
            if match[0][:1].isupper():
                continue  # "Syrian Democratic Forces": part of a name
            actor = self.before(match.start(), start)
            if actor is not None and (best is None or abs(match.start() - near) < best[0]):
                best = (abs(match.start() - near), actor)
        return best[1] if best else None

    def unknown_name(self, start: int, end: int) -> bool:
        """Does the word right before end name the forces with a name no actor here has?

        "10,000 North Korean troops" when the world does not know the adjective: the forces are named, so no
        other actor of the sentence or the article may stand in for them. Only a word shaped like a people's
        adjective counts: "the 82nd Airborne Division" or "two Mirage jets" name a unit or a model, not whose.
        """
        words = _WORDS_BEFORE_RE.findall(self.text, max(start, end - 30), end)
        if not words:
            return False
        word = words[-1]
        return (word[:1].isupper() and _DEMONYM_RE.search(word) is not None and word.lower() not in NOT_NAMES
                and self.gazetteer.actor_for(word) is None and self.gazetteer.lookup(word) is None)

    def member_of(self, unit_end: int, end: int) -> str | None:
        """The mission or group named right after the forces: "soldiers in the Kosovo Force", "fighters of
        the Wagner Group". A country there is where they are ("troops in Syria"), not whose."""
        link = _BELONGING_RE.match(self.text, unit_end, end)
        if link is None:
            return None
        found = self.index.actors_in(link.end(), min(end, link.end() + 60))
        if not found or found[0][0] != link.end():
            return None
        actor = found[0][2]
        return actor if self.gazetteer.country_for_actor(actor) is None else None

    def within(self, start: int, end: int) -> str | None:
        found = self.index.actors_in(start, end)
        return found[-1][2] if found else None

    def subject_in_tree(self, piece: Piece | None, position: int) -> str | None:
        """The actor that is the subject of the verb the word at position hangs on, as the parse reads it.

        "Germany begins troop withdrawal from Jordan": Germany, which the words alone take for an adjective.
        """
        if piece is None:
            return None
        token = next(piece.tokens(position, position + 1), None)
        # deep enough for "Russia denied plans to invade despite reports of a deployment of 50,000 troops"
        for _ in range(12):
            if token is None:
                return None
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in _STANDING_IN and token.dep_ == "ccomp":
                # "NATO announced that it would send 700 troops": "it" is the one who said so
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None) \
                    if token.head.lower_ in SAYING else None
            if subject is not None:
                found = self.index.actors_in(piece.start(subject.left_edge), piece.end(subject))
                return found[-1][2] if found else None
            token = token.head if token.head is not token else None
        return None
