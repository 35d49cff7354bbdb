"""Articles that share most of their text, found with either finder (the shingle index, or datasketch's LSH)."""

from __future__ import annotations

import random

import pytest

from troopclaims.engine import shared_text
from troopclaims.engine.textsim import WIRE_SHARE, shingles

STORY = (
    "Hundreds of soldiers left the northern base before dawn on Friday, officials said. The convoy of trucks "
    "and armoured cars moved slowly along the river road towards the border, where customs officers waved it "
    "through without checks. A spokesman for the defence ministry said the move had been planned for months "
    "and denied that it was linked to the talks in the capital. Local farmers said the road had been closed "
    "for most of the morning and that several fields were damaged by the heavy vehicles."
)


def corpus(size: int, seed: int = 3) -> dict[str, str]:
    """Articles of random words from one vocabulary, so that they share words but not runs of words."""
    rng = random.Random(seed)
    words = STORY.replace(",", "").replace(".", "").split()
    return {f"a{i:03d}": " ".join(rng.choice(words) for _ in range(120)) for i in range(size)}


def test_a_lightly_edited_copy_is_found_with_its_share() -> None:
    edited = STORY.replace("before dawn on Friday", "early on Friday").replace("for months", "for weeks")
    [pair] = shared_text({"wire": STORY, "paper": edited, "other": corpus(1)["a000"]})
    assert (pair.first, pair.second) == ("paper", "wire")
    assert 0.75 < pair.share < 1


def test_a_short_story_inside_a_longer_one_counts_as_shared() -> None:
    longer = STORY + " " + " ".join(corpus(1, seed=9)["a000"].split()[:60])
    [pair] = shared_text({"short": STORY, "long": longer})
    assert pair.share == 1.0


def test_articles_on_one_topic_in_their_own_words_are_independent() -> None:
    other = (
        "Soldiers from the northern base drove to the border on Friday morning in a long line of trucks. "
        "Officials would not say how many left. Farmers complained about the damage to their fields."
    )
    assert shared_text({"wire": STORY, "own": other}) == []


def test_case_and_punctuation_do_not_hide_a_copy() -> None:
    assert shingles(STORY.upper().replace(",", ";")) == shingles(STORY)


def test_the_index_and_lsh_finders_agree() -> None:
    pytest.importorskip("datasketch")
    texts = corpus(80)
    texts["b000"] = texts["a010"] + " and more words at the end"
    texts["b001"] = " ".join(texts["a020"].split()[5:])
    exact = shared_text(texts, use_lsh=False)
    assert {(p.first, p.second) for p in exact} == {("a010", "b000"), ("a020", "b001")}
    assert shared_text(texts, use_lsh=True) == exact
    assert all(p.share >= WIRE_SHARE for p in exact)
