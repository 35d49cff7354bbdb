"""Whether a movement is denied, read from the dependency parse.

A movement verb is denied when it, or a verb it depends on short of a verb of saying, is negated ("are
not going back", "will not be sent"); when it is what a verb of denying says ("denied that troops were
leaving", "rejected reports that troops had crossed"); or when it fills out a noun that "no" negates
("no plans to move them", "no sign of troops leaving"). motion.py's rules on the surface string still
catch what the tree does not show ("rather than go home", "instead of withdrawing").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .saying import DENYING, SAYING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tree import Piece

#: What a denial may be about: "denied reports that", "dismissed claims that".
_REPORTS = frozenset(
    "report reports claim claims allegation allegations suggestion suggestions rumours rumors speculation idea ideas "
    "notion concept".split())
#: Nouns that "no" negates together with the movement they lead to: "no plans to", "no sign of".
_INTENT = frozenset(
    "plan plans intention intentions sign signs evidence indication indications question decision order orders "
    "request need reason".split()
)
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_CONCESSIVE = frozenset({"despite", "amid", "notwithstanding"})
_RULE = frozenset({"rule", "rules", "ruled", "ruling", "excluding", "exclude", "excluded"})


def tree_polarity(piece: Piece, verb_start: int) -> str | None:
    """"denied" or "asserted" for the movement whose word begins at verb_start, where the parse settles it.

    "asserted" only when the words above the verb reach a negated verb of saying with no denial on the way:
    the negation the surface rules see nearby ("did not say when ... would leave") is about the saying. None
    leaves the question to the surface rules.
    """
    token = next((t for t in piece.tokens(verb_start, verb_start + 1)), None)
    if token is not None and any(child.dep_ in ("nsubj", "nsubjpass") and _none_of(child) for child in token.children):
        return "denied"  # "no troops will remain", "not a single soldier left"
    current = token
    joined = False  # reached from a conjoined clause with a subject of its own, whose negation is not ours
    path: set[int] = set()  # the words on the way whose negation would be the movement's
    for _ in range(6):
        if current is None:
            return None
        if not joined:
            path.add(current.i)
        if not joined and any(child.dep_ == "neg" or (child.dep_ == "advmod" and (child.lower_ in _NEGATORS or any(
                grand.dep_ == "neg" for grand in child.children))) for child in current.children):  # "no longer"
            # "not ruling out sending troops" leaves it possible: two negations
            return None if current.lower_ in _RULE and any(c.lower_ == "out" for c in current.children) else "denied"
        head = current.head
        if head is current:
            return None
        if current.dep_ == "pobj" and head.lower_ in _CONCESSIVE:
            return "asserted"  # "denied any plans to invade despite reports of a build-up": the build-up stands
        if current.dep_ == "ccomp" and head.lower_ in DENYING:
            return "denied"  # "denied that troops were leaving"
        if head.lower_ in _REPORTS and (head.head.lower_ in DENYING or (head.dep_ == "pobj" and head.head.head.lower_ in DENYING)):
            return "denied"  # "rejected reports that troops had crossed", "scoffed at the idea that"
        if head.pos_ == "NOUN" and head.lower_ in _INTENT and _no_before(head):
            return "denied"  # "no plans to move them", "no sign of troops leaving"
        if head.lower_ in SAYING and head.lower_ not in DENYING:
            if any(child.dep_ in ("nsubj", "nsubjpass") and _nobody(child) for child in head.children):
                return "denied"  # "no one has said that troops will stay"
            # A negated saying ("did not say when they would leave") negates the saying, not the movement; so
            # does a negation in a clause beside the movement's ("would not alter the plan and troops will stay").
            return "asserted" if any(child.dep_ == "neg" for child in head.children) or _aside(head, path) else None
        # "would not alter the plan and the battalion will stay": "stay" is not negated
        joined = current.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        current = head if current.dep_ not in ("pobj",) else head.head
    return None


def _no_before(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == "no" for child in noun.children)


def _none_of(subject: Token) -> bool:
    """Forces that "no" or "not a single" governs: none of them; not "no fewer than 500 troops", a bound."""
    if any(child.dep_ == "nummod" for child in subject.children):
        return False
    return _no_before(subject) or any(child.dep_ == "neg" for child in subject.children)


def _nobody(subject: Token) -> bool:
    return subject.lower_ in ("nobody", "none") or (subject.lower_ == "one" and _no_before(subject))


def _aside(saying: Token, path: set[int]) -> bool:
    """Are all the negations under a verb of saying off the way from the movement up to it (and no "rather
    than" or "instead of", which the surface rules read), so that none of them is about the movement?"""
    words = list(saying.subtree)
    negations = [t for t in words if t.dep_ == "neg" or (t.lower_ in _NEGATORS and t.dep_ == "advmod")]
    return bool(negations) and all(t.head.i not in path for t in negations) and not any(
        t.lower_ in ("rather", "instead") for t in words)
