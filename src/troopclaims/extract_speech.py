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
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer

# --- vocabulary ----------------------------------------------------------------------------------------------

SPEECH_VERBS = (
    "said|says|say|saying|told|tells|tweeted|tweets|wrote|writes|announced|announces|warned|warns|stressed|"
    "stresses|added|adds|adding|stated|states|claimed|claims|declared|declares|insisted|insists|noted|notes|"
    "explained|explains|confirmed|confirms|denied|denies|argued|argues|assured|assures|affirmed|affirms|"
    "indicated|indicates|suggested|suggests|acknowledged|acknowledges|vowed|vows|promised|promises|pledged|"
    "pledges|threatened|threatens|urged|urges|asserted|asserts|emphasi[sz]ed|emphasi[sz]es|revealed|reveals|"
    "commented|reiterated|reiterates|reported|reports|posted|announcing|stressing|warning|insisting|noting|"
    "vowing|promising|claiming|arguing|declaring|stating|pledging|threatening"
)
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")  # case-sensitive: verbs are lower case
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
_BACK_REFERENCE_RE = re.compile(r"(?:the\s+)?(?:report|statement)", re.IGNORECASE)
_REPORT_BY_RE = re.compile(r"(?:an?\s+|the\s+)?(?:reports?|statement|article|dispatch)\s+(?:by|from|of|in)\s+(.+)", re.IGNORECASE)
_CUE_RE = re.compile(rf"\b(?:{SPEECH_VERBS}|[Aa]ccording|calls?|demands?|appeals?|pressure)\b")
_CALLS_RE = re.compile(r"\b(?:calls?|demands?|appeals?|pressure)\s+(?:from|by)\s+(?P<np>(?:[A-Z][\w'’-]*\s+)*[a-z]+)\s+(?:to|for)\b")

#: Words that make a noun phrase a news outlet, agency or monitor: its statements are citations.
MEDIA_WORDS = frozenset(
    "news agency press post times journal reuters afp ap bbc cnn nbc cbs abc fox tv television channel radio "
    "newspaper gazette telegraph guardian tribune herald observatory monitor report reports sources media outlet "
    "outlets website daily wire xinhua tass sputnik anadolu sana irna ria bloomberg newswire magazine".split()
)
#: Heads of noun phrases naming institutions that speak: "the Iraqi military said".
ORG_WORDS = frozenset(
    "military army government ministry coalition command pentagon department office council parliament officials "
    "official administration embassy presidency kremlin authorities authority commanders leadership cabinet "
    "forces navy spokesman spokeswoman spokesperson lawmakers leaders legislators agency".split()
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
_LOWER_IN_NP = frozenset(
    {"of", "for", "top", "senior", "international", "official", "military", "defense", "defence", "foreign",
     "interior", "state", "security", "local", "national", "deputy", "former", "acting", "new", "press", "media",
     "human", "rights"}
) | MEDIA_WORDS | ORG_WORDS | ROLE_HEADS
_SKIPPABLE = frozenset(
    "also nonetheless nevertheless again later then previously earlier repeatedly recently reportedly yesterday today "
    "has have had was were is are did does do would will had further separately however meanwhile too once "
    "on in at last this that night week morning evening afternoon monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
_DETERMINERS = frozenset("the a an his her its their our this that these those".split())

_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)"
_PARTICLE = r"(?:al|el|bin|ibn|abu|de|van|von|der|la|le|da|di)"
_NAME = rf"{_NAME_TOKEN}(?:\s(?:{_PARTICLE}[-\s])?{_NAME_TOKEN}){{1,3}}"
_NAME_RE = re.compile(rf"\b{_NAME}\b")
_NAME_OR_WORD_RE = re.compile(rf"{_NAME}|{_NAME_TOKEN}")
#: "The Observatory, a war monitor in London, said": the subject is the name before the apposition.
_APPOSED_RE = re.compile(
    r"(?P<np>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|for|of|the))*)\s*,\s*(?:a|an|the)\s[^,;:\"“”]{1,80},\s*$"
)
def _either_case(pattern: str) -> str:
    """'president|gen\\.?' -> '[Pp]resident|[Gg]en\\.?': case-insensitive for the first letter only.

    A case-insensitive flag makes an alternation of words several times slower to scan with.
    """
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in pattern.split("|"))


_TITLE_HEAD = "(?:" + _either_case(
    r"president|minister|secretary|spokesman|spokeswoman|spokesperson|general|gen\.?|colonel|col\.?|"
    r"commander(?:-in-chief)?|chief|ambassador|envoy|adviser|advisor|director|leader|king|emir|senator|sen\.|rep\.|"
    r"governor|mayor|admiral|adm\.|captain|capt\.|major|maj\.|sergeant|sgt\.|lieutenant|lt\.|chairman|premier|"
    r"commissioner|coordinator|undersecretary|mr\.?|mrs\.?|ms\.?|dr\.?"
) + ")"
_TITLED_RE = re.compile(
    rf"\b(?P<head>{_TITLE_HEAD})(?P<of>\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*?)?(?P<comma>,)?\s+"
    rf"(?:(?P<name>{_NAME})|(?P<single>{_NAME_TOKEN}))\b"
)
_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*|\d+")
_NOT_NAMES = frozenset(
    "the a an but however meanwhile yet and or so if when while as since after before during in on at by for "
    "though although then also still even now thus hence moreover furthermore instead indeed asked "
    "from to of with without under over this that these those it its they we he she his her our their there "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december read full article source subscribe sign get".split()
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


def _words(text: str) -> list[str]:
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
        for match in _NAME_RE.finditer(self.text):
            if self._plausible(match[0], titled=False):
                person = self.person_for(match[0], create=True)
                if person is not None:
                    self.mentions.append((match.start(), person))
        self.mentions.sort(key=lambda m: m[0])

    def _plausible(self, name: str, *, titled: bool) -> bool:
        words = _words(name)
        if not words or words[0] in _NOT_NAMES or any(w in _NOT_NAMES for w in words[-1:]):
            return False
        if any(w in MEDIA_WORDS or w in ORG_WORDS or w in ROLE_HEADS or w in _DOMAINS for w in words):
            return False
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
            if (token[:1].isupper() and lower not in _NOT_NAMES) or lower in ("of", "for") or lower in ROLE_HEADS:
                start = floor + word.start()
                continue
            break
        words = self.text[start:role_end].strip(" ,").split()
        while words and words[0].lower() in ("of", "for", "the"):
            words = words[1:]
        return " ".join(words)

    def signature(self, role: str) -> RoleSignature:
        words = _words(role)
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
            w.removeprefix("al-").removeprefix("el-") for w in _words(name) if w not in ("al", "el") and w not in ROLE_HEADS
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


# --- attributions ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _NounPhrase:
    start: int
    end: int
    text: str


def _tokens_back(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(re.finditer(r"[\w.'’-]+|[^\w\s]", text[start:end]))


class Attributions:
    """Finds who says each part of an article, resolving pronouns and titles as it reads."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.people = People(text, gazetteer)
        self.last_cited: str | None = None
        self.last_speaker: Attribution | None = None
        self.republished: str | None = None  # "X reports:" cites X for the rest of the article

    def in_span(self, start: int, end: int) -> Attribution | None:
        """The attribution stated within text[start:end], if any (the first one wins)."""
        text = self.text
        if not _CUE_RE.search(text, start, end):
            return None  # no verb of saying, "according to", "reports:" or "calls from": nothing to attribute
        intro = re.match(r"\s*(?P<np>[A-Z][^\n:]{1,60}?)\s+reports?\s*:", text[start:end])
        if intro and self._is_media(intro["np"]):
            # "X reports: ..." introduces republished text: X is the source of all that follows.
            self.republished = self._clean(intro["np"])
            start += intro.end()
        found: Attribution | None = None
        for verb in _SPEECH_RE.finditer(text, start, end):
            found = self._subject_of(verb, start, end)
            if found is not None:
                break
        if found is None:
            # "amid calls from Iraqi lawmakers to expel ...": a demand has its authors too.
            calls = _CALLS_RE.search(text, start, end)
            if calls is not None:
                demand = self._classify(_NounPhrase(calls.start("np"), calls.end("np"), calls["np"]), calls.start(), after=True)
                if demand is not None:
                    found = Attribution(demand.speaker, demand.role, demand.cited, demand.person, sentence_wide=False)
        according = _ACCORDING_RE.search(text, start, end)
        if according is not None:
            phrase = self._phrase_after(according.end(), end)
            if phrase is not None:
                other = self._classify(phrase, according.start(), after=True)
                found = self._merge(found, other)
        if found is not None:
            if found.cited:
                self.last_cited = found.cited
            if found.speaker:
                self.last_speaker = found
        return found

    @staticmethod
    def _merge(first: Attribution | None, second: Attribution | None) -> Attribution | None:
        if first is None or second is None:
            return first or second
        return Attribution(first.speaker or second.speaker, first.role or second.role, first.cited or second.cited,
                           first.person or second.person, first.sentence_wide or second.sentence_wide)

    def _subject_of(self, verb: re.Match[str], start: int, end: int) -> Attribution | None:
        text = self.text
        preceding = text[max(start, verb.start() - 3):verb.start()]
        if verb[0] in ("reports", "report"):
            # "media reports about ...": a noun, and the citation is the whole phrase.
            noun = re.search(r"\b([\w-]+)\s+$", text[max(start, verb.start() - 40):verb.start()])
            if noun and noun[1].lower() in MEDIA_WORDS:
                phrase = self._phrase_before(verb.start(), start)
                base = self._clean(phrase.text) if phrase is not None else noun[1]
                return Attribution(cited=f"{base} {verb[0]}")
        if verb[0].endswith("ing") and not text[start:verb.start()].strip():
            return None  # "adding that ...": the speaker is the one of the clause before
        # Inverted: '..., said the Pentagon chief.'  '"...," said Jane Doe.'
        inverted = bool(re.search(r"[,\"”’]\s*$", preceding)) or verb.start() == start
        if inverted:
            found = self._after(verb, end)
            if found is not None:
                return found
        apposed = _APPOSED_RE.search(text, max(start, verb.start() - 200), verb.start())
        phrase = (_NounPhrase(apposed.start("np"), apposed.end("np"), apposed["np"]) if apposed is not None
                  else self._phrase_before(verb.start(), start))
        if (phrase is not None and re.search(r"\bas\s+$", text[max(start, phrase.start - 4):phrase.start])
                and re.fullmatch(r"[\s,.;:!?—–-]*", text[verb.end():end])):
            return None  # "..., as the president promised.": a comparison, not the source of the clause
        found = self._classify(phrase, verb.start(), after=False) if phrase is not None else None
        if found is not None:
            return self._with_told(found, verb, end)
        if not inverted:
            # "..., at the same time assured the minister, Jane Doe." -- the subject ends the sentence.
            rest = self._phrase_after(verb.end(), end)
            if rest is not None and re.fullmatch(r"[\s.!?\"”’]*", text[rest.end:end]):
                return self._after(verb, end)
        return None

    def _after(self, verb: re.Match[str], end: int) -> Attribution | None:
        phrase = self._phrase_after(verb.end(), end)
        if phrase is None:
            return None
        found = self._classify(phrase, verb.start(), after=True)
        return self._with_told(found, verb, end) if found is not None else None

    def _with_told(self, found: Attribution, verb: re.Match[str], end: int) -> Attribution:
        """'X told the Associated Press': the outlet told is cited as well."""
        if verb[0] != "told" or found.cited:
            return found
        outlet = re.match(r"\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})", self.text[verb.end():end])
        if outlet is not None and (self._is_media(outlet[1]) or outlet[1].isupper()):
            return Attribution(found.speaker, found.role, self._clean(outlet[1]), found.person)
        return found

    def _phrase_before(self, verb_start: int, start: int) -> _NounPhrase | None:
        """The noun phrase that is the subject of a verb, reading back over adverbs and auxiliaries."""
        text = self.text
        tokens = _tokens_back(text, max(start, verb_start - 160), verb_start)
        offset = max(start, verb_start - 160)
        index = len(tokens) - 1
        if index >= 0 and tokens[index][0] == ",":
            index -= 1  # "Jane Doe, said": an appositive comma
        while index >= 0 and tokens[index][0].lower().strip(".") in _SKIPPABLE:
            index -= 1
        end_index = index
        while index >= 0:
            token = tokens[index][0]
            lower = token.lower().strip(".")
            if token[:1].isupper() or lower in _LOWER_IN_NP or token in ("'s", "’s") or lower.endswith(("'s", "’s")):
                index -= 1
                continue
            break
        while index < end_index and tokens[index + 1][0].lower() in _NOT_NAMES:
            index += 1  # "Though Doe said", "Then the minister said": a capitalised opening word
        if end_index < 0:
            return None
        if index == end_index:
            # No noun phrase right before the verb: a pronoun or name subject a few words back
            # ("he changed his mind and stated").
            for back in range(end_index, max(-1, end_index - 8), -1):
                word = tokens[back][0]
                if word in (",", ";", ":", '"', "“", "”"):
                    break
                if word.lower() in ("he", "she") or self.people.person_for(word, create=False) is not None:
                    return _NounPhrase(offset + tokens[back].start(), offset + tokens[back].end(), word)
            return None
        first = tokens[index + 1]
        last = tokens[end_index]
        phrase_start, phrase_end = offset + first.start(), offset + last.end()
        return _NounPhrase(phrase_start, phrase_end, text[phrase_start:phrase_end])

    def _phrase_after(self, position: int, end: int) -> _NounPhrase | None:
        """The noun phrase after a verb or 'according to', up to punctuation or a following clause."""
        text = self.text
        match = re.match(r"\s*(?P<np>[^,.;:!?\"“”()\n]+(?:,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?)", text[position:end])
        if not match:
            return None
        raw = match["np"]
        if re.match(r"(?:that|to|it|this|these|those)\b", raw):
            return None  # a clause or an object follows the verb, not its subject
        cut = re.search(r"\s(?:that|who|which|on|in|at|after|before|during|as|when|while|to)\s", raw)
        if cut and not re.match(r"\s*(?:of|for)\b", raw[cut.start():]):
            raw = raw[:cut.start()]
        raw = raw.strip()
        if not raw or len(raw) > 120:
            return None
        phrase_start = position + match.start("np")
        return _NounPhrase(phrase_start, phrase_start + len(raw), raw)

    def _classify(self, phrase: _NounPhrase, at: int, *, after: bool) -> Attribution | None:
        words = _words(phrase.text)
        if not words:
            return None
        if words[0] in ("he", "she") and len(words) == 1:
            person = self.people.last_before(phrase.start)
            return self._person(person, phrase.start) if person else None
        if words[0] in ("they", "it", "we", "i", "you", "there", "this", "which", "who"):
            return None
        if self._is_media(phrase.text):
            if _BACK_REFERENCE_RE.fullmatch(phrase.text.strip()):
                return Attribution(cited=self.last_cited) if self.last_cited else None
            by = _REPORT_BY_RE.match(phrase.text.strip())  # "a report by the state news agency"
            return Attribution(cited=self._clean(by[1] if by else phrase.text))
        person = self._named(phrase)
        if person is not None:
            return self._person(person, phrase.start)
        if any(w in ROLE_HEADS for w in words):
            return self._role(phrase, at)
        if any(w in ORG_WORDS for w in words) or self.gazetteer.find_actors(phrase.text):
            return Attribution(speaker=self._institution(phrase.text))
        return None

    def _named(self, phrase: _NounPhrase) -> Person | None:
        for match in _NAME_OR_WORD_RE.finditer(phrase.text):
            if " " not in match[0] and self.gazetteer.lookup(match[0]) is not None:
                continue  # "Ankara said": a capital speaking for its government, not a person
            person = self.people.person_for(match[0], create=False)
            if person is not None:
                return person
        names = list(_NAME_RE.finditer(phrase.text))
        if names and self.people._plausible(names[-1][0], titled=True):
            return self.people.person_for(names[-1][0], create=True)
        return None

    def _person(self, person: Person, position: int) -> Attribution:
        self.people.mention(position, person)
        return Attribution(person.name, person.role, None, person)

    def _role(self, phrase: _NounPhrase, at: int) -> Attribution | None:
        words = _words(phrase.text)
        signature = self.people.signature(phrase.text)
        if "counterpart" in words and self.last_speaker is not None and self.last_speaker.person is not None:
            base = next((sig for _, sig in self.last_speaker.person.roles), None)
            if base is not None:
                signature = RoleSignature(base.head, base.domain, signature.nation)
        # An appositive name just before: "Jane Doe, the spokeswoman for the ministry, said".
        before = self.text[max(0, phrase.start - 60):phrase.start]
        appositive = re.search(rf"({_NAME}),\s*$", before)
        if appositive:
            person = self.people.person_for(appositive[1], create=True)
            if person is not None:
                return self._person(person, phrase.start)
        person = self.people.last_before(phrase.start, signature) or self.people.first_after(phrase.start, signature)
        if person is not None:
            return self._person(person, phrase.start)
        return Attribution(speaker=self._clean(phrase.text), role=self._clean(phrase.text))

    def _institution(self, phrase: str) -> str:
        """'Iraq's military' -> 'Iraqi military'; 'the Baghdad government' -> 'Iraqi government'."""
        cleaned = self._clean(phrase)
        match = re.match(r"(?P<place>[A-Z][\w -]*?)(?:['’]s)?\s+(?P<rest>[a-z][\w -]*)$", cleaned)
        if match:
            place = self.gazetteer.lookup(match["place"])
            country = self.gazetteer.country_of(place) if place is not None else None
            if place is not None and country is not None and country.demonyms and (place is country or place.kind == "city"):
                return f"{country.demonyms[0]} {match['rest']}"
        return cleaned

    @staticmethod
    def _is_media(phrase: str) -> bool:
        return any(w in MEDIA_WORDS for w in _words(phrase))

    @staticmethod
    def _clean(phrase: str) -> str:
        words = phrase.strip(" ,.;:").split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        return " ".join(words)
