"""Who says it: speakers, their titles, and the sources an outlet cites.

Three kinds of evidence, all from the article itself:

* people: names after a title ("Defense Secretary Jane Doe", "the spokesman, John Roe"),
  and capitalised two- to four-word names; a later surname, a misspelt surname with the same
  first name, a pronoun or a title ("the Pentagon chief", "his Iraqi counterpart") is resolved
  to one of them;
* attributions: "X said", "said X", "X told reporters", "according to X", "X tweeted";
* citations: an attribution whose subject is a news outlet, agency, monitor or "sources"
  is a cited source, not a speaker; "X reports:" on a line of its own cites X for the rest
  of the article (republished text).

This module holds the vocabulary and the people; speech.py holds attributions and citations.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..world import Gazetteer

# --- vocabulary ----------------------------------------------------------------------------------------------

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|tweeted|tweets|wrote|writes|announced|announces|warned|warns|stressed|"
    "stresses|added|adds|adding|stated|states|claimed|claims|declared|declares|insisted|insists|noted|notes|"
    "explained|explains|confirmed|confirms|denied|denies|argued|argues|assured|assures|affirmed|affirms|"
    "indicated|indicates|suggested|suggests|acknowledged|acknowledges|vowed|vows|promised|promises|pledged|"
    "pledges|threatened|threatens|urged|urges|asserted|asserts|emphasi[sz]ed|emphasi[sz]es|revealed|reveals|"
    "commented|reiterated|reiterates|reported|reports|posted|announcing|stressing|warning|insisting|noting|insist|"
    "believe|believes|believed|estimated|estimate|concluded|conclude|concludes|alleged|alleges|accused|accuses|"
    "responded|responds|replied|replies|mentioned|mentions|admitted|admits|disclosed|discloses|"
    "vowing|promising|claiming|arguing|declaring|stating|pledging|threatening|expressed|expresses|voiced|voices"
)
#: Seeing no evidence is a statement too, and its subject is the one who makes it:
#: "NATO has seen no sign that ..." is NATO's word on the movement.
_PERCEIVE = r"(?:seen|sees|see|saw|found|finds|observed|observes|detected|detects)(?=\s+(?:no|any|little)\s+(?:evidence|signs?|indications?|proof)\b)"
# case-sensitive: verbs are lower case. The look-ahead of first letters lets the scan skip other positions.
_SPEECH_FIRST = "".join(sorted({w[0] for w in SPEECH_VERBS.split("|")} | set("sfod")))
SPEECH_RE = re.compile(rf"(?=[{_SPEECH_FIRST}])\b(?:{SPEECH_VERBS}|{_PERCEIVE})\b")
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
BACK_REFERENCE_RE = re.compile(r"(?:the\s+)?(?:report|statement)", re.IGNORECASE)
REPORT_BY_RE = re.compile(r"(?:an?\s+|the\s+)?(?:reports?|statement|article|dispatch)\s+(?:by|from|of|in)\s+(.+)", re.IGNORECASE)
CUE_RE = re.compile(rf"(?=[{_SPEECH_FIRST}Aacdp])\b(?:{SPEECH_VERBS}|{_PERCEIVE}|[Aa]ccording|calls?|demands?|appeals?|pressure)\b")
CALLS_RE = re.compile(r"\b(?:calls?|demands?|appeals?|pressure)\s+(?:from|by)\s+(?P<np>(?:[A-Z][\w'’-]*\s+)*[a-z]+)\s+(?:to|for)\b")

#: Words that make a noun phrase a news outlet, agency or monitor: its statements are citations.
MEDIA_WORDS = frozenset(
    "news agency press post times journal reuters afp ap bbc cnn nbc cbs abc fox tv television channel radio "
    "newspaper gazette telegraph guardian tribune herald observatory monitor report reports media outlet "
    "outlets website daily wire xinhua tass sputnik anadolu sana irna ria bloomberg newswire magazine".split()
)
#: Heads of noun phrases naming institutions that speak: "the Iraqi military said".
ORG_WORDS = frozenset(
    "military army government ministry coalition command pentagon department office council parliament officials "
    "official administration embassy presidency kremlin authorities authority commanders leadership cabinet "
    "forces navy spokesman spokeswoman spokesperson lawmakers leaders legislators agency experts analysts "
    "alliance".split()
)
#: Last words of capitalised names that are places or bodies, never people.
_NOT_PERSON_HEADS = frozenset(
    "oblast region province governorate district county airport base airbase strip corridor camp fort island islands "
    "sea gulf river valley desert border crossing station port bridge square street road highway palace hospital "
    "university institute center centre house division brigade regiment battalion corps guard front party group union "
    "republic kingdom federation nations organization organisation committee forces force".split()
)
#: Head words of titles.
ROLE_HEADS = frozenset(
    "president minister secretary spokesman spokeswoman spokesperson general gen colonel col commander chief "
    "ambassador envoy adviser advisor director leader king emir senator sen representative rep governor mayor "
    "admiral adm captain capt major maj sergeant sgt lieutenant lt officer official chairman premier commissioner "
    "coordinator deputy undersecretary counterpart head".split()
)
_HONORIFICS = frozenset("general gen colonel col mr mrs ms dr adm admiral capt captain sgt lt maj major president".split())
#: Roles of one office under different names; a title naming one of them matches a title naming another.
_DOMAINS = {
    "defense": "defense", "defence": "defense", "pentagon": "defense", "war": "defense",
    "foreign": "foreign", "state": "foreign", "interior": "interior", "finance": "finance",
}
#: Titles that mean a country's defence department as a whole ("the Pentagon chief").
_INSTITUTION_NATION = {"pentagon": "US", "kremlin": "Russia", "elysee": "France", "whitehall": "UK"}
_HEAD_FAMILY = {"secretary": "office", "minister": "office", "chief": "office", "head": "office"}
LOWER_IN_NP = frozenset(
    {"of", "for", "top", "senior", "international", "official", "military", "defense", "defence", "foreign",
     "interior", "state", "security", "local", "national", "deputy", "former", "acting", "new", "press", "media",
     "human", "rights"}
) | MEDIA_WORDS | ORG_WORDS | ROLE_HEADS
SKIPPABLE = frozenset(
    "also nonetheless nevertheless again later then previously earlier repeatedly recently reportedly yesterday today "
    "has have had was were is are did does do would will had further separately however meanwhile too once "
    "on in at last this that night week morning evening afternoon monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
DETERMINERS = frozenset("the a an his her its their our this that these those".split())

_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)"
_PARTICLE = r"(?:al|el|bin|ibn|abu|de|van|von|der|la|le|da|di)"
NAME = rf"{_NAME_TOKEN}(?:\s(?:{_PARTICLE}[-\s])?{_NAME_TOKEN}){{1,3}}"
NAME_RE = re.compile(rf"(?=[A-ZÀ-ÖØ-Þ])\b{NAME}\b")  # the look-ahead skips the scan to capitals
NAME_OR_WORD_RE = re.compile(rf"{NAME}|{_NAME_TOKEN}")
#: "The Observatory, a war monitor in London, said": the subject is the name before the apposition.
APPOSED_RE = re.compile(
    r"(?P<np>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|for|of|the))*)\s*,\s*(?:a|an|the)\s[^,;:\"“”]{1,80},\s*$"
)
def _either_case(pattern: str) -> str:
    """'president|gen\\.?' -> '[Pp]resident|[Gg]en\\.?': case-insensitive for the first letter only.

    A case-insensitive flag makes an alternation of words several times slower to scan with.
    """
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in pattern.split("|"))


_TITLE_WORDS = (
    r"president|minister|secretary|spokesman|spokeswoman|spokesperson|general|gen\.?|colonel|col\.?|"
    r"commander(?:-in-chief)?|chief|ambassador|envoy|adviser|advisor|director|leader|king|emir|senator|sen\.|rep\.|"
    r"governor|mayor|admiral|adm\.|captain|capt\.|major|maj\.|sergeant|sgt\.|lieutenant|lt\.|chairman|premier|"
    r"commissioner|coordinator|undersecretary|mr\.?|mrs\.?|ms\.?|dr\.?"
)
_TITLE_HEAD = "(?:" + _either_case(_TITLE_WORDS) + ")"
_TITLE_FIRST = "".join(sorted({c for w in _TITLE_WORDS.split("|") for c in (w[0], w[0].upper())}))
_TITLED_RE = re.compile(
    # The look-ahead of first letters lets the scan skip positions no title can start at.
    rf"(?=[{_TITLE_FIRST}])\b(?P<head>{_TITLE_HEAD})(?P<of>\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*?)?(?P<comma>,)?\s+"
    rf"(?:(?P<name>{NAME})|(?P<single>{_NAME_TOKEN}))\b"
)
_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*|\d+")
#: "X's assertion that ...", "in response to X's comments that ...": what follows is X's word.
POSSESSIVE_SPEECH_RE = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:assertion|assertions|claim|claims|comments?|remarks?|statement|announcement|insistence|"
    r"warning|pledge|promise|contention|suggestion|argument|words|denial|admission|assurance|assurances)\s+(?:that|about)\b"
)
#: "Jane Doe, the country's defence minister," and "the army chief, John Roe,": a title in apposition.
#: Tried only around a title word, so that the name pattern is not tried at every position of the text.
_ROLE_WORD_RE = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in ROLE_HEADS})) + r"])\b(?:" + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")\b(?=\s*[,.;]|\s+(?:of|for)\b)"
)
_NAME_THEN_TITLE_RE = re.compile(rf"(?P<name>{NAME}),\s+(?P<role>(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}?)$")
_TITLE_THEN_NAME_RE = re.compile(rf",\s+(?P<name>{NAME})\b")
_TITLE_START_RE = re.compile(r"\b(?:the|a|an)\s+(?P<role>(?:[\w'’-]+\s+){0,3}?)$")
NOT_NAMES = frozenset(
    "the a an but however meanwhile yet and or so if when while as since after before during in on at by for "
    "though although then also still even now thus hence moreover furthermore instead indeed asked "
    "from to of with without under over this that these those it its they we he she his her our their there "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december read full article source subscribe sign get "
    "despite amid following unlike like besides including against "
    # quantifiers open no one's name: "All Indian troops left" names no person called "All Indian"
    "all some most many several both each every few".split()
)


# --- people ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleSignature:
    """What a title says about its holder: the office, its domain and whose it is."""

    head: str | None
    domain: str | None
    nation: str | None

    def matches(self, other: RoleSignature) -> bool:
        if self.domain and other.domain and self.domain != other.domain:
            return False
        if self.nation and other.nation and self.nation != other.nation:
            return False
        heads = self.head == other.head or (
            self.head is not None and other.head is not None
            and _HEAD_FAMILY.get(self.head) == _HEAD_FAMILY.get(other.head) is not None
            and bool(self.domain or other.domain)
        )
        return heads or (self.head is None and bool(self.domain) and self.domain == other.domain)


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    roles: list[tuple[str, RoleSignature]] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        return self.roles[0][0] if self.roles else None

    def fits(self, signature: RoleSignature) -> bool:
        return any(signature.matches(sig) for _, sig in self.roles)


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    role: str | None = None
    cited: str | None = None
    person: Person | None = None
    #: A verb of saying covers its whole sentence ("A, but B, she said"); "calls from X to" only its clause.
    sentence_wide: bool = True
    #: Nothing is said after the verb ("Jane Doe said."): the words are the quotation just before.
    bare: bool = False


def words_of(text: str) -> list[str]:
    return [w.lower().strip(".'’") for w in _WORD_RE.findall(text)]


def _similar(a: str, b: str, ratio: float = 0.8) -> bool:
    """Same name, or a one-letter slip of it ("Smyth" for "Smith"): translated copy is full of them."""
    if a == b:
        return True
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= ratio


class People:
    """The people an article names, and the order in which it mentions them."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person]] = []
        self._collect()

    def _collect(self) -> None:
        for match in _TITLED_RE.finditer(self.text):
            name = match["name"] or match["single"]
            name_start = match.start("name") if match["name"] else match.start("single")
            # "Major General Jane Doe": the name starts after every word of the title.
            while " " in name and name.split()[0].lower().strip(".") in ROLE_HEADS:
                first = name.split()[0]
                name_start += len(first) + 1
                name = name[len(first) + 1:]
            if " " not in name and match["head"].lower().strip(".") not in _HONORIFICS:
                continue  # one capitalised word after "Secretary" is rarely a surname
            if not self._plausible(name, titled=True):
                continue
            role_end = match.start("comma") if match["comma"] else name_start
            role = self._role_text(match.start(), role_end)
            person = self.person_for(name, create=" " in name)
            if person is None:
                continue
            if role and all(role != r for r, _ in person.roles):
                person.roles.append((role, self.signature(role)))
            self.mentions.append((name_start, person))
        for match in NAME_RE.finditer(self.text):
            if self._plausible(match[0], titled=False):
                person = self.person_for(match[0], create=True)
                if person is not None:
                    self.mentions.append((match.start(), person))
        for title in _ROLE_WORD_RE.finditer(self.text):
            self._apposed(title)
        self.mentions.sort(key=lambda m: m[0])

    def _apposed(self, title: re.Match[str]) -> None:
        """A name and a title side by side, between commas: "Jane Doe, the defence minister," or "the army chief, John Roe"."""
        text = self.text
        before = _NAME_THEN_TITLE_RE.search(text, max(0, title.start() - 100), title.start())
        if before is not None:
            name, name_start, role_start = before["name"], before.start("name"), before.start("role")
        else:
            opening = _TITLE_START_RE.search(text, max(0, title.start() - 40), title.start())
            after = _TITLE_THEN_NAME_RE.match(text, title.end()) if opening is not None else None
            if opening is None or after is None:
                return
            name, name_start, role_start = after["name"], after.start("name"), opening.start("role")
        if not self._plausible(name, titled=True):
            return
        person = self.person_for(name, create=True)
        if person is None:
            return
        role = " ".join(text[role_start:title.end()].split())
        role = re.sub(r"^(?:the|a|an)\s+", "", role)
        if all(role != r for r, _ in person.roles):
            person.roles.append((role, self.signature(role)))
        self.mentions.append((name_start, person))

    def _plausible(self, name: str, *, titled: bool) -> bool:
        words = words_of(name)
        if not words or words[0] in NOT_NAMES or any(w in NOT_NAMES for w in words[-1:]):
            return False
        if any(w in MEDIA_WORDS or w in ORG_WORDS or w in ROLE_HEADS or w in _DOMAINS for w in words):
            return False
        if words[-1] in _NOT_PERSON_HEADS:
            return False  # "Kursk Oblast", "Bagram Air Base": a place or a body, whatever the gazetteer knows
        if not titled:
            # A place or party ("Tel Aviv", "Syrian Democratic Forces") is not a person.
            if self.gazetteer.lookup(name) is not None or self.gazetteer.actor_for(words[0]) is not None:
                return False
            if self.gazetteer.lookup(words[0]) is not None:
                return False
        return True

    def _role_text(self, head_start: int, role_end: int) -> str:
        """The whole title before a name: 'US Defence Secretary', not just 'Secretary'."""
        start = head_start
        floor = max(0, head_start - 80)
        for word in reversed(list(re.finditer(r"\S+", self.text[floor:head_start]))):
            token = word[0]
            if token[-1] in ",;:!?\"”“)(" or (token.endswith(".") and token.lower() not in ("u.s.", "u.k.")):
                break  # the title does not run over punctuation
            lower = token.lower().strip(".")
            if (token[:1].isupper() and lower not in NOT_NAMES) or lower in ("of", "for") or lower in ROLE_HEADS:
                start = floor + word.start()
                continue
            break
        words = self.text[start:role_end].strip(" ,").split()
        while words and words[0].lower() in ("of", "for", "the"):
            words = words[1:]
        return " ".join(words)

    def signature(self, role: str) -> RoleSignature:
        words = words_of(role)
        head = next((w for w in reversed(words) if w in ROLE_HEADS and w != "deputy"), None)
        domain = next((_DOMAINS[w] for w in words if w in _DOMAINS), None)
        nation = next((_INSTITUTION_NATION[w] for w in words if w in _INSTITUTION_NATION), None)
        if nation is None:
            actors = self.gazetteer.find_actors(role)
            nation = actors[0][2] if actors else None
        return RoleSignature(head, domain, nation)

    def person_for(self, name: str, *, create: bool) -> Person | None:
        """The known person a name refers to (full name, surname, or a near-miss spelling)."""
        # Titles are not part of a name ("General Doe" is Doe), nor is an Arabic article ("al-Doe" is Doe).
        tokens = tuple(
            w.removeprefix("al-").removeprefix("el-") for w in words_of(name) if w not in ("al", "el") and w not in ROLE_HEADS
        )
        if not tokens:
            return None
        for person in self.people:
            if self._same(person.tokens, tokens):
                return person
        if not create or len(tokens) < 2:
            return None
        person = Person(name.strip(), tokens)
        self.people.append(person)
        return person

    @staticmethod
    def _same(known: tuple[str, ...], new: tuple[str, ...]) -> bool:
        if len(new) == 1 or len(known) == 1:
            return _similar(known[-1], new[-1]) and (len(new) == 1 or len(known) == 1)
        surname, first = _similar(known[-1], new[-1]), _similar(known[0], new[0], 0.75)
        return (surname and known[0] == new[0]) or (first and known[-1] == new[-1]) or known == new

    def last_before(self, position: int, signature: RoleSignature | None = None) -> Person | None:
        for at, person in reversed(self.mentions):
            if at < position and (signature is None or person.fits(signature)):
                return person
        return None

    def first_after(self, position: int, signature: RoleSignature) -> Person | None:
        for at, person in self.mentions:
            if at > position and person.fits(signature):
                return person
        return None

    def mention(self, position: int, person: Person) -> None:
        self.mentions.append((position, person))
        self.mentions.sort(key=lambda m: m[0])


