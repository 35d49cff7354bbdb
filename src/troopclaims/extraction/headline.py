"""A headline is a candidate only when it carries a claim the article's body does not repeat.

"Troops leave Gao" over a body that says "The 300 soldiers left Gao on Monday" is one claim, told twice:
the body's sentence has the quote a reviewer wants. A headline whose claim the body never states (or
states with other figures or places) stays a candidate of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from .motion import Motion
from .text import Sentence

#: What a claim says, for comparing a headline's with the body's: kind, figure, movement and places.
Gist = tuple[str, int | None, str | None, frozenset[str]]


def gist(kind: str, value: int | None, moved: Motion | None) -> Gist:
    places = frozenset(p for p in ((moved.origin, moved.destination, moved.location) if moved else ()) if p)
    return kind, value, moved.movement if moved else None, places


def is_headline(text: str, sentences: Sequence[Sentence]) -> bool:
    """Is the article's first sentence a headline: a line of its own, not ending as a sentence does?"""
    if len(sentences) < 2:
        return False
    first = sentences[0]
    return sentences[1].paragraph != first.paragraph and not text[first.start:first.end].rstrip().endswith(
        (".", "!", "?", '"', "”", "’"))


#: A body's movement that says what a headline's says too: "left Gao for Niamey" (a move) is "leave Gao".
_IMPLIED = {"leave": frozenset({"leave", "move", "withdraw"}), "withdraw": frozenset({"withdraw", "move", "leave"})}


def repeated(headline: Gist, body: Sequence[Gist]) -> bool:
    """Does some claim of the body say all that the headline's claim says?"""
    kind, value, movement, places = headline
    saying = _IMPLIED.get(movement or "", frozenset({movement}))
    return any(other[0] == kind and (value is None or other[1] == value) and (movement is None or other[2] in saying)
               and places <= other[3] for other in body)
