"""Normalising names to token keys, the case rules of matching, and the index of hand-kept names.

Names are compared as normalised tokens, so that "north-east Syria", "northeast Syria" and
"North East Syria" are one key, "Syria's" is "Syria", "U.S." is "US" and "Ségou" is "segou".
Matching in running text is case-aware: a name written with capitals needs a capital in the text
("Turkey", not "turkey"), and an acronym needs its capitals ("IS", not "is").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

ARTICLES = ("al", "el")  # "al-Hasakah" is also "Hasakah"

# --- normalisation -----------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'\u2019][^\W_]+)*")
_COMPASS = re.compile(r"^(north|south)(east|west)(ern)?$")
_ADJECTIVES = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_FOLD = str.maketrans({"\u0131": "i", "\u2019": "'", "\u2018": "'", "\u02bf": "", "\u02be": ""})


def _fold_word(word: str) -> str:
    lower = word.lower().translate(_FOLD)
    if not lower.isascii():
        lower = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower.replace(".", "").replace("'", "")


@lru_cache(maxsize=1 << 16)
def normal(word: str) -> tuple[str, ...]:
    """One written word as one or two key tokens: 'northeastern' -> ('north', 'east')."""
    folded = _fold_word(word)
    compass = _COMPASS.match(folded)
    if compass:
        return (compass[1], compass[2])
    return (_ADJECTIVES.get(folded, folded),)


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(key token, start, end) of each word of text[start:end]; a possessive "'s" is left out of the span."""
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = match[0]
        stop = match.end()
        if word.endswith(("'s", "\u2019s")):
            stop -= 2  # "Syria's": the place is "Syria"
        for token in normal(word):
            yield token, match.start(), stop


def key_of(name: str) -> tuple[str, ...]:
    """The normalised token key of a name, as used for lookups."""
    return tuple(token for token, _, _ in tokens(name))


# --- case rules --------------------------------------------------------------------------------------------

Rule = Literal["any", "capital", "exact"]
RULES: tuple[Rule, ...] = ("any", "capital", "exact")


def case_rule(alias: str) -> Rule:
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(alias.split()) == 1:
        return "exact"  # an acronym: "IS" is not "is", "US" is not "us"
    return "capital" if any(c.isupper() for c in letters) else "any"


def case_ok(rule: Rule, written: str, key: tuple[str, ...]) -> bool:
    """May the words written in a text stand for a name of this case rule and key?"""
    if rule == "any":
        return True
    if rule == "capital":
        return any(c.isupper() for c in written)
    return "".join(c for c in written if c.isalpha()).lower() == "".join(key) and not any(c.islower() for c in written)


# --- the hand-kept names -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    key: tuple[str, ...]
    rule: Rule
    target: Any  # a Place, or an actor name (str)


class Matcher:
    """Entries indexed by their first token (longest first), and by their whole key.

    Running text is not tokenised whole: a pattern finds the words that can start a key (capitalised
    words, and the few lower-case words that begin one, such as "northern" or "coalition"), and
    only there are the following words read.
    """

    def __init__(self) -> None:
        self.by_first: dict[str, list[Entry]] = {}
        self.exact: dict[tuple[str, ...], list[Any]] = {}
        self._lower_starts: set[str] = {"al", "el", "central"}
        self._starts: re.Pattern[str] | None = None

    def starts(self) -> re.Pattern[str]:
        """A pattern for the words that may begin a name."""
        if self._starts is None:
            lowers = "|".join(sorted((re.escape(w) for w in self._lower_starts), key=len, reverse=True))
            self._starts = re.compile(
                rf"(?<![\w.'’])(?:[^\W\d_a-z]|(?i:(?:north|south|east|west)[a-z]*|{lowers})(?![^\W_]))"
                r"[^\W_]*(?:[.'’][^\W_]+)*"
            )
        return self._starts

    def add(self, alias: str, target: Any, *, in_text: bool = True) -> None:
        """Index an alias; in_text=False for names looked up but never searched for in running text."""
        key = key_of(alias)
        if not key:
            return
        if not in_text:
            self.exact.setdefault(key, []).append(target)
            return
        first_word = re.split(r"[\s-]+", alias.strip())[0]
        if first_word[:1].islower():
            self._lower_starts.add(first_word.lower())
            self._starts = None
        self.add_key(key, case_rule(alias), target)

    def add_key(self, key: tuple[str, ...], rule: Rule, target: Any) -> None:
        keys = [key]
        if len(key) > 1 and key[0] in ARTICLES:
            keys.append(key[1:])  # "Al-Hasakah" is also written "Hasakah"
        for k in keys:
            targets = self.exact.setdefault(k, [])
            if target not in targets:
                targets.append(target)
                bucket = self.by_first.setdefault(k[0], [])
                bucket.append(Entry(k, rule, target))
                if len(bucket) > 1 and len(bucket[-2].key) < len(k):
                    bucket.sort(key=lambda e: -len(e.key))
