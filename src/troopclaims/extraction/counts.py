"""Counts in a clause: amounts with their unit, and whether they count forces, the dead, the displaced or the trained.

Numbers that measure something else (money, shares, time, distance, years, days of a month) and
counts of people who are neither forces nor victims are left out: they are never troop counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafile import Amount, find_amounts, has_amount_hint
from .measures import measure_of
from .units import Unit, unit_after

# --- counts ---------------------------------------------------------------------------------------------------

_CASUALTY_RE = re.compile(
    r"\b(?:killed|killing|kills|dead|died|die|deaths?|wounded|wounding|injured|injuring|injuries|casualties|"
    r"lost\s+their\s+lives|slain|executed|massacred|bodies|fatalities|drowned|drowning|perished|shot\s+dead)\b",
    re.IGNORECASE,
)
_DISPLACED_RE = re.compile(
    r"\b(?:displaced|displacing|displacement|fled|fleeing|refugees|uprooted|homeless|evacuated|"
    r"forced\s+(?:from|out\s+of)\s+their\s+homes)\b",
    re.IGNORECASE,
)
_TRAINED_RE = re.compile(r"\b(?:train(?:ed|ing|s)?|graduated)\b", re.IGNORECASE)
#: Counted people who are themselves the ones trained: "400 soldiers trained in Jordan", "have been trained".
#: "troops training Iraqi soldiers" are the trainers, a force.
_TRAINED_AFTER_RE = re.compile(
    r"\s*(?:(?:who|that)\s+)?(?:(?:have|has|had|were|was|are|is|will)\s+)?(?:(?:been|be|already|also)\s+)*"
    r"(?:trained|graduated|completed\s+(?:their\s+)?training)\b",
    re.IGNORECASE,
)
_NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<unit>[A-Za-z-]+(?:\s+(?:and\s+)?[A-Za-z-]+){0,3}?)\s+(?:that|who|which|in|at|has|have|had|to)\b"
    r"[^.;]{0,160}?\b(?:to|at|reached|reach|of)\s+$",
    re.IGNORECASE,
)


#: A letter and a hyphen glued to a figure make a model name: "F-15 jets", "S-400 batteries", "C-17";
#: so does a letter glued after it, or a capital letter after a hyphen: "Mirage 2000D", "T-72B3", "Mirage 2000-D"
#: (but "the 2,000-Strong Force" of a headline is a head count).
_MODEL_RE = re.compile(r"[A-Za-z]-$")
_MODEL_AFTER_RE = re.compile(r"[A-Za-z]|-[A-Z](?![a-z])")
_HURT_BARE_RE = re.compile(r"\b(?P<word>killed|killing|wounded|wounding|injured|injuring)\s+$", re.IGNORECASE)
_HURT_AFTER_RE = re.compile(
    r"\s+(?:(?:who|that)\s+(?:were|was|have\s+been|had\s+been)\s+)?(?P<word>killed|dead|wounded|injured)\b", re.IGNORECASE
)
#: The hurt named after an aside between dashes: "25 peacekeepers — 9 from one country and 16 from another — injured"
#: (the aside's "and 16" cuts the clause, so this reads on past the clause's end).
_ASIDE_HURT_RE = re.compile(
    r"\s*[\u2014\u2013]\s*[^\u2014\u2013.;]{1,80}?[\u2014\u2013]\s*(?:(?:who|that)\s+(?:were|was|had\s+been|have\s+been)\s+)?"
    r"(?:killed|dead|wounded|injured)\b",
    re.IGNORECASE,
)
#: People counted in a picture: "a picture released by the ministry shows four soldiers": no force's size.
_PICTURED_RE = re.compile(
    r"\b(?:photo(?:graph)?s?|pictures?|images?|footage|video)\b[^.;]{0,100}?\b(?:shows?|showing|shown|depicts?|depicting)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: A figure that a verb of level ties to its subject: "troop levels stand at roughly 900", "would total 2,000".
_LEVEL_VERB_RE = re.compile(
    r"\b(?:stand|stands|stood|standing|total|totals|totall?ed|totall?ing|number|numbers|numbered|numbering|"
    r"reach|reaches|reached|rise|rises|rose|risen|grow|grows|grew|grown|fall|falls|fell|fallen|drop|drops|dropped|"
    r"climb|climbs|climbed|be|is|are|was|were|been)(?:\s+(?:at|to|by))?\s+$",
    re.IGNORECASE,
)
#: Nouns that name forces as a body ("the contingent", "troop levels"): a level verb's subject.
_FORCE_SUBJECT_RE = re.compile(
    r"\b(?:troop\s+(?:levels?|numbers|strength)|troops|soldiers|forces|personnel|contingents?|garrisons?|deployment|"
    r"presence|reinforcements|marines|service\s*members|servicemen|force)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT_RE = re.compile(r"\b(?:they|these|those)\b", re.IGNORECASE)
#: What may follow a figure whose unit is elsewhere: punctuation, the clause's end, or a function word.
_BARE_AFTER_RE = re.compile(
    r"\s*(?:$|[,.;:)\u2013\u2014-]|(?:at|in|on|by|as|of|from|for|last|this|next|according|since|after|before|when|while|"
    r"and|or|but|so|with|under|over|until|within|during|across|along|near|troops?)\b)",
    re.IGNORECASE,
)
#: A figure that counts more of forces already counted: "another 150-250", "a further 500", "including 1,300".
_MORE_OF_RE = re.compile(
    r"\b(?:another|a\s+further|further|an\s+additional|additional|an\s+extra|extra|including|of\s+whom|of\s+them|"
    r"among\s+them|of\s+which|with)\s+$",
    re.IGNORECASE,
)


_ONE_OF_RE = re.compile(r"\s+of\b", re.IGNORECASE)


@dataclass(frozen=True)
class CountMention:
    amount: Amount
    unit: str
    unit_start: int
    unit_end: int
    unit_class: str
    kind: str


def _kind_of(text: str, clause: tuple[int, int], amount: Amount, unit: Unit | None, unit_end: int) -> str | None:
    before = text[max(clause[0], amount.start - 30):amount.start]
    after = text[unit_end:min(clause[1], unit_end + 60)]
    if _TRAINED_RE.search(before) or _TRAINED_AFTER_RE.match(text, unit_end, clause[1]):
        return "trained"
    if (_CASUALTY_RE.search(after) or re.search(r"\b(?:killing|killed|wounding|injuring)\s+$", before, re.I)
            or _ASIDE_HURT_RE.match(text, unit_end, unit_end + 140)):
        return "casualties"
    if _DISPLACED_RE.search(after) or re.search(r"\b(?:displacing|displaced)\s+$", before, re.I):
        return "displaced"
    if unit is not None and unit.unit_class == "other":
        return None  # people who are neither forces nor victims: not a claim about forces
    return "force"


def counts_in(text: str, clause: tuple[int, int], *, context: int | None = None,
              carried: CountMention | None = None) -> list[CountMention]:
    """Counts in a clause. context: where the sentence before begins (for "they would total ...");
    carried: the last count of forces before this clause in its sentence or the one before.
    """
    found: list[CountMention] = []
    start, end = clause
    if not has_amount_hint(text, start, end):
        return found
    for amount in find_amounts(text, start, end):
        if (measure_of(text, amount) is not None or _MODEL_RE.search(text, max(0, amount.number_start - 2), amount.number_start)
                or _MODEL_AFTER_RE.match(text, amount.end)):
            continue
        unit = unit_after(text, amount.end, end)
        if unit is not None and amount.value == 1 and _ONE_OF_RE.match(text, amount.end, unit.start):
            continue  # "one of the officers said": a person picked from a group, not a force of one
        if _PICTURED_RE.search(text, max(start, amount.start - 140), amount.start):
            continue
        if unit is not None:
            kind = _kind_of(text, clause, amount, unit, unit.end)
            if kind is not None:
                found.append(CountMention(amount, unit.text, unit.start, unit.end, unit.unit_class, kind))
            continue
        previous = next((c for c in reversed(found) if c.kind == "force"), carried)
        if previous is not None and _MORE_OF_RE.search(text, max(start, amount.start - 20), amount.start):
            found.append(CountMention(amount, previous.unit, amount.end, amount.end, previous.unit_class, previous.kind))
            continue
        hurt = _HURT_BARE_RE.search(text, max(start, amount.start - 12), amount.start) or _HURT_AFTER_RE.match(text, amount.end, end)
        if hurt is not None:
            # "killed 2,200 troops, wounded 20,000", "75,900 injured", "20,000 who were injured"
            unit_word = previous.unit if previous is not None and hurt.re is _HURT_BARE_RE else hurt["word"]
            found.append(CountMention(amount, unit_word, amount.end, amount.end, "other", "casualties"))
            continue
        if not _BARE_AFTER_RE.match(text, amount.end, end):
            continue  # "reached 20 villages": the figure counts a noun of its own
        # "bringing the number of trucks and vehicles that have arrived ... to 150"
        number_of = _NUMBER_OF_RE.search(text, max(start, amount.start - 220), amount.number_start)
        if number_of is not None:
            words = number_of["unit"]
            head = unit_after(" " + words.split()[-1], 0)
            if head is not None and head.unit_class != "other":
                found.append(CountMention(amount, words, number_of.start("unit"), number_of.end("unit"),
                                           head.unit_class, "force"))
                continue
        subject = _level_subject(text, clause, amount, context)
        if subject is not None:
            found.append(CountMention(amount, subject[0], subject[1], subject[2], "personnel", "force"))
    return found


def _level_subject(text: str, clause: tuple[int, int], amount: Amount, context: int | None) -> tuple[str, int, int] | None:
    """The forces a level verb ties a bare figure to: its subject, or a pronoun's antecedent in the sentence before."""
    verb = _LEVEL_VERB_RE.search(text, max(clause[0], amount.start - 30), amount.start)
    if verb is None:
        return None
    nouns = list(_FORCE_SUBJECT_RE.finditer(text, clause[0], verb.start()))
    if not nouns and context is not None and _PRONOUN_SUBJECT_RE.search(text, clause[0], verb.start()):
        nouns = list(_FORCE_SUBJECT_RE.finditer(text, context, clause[0]))
    if not nouns:
        return None
    noun = nouns[-1]
    return noun[0], noun.start(), noun.end()
