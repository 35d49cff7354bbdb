"""How the data-file check words a problem: where a quote stops matching, why a path cannot be
resolved, a field's dotted location and the fields that could have been meant."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .anchors import Folded, fold_quote, line_of


def near_miss(article: Folded, text: str, quote: str) -> str:
    """Say how much of the quote does match, so the reviewer knows where to look."""
    needle = fold_quote(quote)
    low, high = 0, len(needle)
    while low < high:  # longest prefix of the quote that occurs in the article
        middle = (low + high + 1) // 2
        if needle[:middle] in article.text:
            low = middle
        else:
            high = middle - 1
    if low < 12:
        return ""
    at = article.text.find(needle[:low])
    line = line_of(text, article.origin[at])
    return f"; its first {low} characters match at line {line}, then it has {needle[low:low + 20]!r}"


def resolve_path(path: Path) -> Path | str:
    """path with every symbolic link and '..' resolved, or why that is impossible."""
    try:
        return path.resolve()
    except ValueError:
        return "the path contains a NUL character"
    except RuntimeError:  # Python before 3.13 reports a link loop this way
        return "a symbolic link loop"
    except OSError as exc:
        return "a symbolic link loop" if exc.errno == errno.ELOOP else f"cannot be resolved: {exc.strerror or exc}"


def dotted(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Field names of the (nested) model that loc points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        annotation = info.annotation
        args = getattr(annotation, "__args__", ())
        current = next((arg for arg in (annotation, *args) if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
        if current is None:
            return []
    return sorted(getattr(current, "model_fields", {}))
