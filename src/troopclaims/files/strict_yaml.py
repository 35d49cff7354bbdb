"""Strict YAML reading that remembers where every value came from.

PyYAML's event stream is turned into plain Python values by a loop of our own rather than by
PyYAML's recursive constructor, because that loop is where the rules of a reviewed data file
are enforced with a position for each breach:

* duplicate keys are errors (PyYAML silently keeps the last one);
* anchors and aliases are refused (a reviewed file has no need of them, and refusing them
  removes "billion laughs" expansion at the root);
* nesting is bounded (deep nesting would otherwise exhaust the recursion of later stages);
  the loop stops at MAX_DEPTH with troopclaims' own message, whatever libyaml does (see
  ``_parser_for``), so even a million unclosed ``[`` costs little and no recursion;
* the number of values is bounded (MAX_VALUES), so a file of millions of one-character items
  cannot make the position tables grow without bound;
* keys are text: ``yes:``, ``NO:``, ``1.5:`` or ``~:`` would become a bool, a number or None;
* timestamps stay strings, so an impossible date reaches pydantic and is reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Problem

Loc = tuple[int | str, ...]
#: Deepest nesting of mappings and lists; a data file needs four.
MAX_DEPTH = 64
#: Most values (scalars, mappings and lists) in one file. Reviewed data files have one value per
#: 23 to 40 bytes (tests/data/valid, data/claims.yaml), so at the 50 MB size limit they hold at most
#: about 2.2 million; only hostile files of millions of tiny items reach this, and refusing them
#: here keeps the position tables under a gigabyte (about 10 s and 700 MB for 2.5 million).
MAX_VALUES = 2_500_000
#: Longest excerpt of a value quoted back in a message.
_SHOW = 40

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class StrictLoader(_Loader):  # type: ignore[misc,valid-type]
    """The safe loader without the implicit timestamp resolver: dates stay text."""


class StrictPyLoader(yaml.SafeLoader):
    """The same rules on PyYAML's pure-Python parser, which sets no nesting limit of its own."""


_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
StrictLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
StrictPyLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS

#: libyaml looks ahead for a possible simple key up to the end of the line (at most 1,024 characters),
#: and each ``[`` or ``{`` it passes deepens its own flow level. Newer libyaml builds stop at their own
#: nesting limit (1,000 in PyYAML 6.0.4) while looking ahead, before our loop has seen the 65th level.
#: Within one line the lookahead can add at most as many levels as the line has openers, so a line with
#: no more than MAX_DEPTH of them keeps libyaml at most 2 * MAX_DEPTH deep when our limit fires.
_OPENERS_PER_LINE = MAX_DEPTH


def _parser_for(text: str) -> type[yaml.SafeLoader]:
    """The C parser, unless a line could drive libyaml past a nesting limit of its own before ours."""
    if _Loader is yaml.SafeLoader or text.count("[") + text.count("{") <= _OPENERS_PER_LINE:
        return StrictLoader
    for line in text.splitlines():
        if line.count("[") + line.count("{") > _OPENERS_PER_LINE:
            return StrictPyLoader  # only files with such a line pay for the slower parser
    return StrictLoader


@dataclass
class Located:
    """A parsed document and the (line, column) of every value and mapping key in it."""

    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Best position for loc: the key itself when asked and known, else the nearest enclosing value."""
        if key and loc in self.keys:
            return self.keys[loc]
        probe = tuple(loc)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _pos(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Frame:
    __slots__ = ("container", "loc", "pending_key", "seen")

    def __init__(self, container: dict[Any, Any] | list[Any], loc: Loc) -> None:
        self.container = container
        self.loc = loc
        self.pending_key: Any = _NO_KEY
        self.seen: dict[Any, tuple[int, int]] = {}


_NO_KEY = object()


def load_located(text: str, *, parser: type[yaml.SafeLoader] | None = None) -> Located:
    """Parse one YAML document; raise YamlProblem with a position for anything a data file may not hold.

    ``parser`` forces one of StrictLoader or StrictPyLoader; by default the C parser is used where it
    cannot reach a limit of libyaml's before troopclaims' own (``_parser_for``).
    """
    try:
        loader: Any = (parser or _parser_for(text))(text)  # the stubs leave the event API untyped
    except ValueError as exc:  # a lone surrogate cannot be encoded for libyaml
        raise YamlProblem(1, 1, f"the text cannot be encoded as UTF-8: {exc}") from None
    result = Located(data=None)
    stack: list[_Frame] = []
    documents = 0
    values = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(*_pos(event), "more than one YAML document; a data file holds one")
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(*_pos(event), "aliases (*name) are not allowed in a data file; write the value out")
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                if not stack:
                    result.data = done.container
                else:
                    _add(stack[-1], done.container, result, _pos(event))
                continue
            node_event: Any = event
            values += 1
            if values > MAX_VALUES:
                raise YamlProblem(*_pos(event), f"more than {MAX_VALUES:,} values; split the file")
            if getattr(node_event, "anchor", None):
                raise YamlProblem(*_pos(event), "anchors (&name) are not allowed in a data file; write the value out")
            if isinstance(event, yaml.ScalarEvent):
                value = _scalar(loader, event)
                if stack and isinstance(stack[-1].container, dict) and stack[-1].pending_key is _NO_KEY:
                    _check_key(event, value)
                if not stack:
                    result.data = value
                    result.values[()] = _pos(event)
                else:
                    _add(stack[-1], value, result, _pos(event))
                continue
            if node_event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise YamlProblem(*_pos(event), f"tag {_tag(node_event.tag)} is not allowed; a data file uses plain values")
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(*_pos(event), f"nesting deeper than {MAX_DEPTH} levels; a data file needs a few")
            container: dict[Any, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            loc = _child_loc(stack[-1]) if stack else ()
            if stack and stack[-1].pending_key is _NO_KEY and isinstance(stack[-1].container, dict):
                raise YamlProblem(*_pos(event), "a mapping or list used as a key; keys must be plain text")
            result.values[loc] = _pos(event)
            stack.append(_Frame(container, loc))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, column, f"YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        line, column = _reader_position(text, exc.position, bytewise=not isinstance(loader, yaml.reader.Reader))
        what = f"character U+{exc.character:04X}" if isinstance(exc.character, int) else f"byte {exc.character!r}"
        raise YamlProblem(line, column, f"{what} is not allowed in YAML ({exc.reason}); remove it") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"YAML error: {_first_line(exc)}") from None
    except ValueError as exc:  # e.g. an integer that the constructor cannot build
        raise YamlProblem(1, 1, f"YAML value error: {_first_line(exc)}") from None
    finally:
        loader.dispose()
    return result


def _reader_position(text: str, position: int, *, bytewise: bool) -> tuple[int, int]:
    """Line and column of a reader error; libyaml counts its position in bytes of UTF-8, PyYAML in characters."""
    if not bytewise:
        before = text[:position]
    else:
        before = text.encode("utf-8", errors="surrogatepass")[:position].decode("utf-8", errors="replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _show(value: str) -> str:
    """A value as quoted back in a message: short, on one line."""
    return repr(value if len(value) <= _SHOW else value[:_SHOW] + "…")


def _tag(tag: str) -> str:
    """A tag as written: !!python/object rather than tag:yaml.org,2002:python/object."""
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return short if len(short) <= 2 * _SHOW else short[: 2 * _SHOW] + "…"


def _check_key(event: yaml.ScalarEvent, value: Any) -> None:
    if isinstance(value, str):
        return
    kind = "null" if value is None else type(value).__name__
    raise YamlProblem(
        *_pos(event),
        f"key {_show(event.value)} is read as {kind}, not text; keys are field names (quote it if it is a name)",
    )


#: Scalars a data file may hold: text, numbers, true/false and null. Not !!binary, !!timestamp or
#: any tag of PyYAML's unsafe loaders (which the safe loader would refuse anyway).
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))


def _scalar(loader: Any, event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value, None, None, event.style)
    if tag == "tag:yaml.org,2002:merge":
        raise YamlProblem(*_pos(event), "merge keys (<<) are not allowed in a data file; write the values out")
    if tag not in _PLAIN_TAGS:
        raise YamlProblem(*_pos(event), f"tag {_tag(tag)} is not allowed; a data file uses plain values")
    if tag == "tag:yaml.org,2002:str":
        return event.value
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (ValueError, yaml.constructor.ConstructorError) as exc:
        reason = "too many digits for a number" if tag == "tag:yaml.org,2002:int" else _first_line(exc)
        raise YamlProblem(*_pos(event), f"cannot read value {_show(event.value)}: {reason}") from None


def _child_loc(frame: _Frame) -> Loc:
    if isinstance(frame.container, list):
        return (*frame.loc, len(frame.container))
    return (*frame.loc, _loc_key(frame.pending_key))


def _loc_key(key: Any) -> int | str:
    return key if isinstance(key, (int, str)) and not isinstance(key, bool) else str(key)


def _add(frame: _Frame, value: Any, result: Located, position: tuple[int, int]) -> None:
    container = frame.container
    if isinstance(container, list):
        loc = (*frame.loc, len(container))
        result.values.setdefault(loc, position)
        container.append(value)
        return
    if frame.pending_key is _NO_KEY:
        if isinstance(value, (dict, list)):
            raise YamlProblem(*position, "a mapping or list used as a key; keys must be plain text")
        if value in frame.seen:
            first = frame.seen[value]
            shown = _show(value) if isinstance(value, str) else repr(value)
            where = f"line {first[0]}" if first[0] != position[0] else f"line {first[0]}, column {first[1]}"
            raise YamlProblem(*position, f"duplicate key {shown} (first at {where})")
        frame.seen[value] = position
        frame.pending_key = value
        result.keys[(*frame.loc, _loc_key(value))] = position
        return
    loc = (*frame.loc, _loc_key(frame.pending_key))
    result.values.setdefault(loc, position)
    container[frame.pending_key] = value
    frame.pending_key = _NO_KEY


def problem_at(path: str, located: Located, loc: Loc, message: str, *, key: bool = False, code: str = "invalid") -> Problem:
    line, column = located.position(loc, key=key)
    return Problem(path, line, column, message, code)
