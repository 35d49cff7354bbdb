"""Words for people: dates as a reader writes them, and what a claim says in a short phrase.

The machine formats keep ISO dates and TIMEX values; these are for the report's page only.
"""

from __future__ import annotations

import re

from ..datafile import Claim, parse_value

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
PARTS = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night"}
#: What the report calls a claim the outlet makes in its own voice, with no speaker named.
OWN_WORDS = "The outlet's own words"


def human_date(value: str, kind: str = "point") -> str:
    """'2019-10-19TNI' → 'night of 19 Oct 2019'; '2019-W42' → 'week of 14 Oct 2019'; a deadline → 'by …'."""
    try:
        parsed = parse_value(value)
    except ValueError:
        return value
    day = parsed.start
    if parsed.precision == "year":
        text = str(day.year)
    elif parsed.precision == "month":
        text = f"{MONTHS[day.month - 1]} {day.year}"
    elif parsed.precision == "week":
        text = f"week of {day.day} {MONTHS[day.month - 1]} {day.year}"
    else:
        text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if parsed.precision == "part_of_day":
            text = f"{PARTS['T' + value.rsplit('T', 1)[1]]} of {text}"
    if kind == "open_interval":
        return f"since {text}"
    if kind == "deadline":
        return f"by {text}"
    return text


def claim_phrase(claim: Claim) -> str:
    """'US: 1,000 troops move from Syria to Iraq (plan)': what the claim says happened, with no '?' for a gap."""
    who = claim.actor or ""
    count = f"{claim.count.display()} {claim.unit or ''}".strip() if claim.count else ""
    subject = count or (claim.unit or ("forces" if claim.kind == "force" else claim.kind))
    verb: str = claim.movement or ""
    if claim.polarity == "denied":
        verb = f"did not {verb}" if verb else "(denied)"
    route = []
    if claim.origin:
        route.append(f"from {claim.origin}")
    if claim.destination:
        route.append("home" if claim.destination.casefold() == "home" else f"to {claim.destination}")
    if claim.location:
        route.append(f"at {claim.location}")
    if claim.kind == "statement" and not (count or verb or route):
        subject = "a statement"  # says something about the forces that is not a movement or a count
    words = " ".join(part for part in (subject, verb, *route) if part)
    if claim.duration:
        words += f", {claim.duration}"
    if claim.modality != "fact":
        words += f" ({claim.modality})"
    return f"{who}: {words}" if who else words


_DATE_VALUE = re.compile(r"\b\d{4}-(?:W\d{2}|\d{2}(?:-\d{2}(?:T(?:MO|AF|EV|NI))?)?)\b")


def humanize_dates(text: str) -> str:
    """Every date value in a sentence of the engine's ("up to 12 months apart (2019-10-20 to 2020-11)") for people."""
    return _DATE_VALUE.sub(lambda m: human_date(m.group(0)), text)
