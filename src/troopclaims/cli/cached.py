"""The commands whose view is kept in the analysis cache (present/cache.py): list, conflicts, events, timeline.

A command hands show() how to make its view from the data file; a second run on unchanged files renders the
cached view without loading the data file's models, the world index or the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import Reading, inputs_of, is_stdin, narrow, render_view, resolve_data

if TYPE_CHECKING:
    from ..datafile import Dataset
    from ..present import View


def show(
    reading: Reading, command: str, options: dict[str, Any], make: Callable[[Dataset], View], corpus: Path | None = None
) -> View:
    """Render make(the data file)'s view as the shared options ask, from the cache when every input is unchanged.

    options: the command's own options that the view depends on; corpus: claims read from JSON lines instead of
    the data file (--claims). Standard input and a corpus are never cached.
    """
    from ..present import ViewCache, cached_view

    if corpus is not None:
        if reading.data is not None:
            raise click.UsageError("--claims and --data exclude each other: the claims come from one of them")
        from ..datafile import load_corpus

        dataset, left_out = load_corpus(corpus)
        if left_out:
            reading.talk.say(f"{corpus}: {left_out} claim(s) left out: their article has no date (no \"about\" line)")
        dataset = narrow(dataset, reading.reviewed_only, reading.since, reading.until)
        view = make(dataset)
        render_view(view, reading.output_format, reading.output, [], reading.talk)
        return view
    cache = None
    if not reading.no_cache and not is_stdin(reading.data):
        reading.data = resolve_data(reading.data)  # found once: the demo notice is said once
        shared = {"format": reading.output_format, "reviewed_only": reading.reviewed_only, "since": reading.since, "until": reading.until}
        cache = ViewCache(reading.data, command, {**options, **shared}, (reading.gazetteer,) if reading.gazetteer else ())

    def analyse() -> tuple[View, list[Path]]:
        dataset = reading.load()
        return make(dataset), inputs_of(dataset)

    view, read, hit = cached_view(cache, analyse)
    if hit:
        reading.talk.detail(f"{reading.data}: unchanged since an earlier run, its analysis read from the cache (--no-cache to redo it)")
    render_view(view, reading.output_format, reading.output, read, reading.talk)
    return view
