"""The part a place plays, read from the dependency parse: where forces come from, go to, or are.

A place's role is the preposition that governs it, read up the tree through nouns such as "base",
"south" or "territory" ("from their base in Gao" is from Gao; "into the north of Syria" is into Syria):
from / out of -> origin, to / into / towards -> destination, in / at / inside -> where they are,
across / through / via -> the way. "left A for B" makes B a destination, and the object of a verb of
leaving or entering an origin or a destination. The parse decides the structure only; whether a name is
a place at all is the world index's decision (places.py), except for a capitalised name that a
movement word governs and that the index does not know: that stays an unresolved place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tree import Piece

_ROLES = {
    "from": "origin", "to": "destination", "into": "destination", "towards": "destination", "toward": "destination",
    "onto": "destination", "in": "in", "at": "in", "inside": "in", "within": "in", "across": "via", "through": "via",
    "via": "via",
}
#: Nouns read through to the preposition above them: "from their base in X", "into the north of X".
THROUGH = frozenset(
    "base bases camp camps countryside city town towns village villages outskirts area areas province region regions "
    "part parts border borders territory soil side bank banks east west north south northeast northwest southeast "
    "southwest centre center heart capital interior rest direction vicinity positions position frontier zone zones "
    "sector sectors district districts location locations site sites".split()
)
#: Nouns that "on" makes a place the forces are in: "on Malian territory", "on Syrian soil".
_GROUND = frozenset({"territory", "soil", "ground", "side"})
LEAVING = frozenset(
    "leave leaves leaving left exit exits exited exiting depart departs departed departing evacuate evacuates "
    "evacuated evacuating abandon abandons abandoned abandoning quit quits quitting vacate vacates vacated vacating".split()
)
STATIONED = frozenset({"stationed", "based", "garrisoned", "deployed"})
#: Verbs that take forces "stationed in X" out of X, besides those of leaving.
_MOVING_OUT = frozenset(
    "withdraw withdraws withdrew withdrawn withdrawing pull pulls pulled pulling move moves moved moving redeploy "
    "redeploys redeployed redeploying relocate relocates relocated relocating return returns returned returning "
    "bring brings brought bringing send sends sent sending transfer transfers transferred transferring shift shifts "
    "shifted shifting fly flies flew flown flying reduce reduces reduced reducing cut cuts deployment deployments "
    "withdrawal withdrawals redeployment transfer departure relocation pullout pull-out evacuation".split()
)
ENTERING = frozenset(
    "enter enters entered entering invade invades invaded invading reach reaches reached reaching occupy occupies "
    "occupied occupying".split()
)


def _span_head(piece: Piece, start: int, end: int) -> Token | None:
    """The token of text[start:end] whose head lies outside it: the name's own head word."""
    tokens = list(piece.tokens(start, end))
    for token in tokens:
        if token.head is token or not start <= piece.start(token.head) < end:
            return token
    return None


def tree_role(piece: Piece, start: int, end: int) -> str | None:
    """origin, destination, in, via or other for the name at text[start:end]; None when the parse cannot say."""
    token = _span_head(piece, start, end)
    for _ in range(4):
        if token is None:
            return None
        if token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.lower_ in THROUGH | _GROUND:
            token = token.head  # "Syrian territory", "the Gao base"
            continue
        if token.lower_ in _GROUND and token.dep_ == "pobj" and token.head.lower_ == "on":
            return "in"  # "remain on Syrian soil"
        if token.dep_ == "dobj":
            verb = token.head.lower_
            return "origin" if verb in LEAVING else "destination" if verb in ENTERING else None
        if token.dep_ not in ("pobj", "pcomp"):
            return None
        preposition = token.head
        word = preposition.lower_
        governor = preposition.head
        if word == "of":
            if governor.lower_ == "out" or (governor.lower_ == "direction"):
                return "origin" if governor.lower_ == "out" else "destination"
            if governor.lower_ in THROUGH:
                token = governor
                continue
            return "other"
        if word == "for" and governor.lower_ in LEAVING:
            return "destination"  # "left Jordan for Cyprus"
        if word in ("in", "at") and _speaking(governor):
            return "other"  # "officials in Stockholm denied ...": where the speaker is, not the forces
        if word in ("in", "at", "near", "outside") and governor.lower_ in THROUGH and governor.dep_ in ("pobj", "dobj"):
            token = governor  # "from its base in X" is from X
            continue
        if word in ("in", "at") and (
                (governor.lower_ in LEAVING and any(c.dep_ == "dobj" for c in governor.children))
                or (governor.lower_ in STATIONED and governor.dep_ in ("acl", "relcl", "amod") and _moved_out(governor.head))):
            # "left their bases in X"; "withdraw troops stationed in X" moves them out of X. Not "one brigade
            # left in X" (that stayed), "had deployed in X" (where they went) nor "there are troops deployed in X".
            return "origin"
        return _ROLES.get(word, "other")
    return None


def _moved_out(noun: Token) -> bool:
    """Does a movement take the forces this noun names somewhere: "withdraw troops stationed in X", "the
    deployment of troops from a division based at X"? Read up through prepositions and their nouns."""
    for _ in range(5):
        head = noun.head
        if head is noun:
            return False
        if head.lower_ in LEAVING | _MOVING_OUT:
            return True
        if head.dep_ != "prep" and noun.dep_ != "prep" and noun.dep_ != "pobj":
            return False
        noun = head
    return False


def _speaking(noun: Token) -> bool:
    """Is noun the one who speaks: the subject of a verb of saying, or a noun inside that subject?"""
    from .saying import SAYING

    for _ in range(4):
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lower_ in SAYING:
            return True
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return False
        noun = noun.head.head  # "sources at the ministry in Ankara said"
    return False


#: Last words of names of units and bodies, which "to" and "from" govern as often as places.
_BODIES = frozenset(
    "force forces division brigade regiment battalion army command group corps unit units ministry council "
    "committee government mission alliance coalition agency office authority authorities party union".split()
)


@dataclass(frozen=True)
class NamedPlace:
    """A capitalised name in a place's role that the world index does not know."""

    start: int
    end: int
    name: str
    role: str


def unknown_places(piece: Piece, start: int, end: int, known: list[tuple[int, int]], movement: frozenset[str]) -> list[NamedPlace]:
    """Proper names governed by from/to/into/out of/in under a movement word, or the object of a verb of
    leaving or entering, that no known place or actor covers (known: their spans)."""
    found: list[NamedPlace] = []
    for token in piece.tokens(start, end):
        # Entity labels are not trusted to say what is a place (the small model calls "Mali" a person and
        # "Kidal" a nationality), only to rule out dates; nationalities are actors, which the index knows.
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in ("DATE", "TIME"):
            continue
        role: str | None = None
        if token.dep_ == "dobj" and token.head.lower_ in LEAVING | ENTERING:
            role = "origin" if token.head.lower_ in LEAVING else "destination"
        elif token.dep_ == "pobj" and _moving(token.head.head, movement):
            preposition = token.head
            role = "origin" if preposition.lower_ == "of" and preposition.head.lower_ == "out" else _ROLES.get(preposition.lower_)
        if role not in ("origin", "destination", "in"):
            continue
        if token.lower_ in _BODIES:
            continue  # "to the EAC Regional Force", "from the 82nd Airborne Division": a unit, not a place
        first = token
        while first.i > 0 and first.nbor(-1).dep_ in ("compound", "flat") and first.nbor(-1).pos_ == "PROPN":
            first = first.nbor(-1)
        name_start, name_end = piece.start(first), piece.end(token)
        if any(s < name_end and name_start < e for s, e in known):
            continue
        found.append(NamedPlace(name_start, name_end, piece.doc.text[first.idx:token.idx + len(token)], str(role)))
    return found


def _moving(governor: Token, movement: frozenset[str]) -> bool:
    """Is the word a preposition hangs on a movement ("withdrew from", "redeployment to", "back to")?"""
    word = governor.lower_
    if word in ("back", "out", "home", "away") and governor.head is not governor:
        word = governor.head.lower_
    return word in movement
