"""The questions of where: where the forces went (destination; location for rival parts of one country) and where
the forces reaching a place came from (origin). Split from questions.py, whose Context and Question they use."""

from __future__ import annotations

from collections import defaultdict

from .facets import Facet, Spot, is_home, relation
from .findings import Conflict, PlacePoint
from .questions import Context, Question, claims_said


def _point(ctx: Context, spot: Spot) -> PlacePoint:
    if spot.place is None:
        return PlacePoint(spot.written, None, None)
    country = ctx.gazetteer.country_of(spot.place)
    return PlacePoint(spot.place.name, spot.place.name, country.name if country else None)


# --- where to, where in a country, where from --------------------------------------------------------------


def _moving(f: Facet) -> bool:
    return f.family in ("departure", "relocation") and f.claim.polarity == "asserted"


def _held(ctx: Context, q: Question) -> list[object]:
    """Answers that are regions holding another answer (a region of several countries and one of its members)."""
    places = {key: {f.destination.place for f in facets if f.destination is not None and f.destination.place is not None}
              for key, (_, _, facets) in q.answers.items()}
    return [key for key, mine in places.items()
            if any(p.kind == "region" and p.country is None and any(ctx.gazetteer.contains(p, o) for k, others in places.items() if k != key for o in others)
                   for p in mine)]


def _firm(f: Facet) -> bool:
    known = f.destination is None or f.destination.place is not None or f.destination.home
    return known and f.claim.movement != "transit" and f.claim.modality != "possibility"


def destination(ctx: Context) -> list[Conflict]:
    groups: dict[str, list[Facet]] = defaultdict(list)
    for f in ctx.facets:
        if _moving(f) and f.destination is not None:
            leaving = ctx.leaving(f)
            going = ctx.going(f)
            # going back is a return, not a rival end; "home" from the actor's own country is a misread origin
            if leaving is not None and going is not None and going[0] != leaving and not (going[1].home and going[1].name == leaving):
                groups[leaving].append(f)
    found = []
    for leaving, members in sorted(groups.items()):
        q = Question("destination", leaving, f"Where {ctx.people} forces leaving {leaving} went", {})
        for f in members:
            going = ctx.going(f)
            assert going is not None
            q.add(going[0], going[0], going[1], f)
        held = _held(ctx, q) if len(q.answers) > 1 else []
        for key in held:  # "to eastern Europe" holds "to Poland": the wider answer is no rival to the narrower one
            del q.answers[key]
        if len(q.answers) > 1:
            labels = sorted(q.answers, key=lambda k: (-len(q.answers[k][2]), str(k)))
            firm = [k for k in labels if any(_firm(f) for f in q.answers[k][2])]
            severity = "hard" if len(firm) > 1 else "soft"
            a, b = (firm + [k for k in labels if k not in firm])[:2]
            counts = "; ".join(f"{claims_said(len(q.answers[k][2]))} {'say' if len(q.answers[k][2]) > 1 else 'says'} {q.answers[k][0]}" for k in labels)
            explanation = f"{q.answers[a][0]} and {q.answers[b][0]} are different destinations for the same forces leaving {leaving} ({counts})"
            notes = []
            said = [f for k in labels for f in q.answers[k][2]]
            unknown = sorted({f.destination.written for f in said if f.destination and f.destination.place is None and not f.destination.home})
            if unknown:
                notes.append(f"the gazetteer does not know {', '.join(unknown)}: it may lie inside the other answer")
            if severity == "soft" and any(f.claim.movement == "transit" or f.claim.modality == "possibility" for f in said):
                notes.append("one side only passes through or is a possibility")
            plans = [q.answers[k][0] for k in labels if all(f.claim.modality == "plan" for f in q.answers[k][2])]
            if plans:
                notes.append(f"only plans or promises say {' / '.join(plans)}: the forces can go to one place and then the other")
            found.append(q.conflict(ctx.event, severity, explanation, notes))
        found.extend(_locations(ctx, leaving, members))
    return found


def _locations(ctx: Context, leaving: str, members: list[Facet]) -> list[Conflict]:
    """Rival parts of one destination country: western Iraq against Nineveh."""
    by_country: dict[str, dict[str, tuple[Spot, list[Facet]]]] = defaultdict(dict)
    for f in members:
        spot = f.destination
        if spot is None or spot.place is None or spot.place.kind == "country" or is_home(spot, f.actor, ctx.gazetteer):
            continue
        country = ctx.country(spot)
        if country:
            by_country[country].setdefault(spot.place.name, (spot, []))[1].append(f)
    found = []
    for country, places in sorted(by_country.items()):
        names = sorted(places)[:50]  # distinct named parts of one country in one event are few; the cap bounds the pairs
        rivals = [(x, y) for i, x in enumerate(names) for y in names[i + 1 :]
                  if relation(ctx.gazetteer, places[x][0], places[y][0]) == "disjoint" and not _named_after(x, y)]
        if not rivals:
            continue
        q = Question("location", f"{leaving}-{country}", f"Where in {country} {ctx.people} forces went", {})
        involved = sorted({n for pair in rivals for n in pair})
        for name in involved:
            spot, facets = places[name]
            for f in facets:
                q.add(name, name, _point(ctx, spot), f)
        kind = {name: spot.place.kind for name, (spot, _) in places.items() if spot.place is not None}
        areas = [(x, y) for x, y in rivals if {kind.get(x), kind.get(y)} <= {"region", "province"}]
        hard = bool(areas)
        x, y = (areas or rivals)[0]
        explanation = f"{x} and {y} are different parts of {country}: one force cannot be in both"
        notes = [] if hard else ["a town or base and a region are named: the force may be spread over both"]
        found.append(q.conflict(ctx.event, "hard" if hard else "soft", explanation, notes))
    return found


def _named_after(a: str, b: str) -> bool:
    """ "Rzeszow" and "Rzeszow-Jasionka Airport": a base or airport named after the town it serves is no rival to it."""
    x, y = sorted((a.casefold(), b.casefold()), key=len)
    return y.startswith(x) and not y[len(x):len(x) + 1].isalnum()


def origin(ctx: Context) -> list[Conflict]:
    groups: dict[str, list[Facet]] = defaultdict(list)
    for f in ctx.facets:
        going = ctx.going(f) if _moving(f) else None
        if going is not None and f.origin is not None and not going[1].home and ctx.country(f.origin) not in (None, going[0]):
            groups[going[0]].append(f)
    found = []
    for target, members in sorted(groups.items()):
        q = Question("origin", target, f"Where the {ctx.people} forces reaching {target} came from", {})
        for f in members:
            country = ctx.country(f.origin)
            assert country is not None and f.origin is not None
            q.add(country, country, PlacePoint(country, country if f.origin.place else None, country if f.origin.place else None), f)
        if len(q.answers) < 2:
            continue
        labels = sorted(q.answers, key=lambda k: (-len(q.answers[k][2]), str(k)))
        facts = [k for k in labels if any(f.claim.modality == "fact" for f in q.answers[k][2])]
        severity = "hard" if len(facts) > 1 else "soft"
        a, b = labels[:2]
        explanation = f"{a} and {b} are different origins for the forces reaching {target}"
        notes = ["two movements at the same time would make both true"]
        found.append(q.conflict(ctx.event, severity, explanation, notes))
    return found
