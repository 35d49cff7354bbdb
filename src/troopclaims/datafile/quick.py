"""A clean data file's items checked and written out without pydantic's validators and serialisers.

pydantic builds a model's validator and serialiser on first use, and with them imports its plugin
machinery; that cost a first `list` on the bundled data 20 ms. The items of a reviewed file are plain YAML
values well inside the models' constraints, so quick_validate checks an item against the constraints its
model's fields carry (types, lengths, bounds, patterns, the model's own validators), by the same rules, and
builds it with model_construct. It only ever says yes to what it fully understands: a value of another type,
a pattern missed, a validator's error or a constraint it does not know gives None, and the item goes to
model_validate, which gives the problem its message. plain_data is model_dump(mode="json") for models whose
fields hold text, numbers, booleans and such models. tests/test_quick_validation.py holds both to pydantic.
"""

from __future__ import annotations

import inspect
import re
import types
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

#: Settings that do not change what validation accepts or gives; any other setting sends items to pydantic.
_NEUTRAL_CONFIG = {"extra": "forbid", "str_strip_whitespace": False, "frozen": True, "defer_build": True}
#: Pattern classes whose meaning beyond ASCII could differ between Python's re and pydantic's Rust engine.
_CLASSES = re.compile(r"\\[dDwWsSbB]")
_FAIL = object()


class _Unknown(Exception):
    """A model or annotation this module does not understand: its items always go to pydantic."""


def quick_validate(model: type[BaseModel], item: Any) -> BaseModel | None:
    """model.model_validate(item) when item is plainly valid, without pydantic's validator; else None."""
    try:
        value = _model(model, item)
    except _Unknown:
        return None
    return None if value is _FAIL else value


def plain_data(model: BaseModel) -> dict[str, Any]:
    """model.model_dump(mode="json"), without pydantic's serialiser for the plain models of a data file."""
    try:
        return _plain(model)
    except _Unknown:
        return model.model_dump(mode="json")


def _plain(model: BaseModel) -> dict[str, Any]:
    if _rules(type(model)) is None:
        raise _Unknown
    result: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            result[name] = _plain(value)
        elif value is None or type(value) in (str, int, bool):
            result[name] = value
        else:
            raise _Unknown
    return result


@lru_cache(maxsize=None)
def _rules(model: type[BaseModel]) -> tuple[dict[str, Any], list[Any]] | None:
    """The model's field validators (after mode, one argument) and model validators (after mode), or None
    when it has settings, validators or serialisers that this module does not reproduce."""
    config = dict(model.model_config)
    config.pop("json_schema_extra", None)  # editors' help only
    if any(_NEUTRAL_CONFIG.get(key, object()) != value for key, value in config.items()) or config.get("extra") != "forbid":
        return None
    if any(info.alias or info.validation_alias for info in model.model_fields.values()):
        return None
    found = model.__pydantic_decorators__
    if found.validators or found.root_validators or found.field_serializers or found.model_serializers or found.computed_fields:
        return None
    fields: dict[str, Any] = {}
    for decorator in found.field_validators.values():
        info = decorator.info
        if info.mode != "after" or len(inspect.signature(decorator.func).parameters) != 1:
            return None
        for name in info.fields:
            if name in fields:
                return None  # two validators on one field: their order is pydantic's business
            fields[name] = decorator.func
    after = []
    for model_decorator in found.model_validators.values():
        if model_decorator.info.mode != "after" or len(inspect.signature(model_decorator.func).parameters) != 1:
            return None
        after.append(model_decorator.func)
    if len(after) > 1:
        return None
    return fields, after


def _model(model: type[BaseModel], item: Any) -> Any:
    rules = _rules(model)
    if rules is None:
        raise _Unknown
    if type(item) is not dict:
        return _FAIL
    known = model.model_fields
    if any(type(key) is not str or key not in known for key in item):
        return _FAIL
    values: dict[str, Any] = {}
    for name, info in known.items():
        if name not in item:
            if info.is_required():
                return _FAIL
            continue
        value = _value(info.annotation, list(info.metadata), item[name])
        if value is _FAIL:
            return _FAIL
        check = rules[0].get(name)
        if check is not None:
            try:
                value = check(value)
            except Exception:  # pydantic will report it, or raise it again
                return _FAIL
        values[name] = value
    built = model.model_construct(**values)
    for check in rules[1]:
        try:
            built = check(built)
        except Exception:
            return _FAIL
    return built


def _value(annotation: Any, metadata: list[Any], value: Any) -> Any:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extras = get_args(annotation)
        for extra in extras:
            if not isinstance(extra, FieldInfo):
                raise _Unknown
            metadata = [*metadata, *extra.metadata]
        return _value(base, metadata, value)
    if origin is Union or origin is types.UnionType:
        options = get_args(annotation)
        if type(None) not in options or len(options) != 2:
            raise _Unknown
        if value is None:
            return None
        return _value(next(o for o in options if o is not type(None)), metadata, value)
    if origin is Literal:
        if metadata:
            raise _Unknown
        return value if any(type(value) is type(choice) and value == choice for choice in get_args(annotation)) else _FAIL
    if origin is list:
        (inner,) = get_args(annotation)
        if metadata:
            raise _Unknown
        if type(value) is not list:
            return _FAIL
        items = [_value(inner, [], v) for v in value]
        return _FAIL if any(v is _FAIL for v in items) else items
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if metadata:
            raise _Unknown
        return _model(annotation, value)
    if annotation is str:
        return _text(metadata, value)
    if annotation is int:
        return _number(metadata, value)
    if annotation is bool:
        if metadata:
            raise _Unknown
        return value if type(value) is bool else _FAIL
    raise _Unknown


def _text(metadata: list[Any], value: Any) -> Any:
    if type(value) is not str:
        return _FAIL
    plain = value.isascii()
    if not plain:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return _FAIL
    for rule in metadata:
        if isinstance(rule, MinLen):
            ok = len(value) >= rule.min_length
        elif isinstance(rule, MaxLen):
            ok = len(value) <= rule.max_length
        elif type(rule).__name__ == "_PydanticGeneralMetadata" and set(vars(rule)) == {"pattern"}:
            pattern = rule.pattern
            if not isinstance(pattern, str) or (not plain and _CLASSES.search(pattern)):
                return _FAIL
            ok = re.fullmatch(pattern, value) is not None
        else:
            raise _Unknown
        if not ok:
            return _FAIL
    return value


def _number(metadata: list[Any], value: Any) -> Any:
    if type(value) is not int:
        return _FAIL
    for rule in metadata:
        if isinstance(rule, Ge):
            ok = value >= rule.ge  # type: ignore[operator]
        elif isinstance(rule, Le):
            ok = value <= rule.le  # type: ignore[operator]
        elif type(rule).__name__ == "Strict" and getattr(rule, "strict", None) is True:
            ok = True  # an int that is not a bool is what strict mode wants
        else:
            raise _Unknown
        if not ok:
            return _FAIL
    return value
