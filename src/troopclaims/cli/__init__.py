"""The troopclaims command line: each command parses its options, calls the library, and renders.

Only click is imported here; each command imports what it needs when it runs, so that
`troopclaims --help` and shell completion stay cheap.
"""

from __future__ import annotations

from typing import Any

import click

from ..errors import TroopclaimsError, UsageError


class _Group(click.Group):
    """Turns the package's one exception into a click error at the edge, with its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(str(exc), _command_context(ctx)) from None
        except TroopclaimsError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # output piped into `head`: stop quietly
            ctx.exit(0)
        except OSError as exc:  # a refusal no stage foresaw (a name too long, no permission): one line all the same
            from ..errors import one_line
            from ..files import os_reason

            named = f"{exc.filename}: " if exc.filename is not None else ""
            raise click.ClickException(one_line(f"{named}{os_reason(exc)}")) from None
        except KeyboardInterrupt:  # Ctrl-C: the shell's convention, 128 + SIGINT, without click's "Aborted!"
            ctx.exit(130)


def _command_context(ctx: click.Context) -> click.Context:
    """The context of the subcommand that ran, so a usage error shows that command's usage, not the group's."""
    name = ctx.invoked_subcommand
    command = main.get_command(ctx, name) if name else None
    return click.Context(command, info_name=name, parent=ctx) if command is not None else ctx


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="troopclaims", prog_name="troopclaims")
def main() -> None:
    """Sourced claims about troop movements from news articles, and where the sources disagree.

    A story of your own starts with `troopclaims init FOLDER`; inside FOLDER (or below it) every
    command works on FOLDER/claims.yaml. Elsewhere name a data file with --data PATH or
    TROOPCLAIMS_DATA=PATH. With none of these the reading commands show the bundled demo (five
    articles on US troops leaving northeastern Syria in October 2019) and say so on stderr.

    \b
    Examples (on the bundled demo, from any folder outside a story):
      troopclaims list --source shafaq
      troopclaims conflicts --kind numeric
    """


def _register() -> None:
    from . import add, check, conflicts, export, extract, init, listing, report, review, timeline

    commands = (
        init.init, add.add, review.review, check.check, check.schema, listing.list_claims, conflicts.conflicts,
        conflicts.events, timeline.timeline, report.report, export.export, extract.extract,
    )
    for command in commands:
        main.add_command(command)


_register()
