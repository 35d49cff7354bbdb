from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import Talk, data_option, gazetteer_option, source_option, story_data, talk_options
from .review_show import shown, value_text

if TYPE_CHECKING:
    from ..datafile import Claim, ReviewFile

_MENU = "[a]ccept, [e]dit, [r]eject, [b] accept all {n} of this article, [u]ndo, [s]kip or [q]uit?"
_REJECTED_MENU = "[a]ccept after all, [e]dit, [s]kip (stays rejected), [u]ndo or [q]uit?"


@click.command()
@data_option
@gazetteer_option
@source_option
@click.option("--rejected", is_flag=True, help="Go through the rejected candidates again: accept one after all, or leave it rejected.")
@talk_options
def review(data: Path | None, gazetteer: Path | None, source: str | None, rejected: bool, quiet: bool, verbose: bool) -> None:
    """Step through the candidates left to review: accept, edit, reject, accept a whole article, undo, skip or quit.

    Each candidate is shown with its quote in the article's words around it and every field a
    decision rests on: count, forces, movement, route, speaker, polarity and modality. An edit
    is typed as you would write it: "about 450", "more than 1,200", "on Tuesday", "from Latvia
    to Estonia", "denied", or "FIELD: value" ("speaker: Anna Berg", "quote: ..."). It is read
    with the extractor's own grammar, shown back for you to confirm, and checked as `check`
    would check it; an edit `check` would refuse is refused with the reason, and asked again.

    Every decision is saved at once, atomically and under the same lock as every other writer,
    so quitting or being killed loses nothing decided. If the file changed on disk meanwhile
    (another review, add, a hand edit), it is read again and you are told; a claim changed
    there is shown again rather than overwritten. A rejected candidate stays in the file as
    status: rejected, out of every other command, and add never brings it back.

    \b
    Examples (in a story folder made by troopclaims init):
      troopclaims review
      troopclaims review --source reuters --rejected
    """
    from ..datafile import ReviewFile, match_sources

    path = story_data(data)
    talk = Talk(quiet, verbose)
    file = ReviewFile(path, gazetteer)
    wanted = match_sources(file.dataset, source) if source else None
    session = _Session(file, rejected, wanted)
    if not session.queue:
        talk.say(f"{path}: nothing left to review" if not rejected else f"{path}: no rejected candidates")
        return
    session.run()
    tally = session.tally
    left = sum(c.status == "active" and not c.reviewed for c in file.claims())
    talk.say(f"{path}: {tally['accepted']} accepted, {tally['rejected']} rejected, {tally['edited']} edited; {left} left to review")


@dataclass
class _Session:
    file: ReviewFile
    rejected: bool
    sources: set[str] | None
    queue: list[str] = field(default_factory=list)
    tally: Counter[str] = field(default_factory=Counter)
    history: list[tuple[int, str, list[tuple[Claim, Claim]]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._refill()

    def waiting(self, claim: Claim | None) -> bool:
        if claim is None or (self.sources is not None and claim.source not in self.sources):
            return False
        return claim.status == "rejected" if self.rejected else claim.status == "active" and not claim.reviewed

    def _refill(self) -> None:
        """Candidates that came in meanwhile (add beside review) join the end of the queue."""
        queued = set(self.queue)
        self.queue += [c.id for c in self.file.claims() if c.id not in queued and self.waiting(c)]

    def run(self) -> None:
        at = 0
        while at < len(self.queue):
            claim = self.file.claim(self.queue[at])
            if claim is None or not self.waiting(claim):
                at += 1
                continue
            click.echo(shown(self.file, claim, f"[{at + 1}/{len(self.queue)}]"))
            same = [c for c in map(self.file.claim, self.queue[at:]) if c is not None and self.waiting(c) and c.source == claim.source]
            menu = _REJECTED_MENU if self.rejected else _MENU.format(n=len(same))
            choice = _ask(menu, ("a", "e", "s", "u", "q") if self.rejected else ("a", "e", "r", "b", "u", "s", "q"))
            if choice == "q":
                return
            if choice == "s":
                at += 1
            elif choice == "u":
                at = self._undo(at)
            elif choice == "e":
                self._edit(at, claim)
            else:
                verb = {"a": "accepted", "r": "rejected", "b": "accepted"}[choice]
                status = "rejected" if choice == "r" else "active"
                chosen = same if choice == "b" else [claim]
                changes = [(c, c.model_copy(update={"reviewed": True, "status": status})) for c in chosen]
                if self._save(changes, verb):
                    self.history.append((at, verb, changes))
                    self.tally[verb] += len(changes)
                    at += 1

    def _save(self, changes: list[tuple[Claim, Claim]], verb: str) -> bool:
        """Write the changes; True when all were written. Says what changed on disk meanwhile."""
        written = self.file.write(changes)
        if written.reloaded:
            click.echo(f"{self.file.path} changed on disk since it was read (another review, add or an edit by hand): read it again", err=True)
            self._refill()
        for claim_id in written.stale:
            click.echo(f"claim {claim_id} was changed meanwhile in the file; nothing written for it: decide again on it as it is now", err=True)
        if written.written and not written.stale:
            click.echo(f"saved: {verb} {', '.join(written.written)}")
        return not written.stale

    def _undo(self, at: int) -> int:
        if not self.history:
            click.echo("nothing to undo in this session", err=True)
            return at
        back, verb, changes = self.history[-1]
        if not self._save([(new, old) for old, new in changes], f"undone: {verb}"):
            return at
        self.history.pop()
        self.tally[verb] -= len(changes) if verb != "edited" else 1
        return back

    def _edit(self, at: int, claim: Claim) -> None:
        from ..datafile import EDIT_EXAMPLES, EDITABLE

        while True:
            try:
                line = click.prompt(f"change (e.g. {EDIT_EXAMPLES}; fields: {', '.join(EDITABLE)}; empty to go back)", default="", show_default=False)
            except click.Abort as exc:
                _interrupted(exc)
                return
            if not line.strip():
                return
            changed, reason = edited(self.file, claim, line)
            if changed is None:
                click.echo(f"refused: {reason}; nothing saved, try again", err=True)
                continue
            click.echo(f"  now: {_differences(claim, changed)}")
            if _confirm() and self._save([(claim, changed)], "edited"):
                self.history.append((at, "edited", [(claim, changed)]))
                self.tally["edited"] += 1
            return


def edited(file: ReviewFile, claim: Claim, line: str) -> tuple[Claim | None, str]:
    """The claim with one typed edit made, or None and the reason it is refused (as check would refuse it)."""
    from pydantic import ValidationError

    from ..datafile import Claim, EditRefused, parse_edit

    try:
        changes = parse_edit(line, _when_reader(file, claim))
    except EditRefused as exc:
        return None, str(exc)
    record = claim.model_dump(mode="json", exclude_defaults=True)
    for name, value in changes.items():
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    try:
        changed = Claim.model_validate(record)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        return None, f"{where}: {first['msg'].removeprefix('Value error, ')}"
    problems = file.problems(changed)
    return (None, problems[0]) if problems else (changed, "")


def _when_reader(file: ReviewFile, claim: Claim) -> Any:
    from ..datafile import When
    from ..time import guess_tense, resolve

    published = file.dataset.sources[claim.source].published.parsed

    def read(text: str) -> When:
        found = resolve(text, published, tense=guess_tense(claim.quote))
        if found.value is None:
            raise ValueError(found.reason)
        return When(text=text, value=found.value, kind=found.kind)

    return read


def _ask(question: str, choices: tuple[str, ...]) -> str:
    try:
        answer: str = click.prompt(question, type=click.Choice(choices), show_choices=False, prompt_suffix=" ")
    except click.Abort as exc:
        _interrupted(exc)
        return "q"  # end of input: stop, everything decided so far is saved
    return answer


def _confirm() -> bool:
    try:
        return click.confirm("save it?", default=True)
    except click.Abort as exc:
        _interrupted(exc)
        return False


def _interrupted(exc: click.Abort) -> None:
    # click turns both Ctrl-C and the end of input into Abort; Ctrl-C must still end the command (exit 130).
    if isinstance(exc.__context__, KeyboardInterrupt):
        raise KeyboardInterrupt


def _differences(old: Claim, new: Claim) -> str:
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    return " · ".join(f"{name}: {value_text(after[name])}" for name in after if after[name] != before.get(name)) or "no change"

