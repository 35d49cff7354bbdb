"""troopclaims' nesting limit comes first, whichever parser reads the file and whatever limit the
installed libyaml sets of its own (PyYAML 6.0.4's libyaml stops at 1,000 levels while looking ahead).

The same inputs run through the C parser where PyYAML has one and through the pure-Python parser,
which is what a PyYAML built without libyaml uses. CI runs this file with the oldest and the newest
PyYAML the range in pyproject.toml admits.
"""

from __future__ import annotations

import pytest
import yaml

from troopclaims.files import YamlProblem, load_located
from troopclaims.files.strict_yaml import MAX_DEPTH, StrictPyLoader

PARSERS = {"default": None, "pure-python": StrictPyLoader}
MESSAGE = f"nesting deeper than {MAX_DEPTH} levels; a data file needs a few"


def refusal(text: str, parser: type[yaml.SafeLoader] | None) -> tuple[int, int, str]:
    with pytest.raises(YamlProblem) as caught:
        load_located(text, parser=parser)
    return caught.value.line, caught.value.column, caught.value.message


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[" * 1_000_000, 1, MAX_DEPTH + 1),
        ("[" * 100_000 + "]" * 100_000, 1, MAX_DEPTH + 1),
        ("{a: " * 100_000 + "1" + "}" * 100_000, 1, 4 * MAX_DEPTH + 1),
        # the deep part starts on a later line, inside a legitimate mapping (the first level)
        ("version: 1\nsources: " + "[" * 2_000, 2, len("sources: ") + MAX_DEPTH),
        # some levels on earlier lines, the rest on one long line
        ("[\n" * 10 + "[" * 2_000, 11, MAX_DEPTH - 10 + 1),
        ("[\n" * 3_000, MAX_DEPTH + 1, 1),
    ],
    ids=["million-open", "closed", "flow-mappings", "after-a-head", "split-over-lines", "one-per-line"],
)
def test_deep_flow_nesting_gets_troopclaims_message_at_the_65th_level(
    text: str, line: int, column: int, parser: type[yaml.SafeLoader] | None
) -> None:
    assert refusal(text, parser) == (line, column, MESSAGE)


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_brackets_in_quoted_text_are_not_nesting(parser: type[yaml.SafeLoader] | None) -> None:
    # A quote may hold many brackets; only real flow collections count towards the limit.
    text = "quote: '" + "[" * 500 + "'\nnote: \"" + "{" * 500 + "\"\n"
    located = load_located(text, parser=parser)
    assert located.data == {"quote": "[" * 500, "note": "{" * 500}


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_nesting_at_the_limit_is_accepted(parser: type[yaml.SafeLoader] | None) -> None:
    located = load_located("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH, parser=parser)
    value = located.data
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == [1]


def test_both_parsers_give_the_same_values_and_positions() -> None:
    text = "version: 1\nsources:\n  - id: a\n    file: x.txt\n    tags: [one, {two: 2}]\n"
    default, pure = load_located(text), load_located(text, parser=StrictPyLoader)
    assert default.data == pure.data
    assert default.values == pure.values and default.keys == pure.keys
