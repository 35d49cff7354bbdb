"""Where the bundled five-article dataset lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def default_data_path() -> Path:
    """The data file used when --data is not given.

    An installed wheel carries it under troopclaims/bundled/; an editable install or a plain
    source checkout reads the repository's own data/claims.yaml.
    """
    bundled = _PACKAGE / "bundled" / "data" / "claims.yaml"
    if bundled.is_file():
        return bundled
    return _PACKAGE.parent.parent / "data" / "claims.yaml"
