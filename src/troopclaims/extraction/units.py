"""What an amount counts: the unit after it ("troops", "tanks") and the unit's class."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal


UnitClass = Literal["personnel", "equipment", "other"]


# --- units ---------------------------------------------------------------------------------------------------

_PERSONNEL = {
    "troops", "troop", "soldiers", "soldier", "forces", "force", "service members", "service member",
    "servicemembers", "servicemember", "servicemen", "serviceman", "servicewomen", "service personnel",
    "personnel", "marines", "marine", "sailors", "airmen", "fighters", "special forces", "commandos",
    "paratroopers", "advisers", "advisors", "military advisers", "military advisors", "trainers", "instructors",
    "contractors", "mercenaries", "militiamen", "militants", "rebels", "insurgents", "jihadists", "guards",
    "guardsmen", "reservists", "peacekeepers", "members", "member", "recruits", "officers", "boots", "operators",
    "special operations forces", "special operators", "gunmen", "combatants", "reinforcements",
}
_EQUIPMENT = {
    "vehicles", "vehicle", "armoured vehicles", "armored vehicles", "military vehicles", "trucks", "truck",
    "lorries", "tanks", "tank", "convoys", "convoy", "aircraft", "helicopters", "jets", "fighter jets",
    "warplanes", "planes", "drones", "humvees", "mraps", "apcs", "armoured personnel carriers",
    "armored personnel carriers", "artillery pieces", "howitzers", "ships", "warships", "vessels",
    "missiles", "launchers", "rocket launchers", "carriers", "bombers", "transport planes", "cargo planes",
}
_OTHER_UNITS = {
    "people", "civilians", "refugees", "residents", "prisoners", "detainees", "inmates", "children", "women",
    "families", "migrants", "villagers", "persons", "individuals", "casualties", "victims", "bodies", "men",
    "kurds", "arabs", "displaced", "protesters", "demonstrators", "students", "workers", "journalists", "patients",
}

#: Words that may stand between an amount and its unit: "1,000 additional US combat troops".
_MODIFIERS = {
    "additional", "extra", "more", "other", "new", "fresh", "combat", "ground", "elite", "armed", "heavily",
    "lightly", "military", "security", "special", "active-duty", "reserve", "foreign", "allied", "coalition",
    "government", "regime", "rebel", "militia", "support", "logistical", "logistics", "infantry", "mechanised",
    "mechanized", "armoured", "armored", "american", "us", "u.s.", "u.s", "uk", "british", "regular", "remaining",
    "of", "its", "their", "the", "our", "his", "her", "those", "these", "whose", "uniformed", "deployed",
    "stationed", "troops'", "army", "navy", "air", "land", "front-line", "frontline", "fighting", "trained",
    "operations", "operation", "forward", "rapid", "reaction", "quick", "strong", "-strong", "well-armed",
    "heavy", "light", "unarmed", "civilian", "displaced", "innocent", "ordinary", "local", "kurdish", "arab",
    "affiliated", "loyal", "pro-government", "opposition", "national", "personnel", "carrying", "armed",
    "international", "multinational", "western", "western-trained", "more", "enemy",
}
_UNIT_WORDS = _PERSONNEL | _EQUIPMENT | _OTHER_UNITS
#: Bodies of troops: a head count only after "-strong" ("the 2,000-strong contingent"); "three battalions" counts units.
_BODIES = {
    "contingent", "garrison", "brigade", "battalion", "regiment", "division", "detachment", "unit", "mission",
    "army", "task force", "deployment", "corps", "company", "formation", "militia", "group",
}
#: Nouns that make a unit before them a modifier: "personnel carriers" and "troop transports" are vehicles.
_CARRIED_BY = {"carriers", "carrier", "transports", "transport", "transporters", "vehicles", "vehicle", "trucks", "ships", "planes"}
_AFTER_OF_ONLY = frozenset({"the", "its", "their", "our", "his", "her", "those", "these", "whose"})
_LONGEST_UNIT = max(len(unit.split()) for unit in _UNIT_WORDS)
# A unit may stand in quotation marks: several thousand "peacekeepers".
_TOKEN_RE = re.compile(r"[ \t\u00a0]*-?[ \t\u00a0]*[\"\u201c\u2018']?(?P<word>[A-Za-z][A-Za-z'.\u2019]*(?:-[A-Za-z]+)*)")
_MAX_MODIFIERS = 4


def unit_class(unit: str) -> UnitClass:
    """Whether a unit counts people under arms, their equipment, or something else.

    The head noun decides: "US special forces" and "armored vehicles" are read by their last words.
    """
    words = unit.lower().replace("\u00a0", " ").split()
    if words and words[-1] in _CARRIED_BY:
        return "equipment"
    if words and words[-1] in _BODIES and any(w.endswith("strong") for w in words):
        return "personnel"  # "strong contingent", as unit_after gives it
    for size in range(min(_LONGEST_UNIT, len(words)), 0, -1):
        tail = " ".join(words[-size:])
        if tail in _PERSONNEL:
            return "personnel"
        if tail in _EQUIPMENT:
            return "equipment"
    return "other"


@dataclass(frozen=True)
class Unit:
    """The unit an amount counts, as written (e.g. 'armored vehicles'), with its offsets."""

    text: str
    start: int
    end: int
    unit_class: UnitClass


def _normal_word(word: str) -> str:
    lower = word.lower().replace("\u2019", "'")
    return lower if lower.startswith("u.s") else lower.rstrip(".")


def unit_after(text: str, pos: int, limit: int | None = None) -> Unit | None:
    """The unit noun that an amount ending at pos counts, if one follows within a few modifiers.

    "1,000 American troops" -> troops; "35 US armored vehicles" -> armored vehicles;
    "a 5,000-strong force" -> force. Anything else between the amount and a unit
    (a verb, a preposition, a place) means the amount does not count that unit.
    """
    stop = len(text) if limit is None else limit
    tokens: list[tuple[str, int, int]] = []
    at = pos
    while len(tokens) < _MAX_MODIFIERS + _LONGEST_UNIT:
        match = _TOKEN_RE.match(text, at, stop)
        if not match:
            break
        word = match["word"]
        # A stop after a word ends the sentence ("soldiers."); dots inside one abbreviate it ("U.S.").
        end = match.end("word") - (1 if word.endswith(".") and word.count(".") == 1 else 0)
        tokens.append((_normal_word(word), match.start("word"), end))
        at = match.end()
    strong: int | None = None  # where "-strong" was written: a body's unit starts there
    for index, (word, start, _) in enumerate(tokens[: _MAX_MODIFIERS + 1]):
        for size in range(min(_LONGEST_UNIT, len(tokens) - index), 0, -1):
            phrase = " ".join(token[0] for token in tokens[index:index + size])
            if phrase in _UNIT_WORDS or (strong is not None and phrase in _BODIES):
                last = index + size - 1
                if last + 1 < len(tokens) and tokens[last + 1][0] in _CARRIED_BY:
                    last += 1  # "personnel carriers": the people word only says what the vehicles carry
                end = tokens[last][2]
                words = " ".join(token[0] for token in tokens[index:last + 1])
                if phrase in _BODIES and phrase not in _UNIT_WORDS and strong is not None:
                    return Unit(text[strong:end], strong, end, "personnel")
                return Unit(text[start:end], start, end, unit_class(words))
        if word in ("strong", "-strong") and strong is None:
            strong = start
        if word not in _MODIFIERS and not _is_name(text[start:tokens[index][2]]):
            return None
        if word in _AFTER_OF_ONLY and (index == 0 or tokens[index - 1][0] != "of"):
            return None  # "3 the troops" is no count; "300 of the troops" is
    return None


def _is_name(word: str) -> bool:
    # Capitalised and hyphenated words between an amount and its unit are names, demonyms and
    # compounds: "500 Iraqi soldiers", "200 Iran-backed fighters".
    return word[:1].isupper() or "-" in word


