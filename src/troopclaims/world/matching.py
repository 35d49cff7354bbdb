"""Normalising names to token keys, and finding those keys in running text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any, Literal


ARTICLES = ("al", "el")  # "al-Hasakah" is also "Hasakah"

# --- normalisation -----------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'\u2019][^\W_]+)*")
_COMPASS = re.compile(r"^(north|south)(east|west)(ern)?$")
_ADJECTIVES = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
_FOLD = str.maketrans({"\u0131": "i", "\u2019": "'", "\u2018": "'"})


def _fold_word(word: str) -> str:
    lower = word.lower().translate(_FOLD)
    if not lower.isascii():
        lower = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower.replace(".", "").replace("'", "")


@lru_cache(maxsize=1 << 16)
def _normal(word: str) -> tuple[str, ...]:
    """One written word as one or two key tokens: 'northeastern' -> ('north', 'east')."""
    folded = _fold_word(word)
    compass = _COMPASS.match(folded)
    if compass:
        return (compass[1], compass[2])
    return (_ADJECTIVES.get(folded, folded),)


def _tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = match[0]
        end = match.end()
        if word.endswith(("'s", "\u2019s")):
            end -= 2  # "Syria's": the place is "Syria"
        for token in _normal(word):
            yield token, match.start(), end


def key_of(name: str) -> tuple[str, ...]:
    """The normalised token key of a name, as used for lookups."""
    return tuple(token for token, _, _ in _tokens(name))


_Rule = Literal["any", "capital", "exact"]


def _case_rule(alias: str) -> _Rule:
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(alias.split()) == 1:
        return "exact"  # an acronym: "IS" is not "is", "US" is not "us"
    return "capital" if any(c.isupper() for c in letters) else "any"


def _case_ok(rule: _Rule, written: str, alias_letters: str) -> bool:
    if rule == "any":
        return True
    if rule == "capital":
        return any(c.isupper() for c in written)
    return "".join(c for c in written if c.isalpha()) == alias_letters


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    rule: _Rule
    letters: str
    target: Any  # a Place, or an actor name (str)


class Matcher:
    """Longest-match lookup of token keys in running text, indexed by first token.

    Running text is not tokenised whole: a pattern finds the words that can start a key (capitalised
    words, and the few lower-case words that begin a key, such as "northern" or "coalition"), and
    only there are the following words read. Most words of an article are never looked at twice.
    """

    def __init__(self) -> None:
        self.by_first: dict[str, list[_Entry]] = {}
        self.exact: dict[tuple[str, ...], list[Any]] = {}
        self.longest = 1
        self._lower_starts: set[str] = {"al", "el"}
        self._starts: re.Pattern[str] | None = None

    def _start_pattern(self) -> re.Pattern[str]:
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
        letters = "".join(c for c in alias if c.isalpha())
        first_word = re.split(r"[\s-]+", alias.strip())[0]
        if first_word[:1].islower():
            self._lower_starts.add(first_word.lower())
            self._starts = None
        self.longest = max(self.longest, len(key))
        keys = [key]
        if len(key) > 1 and key[0] in ARTICLES:
            keys.append(key[1:])  # "Al-Hasakah" is also written "Hasakah"
        for k in keys:
            entry = _Entry(k, _case_rule(alias), letters, target)
            bucket = self.by_first.setdefault(k[0], [])
            if all(e.key != k or e.target != target for e in bucket):
                bucket.append(entry)
                bucket.sort(key=lambda e: -len(e.key))
            targets = self.exact.setdefault(k, [])
            if target not in targets:
                targets.append(target)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, _Entry, list[tuple[str, int, int]]]]:
        """Non-overlapping longest matches in text[start:end], with the (up to two) tokens that follow each."""
        stop = len(text) if end is None else end
        found = []
        free = start
        for word in self._start_pattern().finditer(text, start, stop):
            if word.start() < free:
                continue
            entries = self.by_first.get(_normal(word[0])[0])
            if not entries:
                continue
            # Entries are sorted longest first: read that many words, and two more for a kind suffix.
            tokens = list(islice(_tokens(text, word.start(), stop), len(entries[0].key) + 2))
            entry = self._match_at(tokens, text)
            if entry is None:
                continue
            size = len(entry.key)
            found.append((tokens[0][1], tokens[size - 1][2], entry, tokens[size:size + 2]))
            free = tokens[size - 1][2]
        return found

    def _match_at(self, tokens: list[tuple[str, int, int]], text: str) -> _Entry | None:
        for entry in self.by_first.get(tokens[0][0], ()):
            size = len(entry.key)
            if size > len(tokens):
                continue
            if all(tokens[k][0] == entry.key[k] for k in range(1, size)):
                written = text[tokens[0][1]:tokens[size - 1][2]]
                if _case_ok(entry.rule, written, entry.letters):
                    return entry
        return None


