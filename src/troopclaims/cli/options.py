"""Options shared by several commands, so each is declared once with one help text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def data_option(func: F) -> F:
    return click.option(
        "--data",
        "data",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="The claims data file (YAML). Default: the bundled five-article dataset.",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def source_option(func: F) -> F:
    return click.option("--source", "source", metavar="ID|OUTLET", help="Only this source (its id or outlet name).")(func)


def resolve_data(data: Path | None) -> Path:
    from ..paths import default_data_path

    return data if data is not None else default_data_path()
