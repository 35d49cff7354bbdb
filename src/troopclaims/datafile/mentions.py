"""Does a quote write a number or some words: the data-file check of a count against its quote."""

from __future__ import annotations

import re

from .amounts import find_amounts, squash


def mentions_number(text: str, n: int) -> bool:
    """Does text write the number n, as digits (with or without separators) or as words?

    Vague amounts do not mention a number: "hundreds" is not 200.
    """
    for amount in find_amounts(text):
        if n in amount.numbers():
            return True
    # Years, decimals and figures glued to letters ("$30mln") are found above; what is left is a
    # plain digit string inside a longer token such as "2019-10-22".
    return re.search(rf"(?<![\d.,]){n}(?![\d]|,\d{{3}})", text) is not None


_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def mentions_words(text: str, words: str) -> bool:
    """Does text contain words, ignoring case, runs of white space and typographic quote marks?

    The words must stand as words: "US" is not found in "thus".
    """
    needle = squash(words.translate(_FOLD))
    if not needle:
        return True
    haystack = squash(text.translate(_FOLD))
    left = r"(?<!\w)" if needle[0].isalnum() or needle[0] == "_" else ""
    right = r"(?!\w)" if needle[-1].isalnum() or needle[-1] == "_" else ""
    return re.search(left + re.escape(needle) + right, haystack) is not None


