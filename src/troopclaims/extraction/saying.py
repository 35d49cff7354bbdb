"""Who says a sentence, read from its dependency parse: the subject of a verb of saying, "according to X".

The parse gives the structure only: which noun phrase is the subject of "said" (before or after it, past
a title, an apposition or an adverbial), which verb a participle ("adding that") or a second verb ("and
warned") hangs on, and what "according to" governs. Whether that phrase is a person, an office, an
organisation or an outlet is decided by speech.py, from the words, as for any other phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .people import MEDIA_WORDS, ORG_WORDS, ROLE_HEADS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .tree import Piece


def _forms(alternatives: str) -> frozenset[str]:
    words: set[str] = set()
    for word in alternatives.split("|"):
        if "[sz]" in word:
            words.update(word.replace("[sz]", letter) for letter in "sz")
        else:
            words.add(word)
    return frozenset(words)


#: Verbs of denying: what they govern is denied (denial.py), and their subject says so.
DENYING = frozenset(
    "deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed dismissing refute "
    "refutes refuted refuting scoff scoffs scoffed scoffing".split()
)
#: Verb forms of saying; "reports" and "report" are left to the rules on surface text (nouns as often as verbs).
SAYING = (_forms(SPEECH_VERBS) | DENYING) - {"reports", "report"}
#: Modifiers kept with the head of a speaker's noun phrase: "Russia's top general", "the defence minister".
_NP_PARTS = frozenset({"compound", "amod", "det", "poss", "nmod", "case", "flat", "nummod", "quantmod", "nn"})
#: Prepositions kept with it: "chief of the general staff", "a spokesman for the ministry", "a report by X".
_NP_PREPOSITIONS = frozenset({"of", "for", "by"})
#: What a verb of saying with nothing said after it may still have: "Jane Doe told reporters on Monday."
_BARE_PARTS = frozenset({"nsubj", "nsubjpass", "punct", "prep", "npadvmod", "advmod", "aux", "dobj", "dative", "cc"})
#: People who saw or heard it, quoted as a group or one of them: "witnesses said", "a Gao resident told".
WITNESSES = frozenset(
    "witness witnesses eyewitness eyewitnesses resident residents local locals villager villagers worker workers "
    "employee employees refugee refugees survivor survivors inhabitant inhabitants civilian civilians".split())
#: Common nouns that can say something: people, offices, bodies and outlets. Any other noun as the subject
#: of a verb of saying is a thing ("the drills have added to", "the terms say", "the footage shows").
SPEAKING_NOUNS = ORG_WORDS | ROLE_HEADS | MEDIA_WORDS | WITNESSES | frozenset(
    "officials sources spokespeople spokesmen diplomats diplomat analyst experts expert witnesses witness residents "
    "resident observers observer monitors people man woman men women soldier soldiers officer officers commander "
    "commanders lawmaker lawmaker legislator politician politicians member members representatives delegation "
    "mission staff team committee board service services union bloc organisation organization group groups "
    "movement state states country countries nation nations capital minister ministers source aide aides insider "
    "insiders researcher researchers investigator investigators statement".split())
_QUANTIFIERS = frozenset("most some many all one several two three each both none few".split())
_CONTENT = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "mark", "attr"})


@dataclass(frozen=True)
class Cue:
    """A verb of saying (or "according to") and the phrase of who says it, as offsets into the article."""

    start: int  # the cue word
    end: int
    word: str
    phrase: tuple[int, int]
    after: bool  # the phrase follows the cue ("said Jane Doe", "according to the ministry")
    according: bool
    bare: bool  # nothing is said after the verb: "Jane Doe said." points at the quotation before it
    person: bool = False  # the phrase is a name the parser does not tag as a place or body ("Dembele told reporters")


def cues(piece: Piece, start: int, end: int) -> Iterator[Cue]:
    """The cues in the article's text[start:end] whose speaker the parse names, in order."""
    for token in piece.tokens(start, end):
        lower = token.lower_
        if lower == "according":
            governed = _according_object(token)
            if governed is not None:
                span = _phrase(piece, governed)
                if span is not None:
                    yield Cue(piece.start(token), piece.end(token), lower, span, True, True, False)
            continue
        if lower not in SAYING or token.pos_ not in ("VERB", "AUX"):
            continue
        if any(child.dep_ == "mark" and child.lower_ == "as" for child in token.children):
            continue  # "..., as the president promised": a comparison, not who says the clause
        subject = _subject(token)
        if subject is not None and subject.dep_ == "nsubjpass" and subject.lower_ in ("this", "that", "it"):
            subject = _agent(token)  # "This was stated by X": X said the sentence before
            if subject is not None and (span := _phrase(piece, subject)) is not None:
                yield Cue(piece.start(token), piece.end(token), lower, span, True, False, True)
            continue
        if subject is None or (subject.pos_ == "NOUN" and subject.lower_ not in SPEAKING_NOUNS):
            continue
        span = _phrase(piece, subject)
        if span is not None:
            # the small model often leaves a lone surname untagged; a place or body is tagged or known to the world
            named = subject.pos_ == "PROPN" and subject.ent_type_ in ("PERSON", "")
            yield Cue(piece.start(token), piece.end(token), lower, span, span[0] > piece.start(token), False,
                      _bare(token), named)


def _according_object(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
    return None


def _agent(verb: Token) -> Token | None:
    """The noun after "by" in a passive verb of saying."""
    by = next((child for child in verb.children if child.dep_ == "agent"), None)
    return next((grand for grand in by.children if grand.dep_ == "pobj"), None) if by is not None else None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb of saying, or of the verb a participle or a second verb hangs on."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        # "adding that", "and warned", "went on to say": the speaker is the subject of the verb before.
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head is current or current.head.pos_ not in ("VERB", "AUX"):
            return None
        if current.dep_ == "conj" and not any(sibling.dep_ == "cc" for sibling in current.head.children):
            return None  # "X relocated 300 people, General Y told reporters": a misread, not a second verb
        current = current.head
    return None


def _phrase(piece: Piece, head: Token) -> tuple[int, int] | None:
    """The noun phrase a head word stands for: its modifiers, an "of"/"for" phrase, and a name in apposition.

    "Jane Doe, the defence minister" is Jane Doe; "the defence minister, Jane Doe" keeps the name.
    """
    tokens = _np_tokens(head)
    if any(t.is_quote for t in tokens):
        return None  # a quotation is no speaker's name: the parse ran two phrases together
    if head.pos_ != "PROPN":
        for child in head.children:
            if child.dep_ == "appos" and any(t.pos_ == "PROPN" for t in _np_tokens(child)):
                tokens.extend(_np_tokens(child))
                break
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return piece.start(first), piece.end(last)


def _np_tokens(head: Token) -> list[Token]:
    if head.pos_ == "PROPN":
        # A name and the title run into it ("Army Major General Hank Taylor"), not the words before the title
        # ("communications director John Kirby" is John Kirby).
        kept = [head]
        while kept[0].i > 0:
            before = kept[0].nbor(-1)
            if before.pos_ != "PROPN" or before.dep_ not in ("compound", "flat", "nn"):
                break
            kept.insert(0, before)
        for child in head.children:
            # "the Ministry of Defense", "the Observatory for Civil Rights": part of the body's name
            if child.dep_ == "prep" and child.lower_ in ("of", "for") and any(g.pos_ == "PROPN" for g in child.children):
                kept.extend(child.subtree)
        return kept
    if head.lower_ in _QUANTIFIERS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        governed = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if governed is not None:
            return _np_tokens(governed)  # "most of the senior commanders" are senior commanders
    kept = [head]
    for child in head.children:
        # Modifiers before the head; after it only "of", "for" and "by" ("a spokesman for the ministry"), not
        # "familiar with the talks" or "who spoke on condition of anonymity".
        if (child.i < head.i and child.dep_ in _NP_PARTS) or (child.dep_ == "prep" and child.lower_ in _NP_PREPOSITIONS):
            kept.extend(child.subtree)
    return kept


def _bare(verb: Token) -> bool:
    return verb.dep_ == "ROOT" and all(child.dep_ in _BARE_PARTS and child.dep_ not in _CONTENT for child in verb.children)
