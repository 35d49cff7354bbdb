"""Safe file I/O and strict YAML: the one way troopclaims reads a user's file and writes one.

Takes paths and text; gives text read within a size limit (or a one-line error naming the file, line
and column), files written atomically under a lock, and YAML parsed strictly with every node's position.
Modules: read.py (reading), write.py (atomic, locked writes), strict_yaml.py (duplicate keys, depth and
size limits, positions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .read import MAX_ARTICLE_BYTES, MAX_DATA_BYTES, STDIN_NAME, folder_files, os_reason, path_kind, read_stdin, read_text
    from .strict_yaml import Loc, Located, StrictLoader, YamlProblem, load_located, problem_at
    from .write import (
        atomic_write_bytes, atomic_write_text, safe_write_bytes, safe_write_text, temp_files_of, update_text, write_lock,
    )  # fmt: skip

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_DATA_BYTES",
    "STDIN_NAME",
    "Loc",
    "Located",
    "StrictLoader",
    "YamlProblem",
    "atomic_write_bytes",
    "atomic_write_text",
    "folder_files",
    "load_located",
    "os_reason",
    "path_kind",
    "problem_at",
    "read_stdin",
    "read_text",
    "safe_write_bytes",
    "safe_write_text",
    "temp_files_of",
    "update_text",
    "write_lock",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "MAX_ARTICLE_BYTES": "read",
    "MAX_DATA_BYTES": "read",
    "read_text": "read",
    "read_stdin": "read",
    "folder_files": "read",
    "os_reason": "read",
    "path_kind": "read",
    "STDIN_NAME": "read",
    "Loc": "strict_yaml",
    "Located": "strict_yaml",
    "StrictLoader": "strict_yaml",
    "YamlProblem": "strict_yaml",
    "load_located": "strict_yaml",
    "problem_at": "strict_yaml",
    "atomic_write_bytes": "write",
    "atomic_write_text": "write",
    "safe_write_bytes": "write",
    "safe_write_text": "write",
    "temp_files_of": "write",
    "update_text": "write",
    "write_lock": "write",
}


__getattr__ = lazy_exports(__name__, _HOME)
