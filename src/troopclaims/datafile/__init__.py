"""The data file: the claim model, loading and checking a file, quote anchoring, merge.

Takes a claims YAML file and its articles; gives a Dataset (sources, claims, every quote anchored) or
every problem with its line and column. Also how amounts are written ("about 1,000"), shared by the
checker and the extractor, and the record of candidate claims (Extracted) that merge writes into a file.
Modules: dates.py, model.py, schema.py, anchors.py, amounts.py, mentions.py, dataset.py, describe.py, selection.py,
candidates.py, merge.py, edit.py (review's writes), natural.py (review's edits as a person types them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .corpus import load_corpus
    from .amounts import Amount, find_amounts, has_amount_hint
    from .anchors import Folded, find_quote, fold, fold_quote
    from .candidates import Extracted
    from .dataset import Dataset, check_file, load_dataset
    from .dates import DateValue, Precision, day_value, month_value, parse_publication, parse_value, week_value
    from .discover import STORY_DATA, data_files_touched, find_story
    from .edit import ReviewFile, Written
    from .natural import EDIT_EXAMPLES, EDITABLE, EditRefused, parse_edit
    from .quick import plain_data
    from .merge import merge_into
    from .model import MAX_COUNT, Claim, Count, DataFile, Source, When
    from .schema import data_file_schema
    from .template import SCHEMA_FILE, new_data_file
    from .selection import match_sources, select_claims

__all__ = [
    "load_corpus",
    "MAX_COUNT",
    "SCHEMA_FILE",
    "STORY_DATA",
    "Amount",
    "Claim",
    "Count",
    "DataFile",
    "Dataset",
    "DateValue",
    "EDITABLE",
    "EDIT_EXAMPLES",
    "EditRefused",
    "Extracted",
    "Folded",
    "Precision",
    "ReviewFile",
    "Source",
    "When",
    "Written",
    "check_file",
    "data_file_schema",
    "data_files_touched",
    "day_value",
    "find_amounts",
    "find_quote",
    "fold",
    "find_story",
    "fold_quote",
    "has_amount_hint",
    "load_dataset",
    "match_sources",
    "merge_into",
    "new_data_file",
    "month_value",
    "parse_publication",
    "parse_edit",
    "parse_value",
    "plain_data",
    "select_claims",
    "week_value",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "load_corpus": "corpus",
    "Folded": "anchors",
    "Amount": "amounts",
    "find_amounts": "amounts",
    "has_amount_hint": "amounts",
    "find_quote": "anchors",
    "fold": "anchors",
    "fold_quote": "anchors",
    "Extracted": "candidates",
    "Dataset": "dataset",
    "check_file": "dataset",
    "load_dataset": "dataset",
    "DateValue": "dates",
    "Precision": "dates",
    "day_value": "dates",
    "month_value": "dates",
    "parse_publication": "dates",
    "parse_value": "dates",
    "week_value": "dates",
    "merge_into": "merge",
    "ReviewFile": "edit",
    "Written": "edit",
    "EDITABLE": "natural",
    "EDIT_EXAMPLES": "natural",
    "EditRefused": "natural",
    "parse_edit": "natural",
    "plain_data": "quick",
    "data_files_touched": "discover",
    "find_story": "discover",
    "STORY_DATA": "discover",
    "SCHEMA_FILE": "template",
    "new_data_file": "template",
    "MAX_COUNT": "model",
    "Claim": "model",
    "Count": "model",
    "DataFile": "model",
    "Source": "model",
    "When": "model",
    "data_file_schema": "schema",
    "match_sources": "selection",
    "select_claims": "selection",
}


__getattr__ = lazy_exports(__name__, _HOME)
