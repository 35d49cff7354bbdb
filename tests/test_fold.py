"""The anchoring fold (datafile/anchors.py), run by run, against its definition character by character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from troopclaims.datafile import fold
from troopclaims.datafile.anchors import _INVISIBLE, _QUOTE_MARKS


def _by_character(text: str) -> tuple[str, tuple[int, ...]]:
    """The definition: invisible characters dropped, each run of white space one space where it starts."""
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            if not in_space:
                chars.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        chars.append(char)
        origin.append(index)
    return "".join(chars).translate(_QUOTE_MARKS), tuple(origin)


_PIECES = st.sampled_from([" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u2009", "\u3000", "\u200b", "\u00ad", "\ufeff",
                           "\u2060", "\u2019", "\u201c", "a", "US", "troops", "."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=3), max_size=30).map("".join))
def test_the_fold_is_its_definition(text: str) -> None:
    folded = fold(text)
    assert (folded.text, folded.origin) == _by_character(text)


def test_a_run_of_white_space_and_invisible_characters_folds_to_one_space_where_the_white_space_starts() -> None:
    folded = fold("Troops\u200b \n\u00ad\tleft\u200bSyria \u2019s")
    assert folded.text == "Troops leftSyria 's"
    assert folded.origin[6] == 7 and folded.span(0, 6) == (0, 6)
