"""The conflict rules: for one pair of claims, a Finding of a given kind, or the reason there is none.

Each rule first applies the same-event test (whose forces, what kind of movement, which places,
how far apart in time) and only then looks for a contradiction. The engine and `--explain` call
the very same functions, so what `--explain` says is what the engine did.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..world import Gazetteer
from .facets import Facet, Spot, compatible, country_key, is_home, relation

#: Figures this close are one figure rounded two ways, not rival figures.
ROUNDING = 0.10


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    topic: str
    values: tuple[str, str]  # the value each claim holds, in the order (a, b)
    explanation: str
    notes: tuple[str, ...] = ()


Verdict = Finding | str  # a str is the reason for no conflict


def same_event(a: Facet, b: Facet) -> str | None:
    """Why two claims cannot be about the same forces, or None when they may be."""
    if a.actor is None or b.actor is None:
        return "one claim does not say whose forces"
    if a.actor != b.actor:
        return f"different forces ({a.actor} / {b.actor})"
    if a.claim.kind != "force" or b.claim.kind != "force":
        return f"not both about forces ({a.claim.kind} / {b.claim.kind})"
    return None


def _route(a: Facet, b: Facet, gazetteer: Gazetteer) -> str:
    """The route of a pair at country level, named by whichever claim names each end."""
    origin = country_key(gazetteer, a.origin or b.origin)
    destination = country_key(gazetteer, a.destination or b.destination)
    return f"{origin or '?'} → {destination or '?'}"


def numeric(a: Facet, b: Facet, gazetteer: Gazetteer) -> Verdict:
    why = same_event(a, b)
    if why:
        return why
    ca, cb = a.claim.count, b.claim.count
    if ca is None or cb is None:
        return "not both counts"
    if a.units != "personnel" or b.units != "personnel":
        return f"not both counts of personnel ({a.claim.unit or 'no unit'} / {b.claim.unit or 'no unit'}): equipment and other units are never set against each other"
    if a.group is None or a.group != b.group or (a.group == "presence" and a.claim.movement != b.claim.movement):
        # A garrison (hold) and the part of a force said to stay behind (stay) are different numbers.
        return f"not the same kind of movement ({a.claim.movement or 'none'} / {b.claim.movement or 'none'})"
    if "denied" in (a.claim.polarity, b.claim.polarity):
        return "a denied claim asserts no figure"
    for what, x, y in (("origins", a.origin, b.origin), ("destinations", a.destination, b.destination), ("locations", a.location, b.location)):
        if not compatible(gazetteer, x, y):
            return f"different {what} ({x.name if x else '?'} / {y.name if y else '?'})"
    if opposite(a, b, gazetteer):
        return "opposite directions: one leaves the place the other arrives at"
    (alo, ahi), (blo, bhi) = ca.bounds(), cb.bounds()
    central = (ca.value, ca.low, ca.high) if ca.qualifier != "vague" else (alo, ahi)
    if (alo, ahi) == (blo, bhi) or central == ((cb.value, cb.low, cb.high) if cb.qualifier != "vague" else (blo, bhi)):
        return "the same figure, hedged alike or differently"
    overlap = alo <= (bhi if bhi is not None else alo) and blo <= (ahi if ahi is not None else blo)
    va, vb = ca.display(), cb.display()
    where = _route(a, b, gazetteer) if a.group == "movement" else f"in {country_key(gazetteer, a.where or b.where) or '?'}"
    topic = f"How many {a.actor} personnel ({'moving ' + where if a.group == 'movement' else where})"
    notes: list[str] = []
    if overlap:
        explanation = f"{va} and {vb} are different figures, but their bounds overlap: both can be true"
        return Finding("numeric", "soft", topic, (va, vb), explanation, tuple(notes))
    low, high = sorted(((alo, ahi, va), (blo, bhi, vb)), key=lambda t: t[0])
    if low[1] is not None and high[0] and (high[0] - low[1]) / high[0] <= ROUNDING:
        explanation = f"{va} and {vb} differ by less than {ROUNDING:.0%}: a rounding difference rather than rival figures"
        return Finding("numeric", "soft", topic, (va, vb), explanation, tuple(notes))
    notes.append(f"{low[2]} may be a part of the larger figure (a subset: one convoy, one stage) rather than a rival one")
    explanation = f"{va} and {vb} cannot both be the size of the same force: their bounds do not overlap"
    return Finding("numeric", "hard", topic, (va, vb), explanation, tuple(notes))


def opposite(a: Facet, b: Facet, gazetteer: Gazetteer) -> bool:
    """Does one claim leave the place the other arrives at (a return, not the same movement)?"""
    # Compared by country: leaving one town of a country and arriving at another is still going back.
    for x, y in ((a, b), (b, a)):
        left, arrived = country_key(gazetteer, x.origin), country_key(gazetteer, y.destination)
        if left is not None and left == arrived and country_key(gazetteer, y.origin) != left:
            return True
    return False


def destination(a: Facet, b: Facet, gazetteer: Gazetteer) -> Verdict:
    why = same_event(a, b)
    if why:
        return why
    if a.group != "movement" or b.group != "movement":
        return "not both movements"
    if "denied" in (a.claim.polarity, b.claim.polarity):
        return "a denied movement names no destination"
    if a.destination is None or b.destination is None:
        return "not both name a destination"
    if not compatible(gazetteer, a.origin, b.origin):
        return "different origins: different movements"
    if opposite(a, b, gazetteer):
        return "opposite directions: one leaves the place the other arrives at"
    rel = relation(gazetteer, a.destination, b.destination)
    if rel != "disjoint":
        return "destinations agree" if rel in ("same", "within") else f"cannot tell whether {a.destination.name} and {b.destination.name} overlap (add them to a gazetteer)"
    country_a, country_b = _country(gazetteer, a.destination), _country(gazetteer, b.destination)
    # Rival countries are the destination question; rival parts of one country are the location question.
    values = (_where(a.destination, a.actor, gazetteer, country_a), _where(b.destination, b.actor, gazetteer, country_b))
    notes: tuple[str, ...] = ()
    if "transit" in (a.claim.movement, b.claim.movement) or "possibility" in (a.claim.modality, b.claim.modality):
        severity = "soft"
    else:
        severity = "hard"
    if country_a and country_a == country_b:
        kinds = {a.destination.place.kind if a.destination.place else "", b.destination.place.kind if b.destination.place else ""}
        severity = "hard" if kinds <= {"region", "province"} and severity == "hard" else "soft"
        values = (a.destination.name, b.destination.name)
        topic = f"Where in {country_a} {a.actor} forces went"
        explanation = f"{values[0]} and {values[1]} are different parts of {country_a}: one force cannot be in both"
        return Finding("location", severity, topic, values, explanation, notes)
    origin = country_key(gazetteer, a.origin or b.origin)
    topic = f"Where {a.actor} forces{' leaving ' + origin if origin else ''} went"
    explanation = f"{values[0]} and {values[1]} are different destinations for the same forces"
    if {a.claim.modality, b.claim.modality} & {"plan"}:
        notes = (*notes, "one side is a plan or promise: both can come true one after the other")
    return Finding("destination", severity, topic, values, explanation, notes)


def _where(spot: Spot, actor: str | None, gazetteer: Gazetteer, country: str | None) -> str:
    """Going "home" and going to the actor's home country are one destination, shown as one value."""
    if is_home(spot, actor, gazetteer):
        return f"home ({spot.place.name})" if spot.place else "home"
    return country or spot.name


def _country(gazetteer: Gazetteer, spot: Spot) -> str | None:
    if spot.place is None:
        return None
    country = gazetteer.country_of(spot.place)
    return country.name if country else None


def status(a: Facet, b: Facet, gazetteer: Gazetteer) -> Verdict:
    why = same_event(a, b)
    if why:
        return why
    if a.family is None or a.family != b.family or a.family == "presence":
        return "not the same kind of movement" if a.family != b.family else "stays are weighed as permission and duration"
    if a.claim.polarity == b.claim.polarity:
        return "both assert it" if a.claim.polarity == "asserted" else "both deny it"
    if {a.claim.modality, b.claim.modality} & {"permission", "demand"}:
        return "a permission or demand is weighed as permission and duration"
    for what, x, y in (("origins", a.origin, b.origin), ("destinations", a.destination, b.destination)):
        if not compatible(gazetteer, x, y):
            return f"different {what} ({x.name if x else '?'} / {y.name if y else '?'})"
    yes, no = (a, b) if a.claim.polarity == "asserted" else (b, a)
    if a.family == "departure":
        origin = country_key(gazetteer, a.origin or b.origin)
        question = f"withdrew{' from ' + origin if origin else ''}"
    else:
        end = a.destination or b.destination
        home = end is not None and is_home(end, a.actor, gazetteer)
        question = "went home" if home else f"moved{' to ' + (country_key(gazetteer, end) or '') if end else ''}"
    topic = f"Whether {a.actor} forces {question}"
    values = ("yes" if a is yes else "no", "yes" if b is yes else "no")
    severity = "hard" if yes.claim.modality == no.claim.modality else "soft"
    explanation = f"one claim says the forces {question}, the other denies it"
    if severity == "soft":
        explanation += f" (a {yes.claim.modality} against a {no.claim.modality})"
    return Finding("status", severity, topic, values, explanation)


def stance(f: Facet) -> str | None:
    """'stay' for forces said to stay; 'may not stay' for a denial, a demand to leave, or transit only."""
    claim = f.claim
    if claim.movement == "stay":
        if claim.polarity == "asserted" and claim.modality != "demand":
            return "stay"
        if claim.polarity == "denied" and claim.modality in ("permission", "demand", "fact"):
            return "may not stay"
    if claim.movement in ("leave", "withdraw") and claim.modality == "demand" and claim.polarity == "asserted":
        return "must leave"
    if claim.movement == "transit" and claim.modality == "permission" and claim.polarity == "asserted":
        return "transit only"
    return None


def permission(a: Facet, b: Facet, gazetteer: Gazetteer) -> Verdict:
    why = same_event(a, b)
    if why:
        return why
    sa, sb = stance(a), stance(b)
    if sa is None or sb is None:
        return "not both about staying or leaving"
    if (sa == "stay") == (sb == "stay"):
        return "both on the same side of staying"
    stay, other = (a, b) if sa == "stay" else (b, a)
    here = other.location or (other.origin if stance(other) == "must leave" else other.destination)
    if here is None or stay.where is None or not compatible(gazetteer, stay.where, here):
        return "not about the same place"
    deadline = other.claim.when is not None and other.claim.when.kind == "deadline"
    if stay.claim.duration == "temporary" and deadline:
        severity = "soft"
    else:
        severity = "hard"
    limit = f" ({other.claim.when.text})" if other.claim.when and deadline else ""
    told = f"{'temporarily ' if stay.claim.duration == 'temporary' else ''}stay"
    values = {stay.claim.id: told, other.claim.id: f"{stance(other)}{limit}"}
    topic = f"Whether {a.actor} forces may stay in {here.name}"
    explanation = f"one side says the forces {told} in {stay.where.name}, the other that they {stance(other)}{limit}"
    notes: tuple[str, ...] = ()
    if severity == "soft":
        notes = ("a temporary stay can end before the deadline: both can hold",)
    return Finding("permission", severity, topic, (values[a.claim.id], values[b.claim.id]), explanation, notes)


PAIR_RULES = {"numeric": numeric, "destination": destination, "status": status, "permission": permission}
