from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import Talk, data_option, gazetteer_option, source_option, story_data, talk_options

if TYPE_CHECKING:
    from ..datafile import Claim, Dataset

#: Characters of the article shown on each side of a quote.
CONTEXT = 240
#: Fields a reviewer may set; id, source and status are the tool's to manage.
EDITABLE = (
    "quote", "kind", "speaker", "speaker_role", "cited", "actor", "count", "unit", "movement", "origin", "destination",
    "location", "polarity", "modality", "duration", "when", "note",
)
_SHOWN = ("kind", "count", "unit", "actor", "movement", "origin", "destination", "location", "speaker", "speaker_role",
          "cited", "polarity", "modality", "duration", "when", "note")


@click.command()
@data_option
@gazetteer_option
@source_option
@talk_options
def review(data: Path | None, gazetteer: Path | None, source: str | None, quiet: bool, verbose: bool) -> None:
    """Step through the candidates left to review: accept, edit a field, reject, skip or quit.

    Each candidate is shown with its quote in the article's words around it. Every decision is
    saved to the data file at once (atomically), so quitting loses nothing. A rejected candidate
    stays in the file as status: rejected, which keeps later merges from adding it again and
    keeps it out of every other command.

    \b
    Examples:
      troopclaims review --data data/claims.yaml
      troopclaims review --data data/claims.yaml --source shafaq
    """
    from ..datafile import load_dataset, select_claims

    data = story_data(data)
    talk = Talk(quiet, verbose)
    dataset = load_dataset(data, gazetteer=gazetteer)
    pending = [claim for claim in select_claims(dataset, source=source) if not claim.reviewed]
    if not pending:
        talk.say(f"{data}: nothing left to review")
        return
    tally = {"accepted": 0, "rejected": 0, "edited": 0}
    for number, claim in enumerate(pending, start=1):
        outcome, edited = _review_one(dataset, data, claim, f"[{number}/{len(pending)}]")
        tally["edited"] += edited
        if outcome == "quit":
            break
        if outcome in tally:
            tally[outcome] += 1
    left = load_dataset(data, gazetteer=gazetteer).unreviewed
    talk.say(f"{data}: {tally['accepted']} accepted, {tally['rejected']} rejected, {tally['edited']} edited; {left} left to review")


def _review_one(dataset: Dataset, data: Path, claim: Claim, counter: str) -> tuple[str, bool]:
    """What became of the claim (accepted, rejected, skipped or quit), and whether it was edited first."""
    from ..datafile import update_claim

    edited = False
    while True:
        click.echo(_shown(dataset, claim, counter))
        choice = _ask("[a]ccept, [e]dit a field, [r]eject, [s]kip or [q]uit?", ("a", "e", "r", "s", "q"))
        if choice == "a":
            update_claim(data, claim.model_copy(update={"reviewed": True}))
            return "accepted", edited
        if choice == "r":
            update_claim(data, claim.model_copy(update={"reviewed": True, "status": "rejected"}))
            return "rejected", edited
        if choice in ("s", "q"):
            return ("skipped" if choice == "s" else "quit"), edited
        changed = _edit(claim)
        if changed is not None:
            update_claim(data, changed)
            claim, edited = changed, True


def _ask(question: str, choices: tuple[str, ...]) -> str:
    try:
        answer: str = click.prompt(question, type=click.Choice(choices), show_choices=False)
    except click.Abort:
        return "q"  # end of input: stop, everything decided so far is saved
    return answer


def _edit(claim: Claim) -> Claim | None:
    """The claim with one field changed as the reviewer types it, or None when they give up."""
    import yaml
    from pydantic import ValidationError

    from ..datafile import Claim

    try:
        field = click.prompt("field", type=click.Choice(EDITABLE))
        current = claim.model_dump(mode="json", exclude_defaults=True).get(field)
        now = f"now {_value(current)}; " if current is not None else ""
        raw = click.prompt(f"value ({now}YAML, e.g. {{qualifier: about, value: 400}} for a count; empty to clear)", default="", show_default=False)
    except click.Abort:
        return None
    try:
        value: Any = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError as exc:
        click.echo(f"not a YAML value: {str(exc).splitlines()[0]}", err=True)
        return None
    if isinstance(value, (int, float)) and field not in ("count",):
        value = raw.strip()  # "1st Brigade" aside, a bare number in a text field is still text
    record = claim.model_dump(mode="json", exclude_defaults=True)
    if value is None:
        record.pop(field, None)
    else:
        record[field] = value
    try:
        return Claim.model_validate(record)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        click.echo(f"{where}: {first['msg'].removeprefix('Value error, ')}; nothing changed", err=True)
        return None


def _shown(dataset: Dataset, claim: Claim, counter: str) -> str:
    source = dataset.sources[claim.source]
    lines = [f"{counter} {claim.id} — {source.outlet}, {source.published.date}: {source.title}"]
    text, span = dataset.texts.get(claim.source), dataset.spans.get(claim.id)
    if text is not None and span is not None:
        start, end = span
        before = text[max(0, start - CONTEXT) : start]
        after = text[end : end + CONTEXT]
        quote = click.style(text[start:end], bold=True, underline=True)
        lines.append(_wrapped(" ".join(f"…{before}»{quote}«{after}…".split())))
    else:
        lines.append(_wrapped(f"»{claim.quote}«"))
    fields = claim.model_dump(mode="json", exclude_defaults=True)
    shown = [f"{name}: {_value(fields[name])}" for name in _SHOWN if name in fields]
    if shown:
        lines.append(_wrapped(" · ".join(shown)))
    return "\n".join(lines)


def _wrapped(text: str) -> str:
    import shutil
    import textwrap

    width = max(40, min(110, shutil.get_terminal_size().columns - 1))
    return textwrap.fill(text, width=width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)
