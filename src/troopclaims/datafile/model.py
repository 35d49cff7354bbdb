"""The data model of a reviewed claims file: sources (articles) and the claims read from them.

Unknown fields are errors everywhere, so a typo in a hand-edited file is caught by
`troopclaims check` instead of being silently dropped.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .dates import PUBLISHED_PATTERN, VALUE_PATTERN, DateValue, Precision, parse_publication, parse_value

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        max_length=200,
        description="Letters, digits, '.', '_' and '-', starting with a letter or digit.",
    ),
]
OneLine = Annotated[str, Field(pattern=r"^[^\r\n]*$", max_length=2000)]

#: Largest count the model accepts: larger figures are typing mistakes, not forces.
MAX_COUNT = 10_000_000

Qualifier = Literal["exact", "about", "more_than", "at_least", "up_to", "fewer_than", "range", "vague"]
Movement = Literal["withdraw", "leave", "move", "deploy", "arrive", "return", "transit", "stay", "hold"]
Modality = Literal["fact", "plan", "demand", "permission", "possibility"]
Polarity = Literal["asserted", "denied"]
ClaimKind = Literal["force", "casualties", "displaced", "trained", "statement"]
WhenKind = Literal["point", "open_interval", "deadline"]
Duration = Literal["temporary", "indefinite"]


class Strict(BaseModel):
    # defer_build: pydantic's validators are built when first needed. A clean data file's items are checked
    # by quick.py, so a command on one builds none.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True, defer_build=True)


class Published(Strict):
    """When an article was published, and how we know."""

    # The pattern is for editors only (json_schema_extra): the validator below gives the readable message.
    date: str = Field(
        description="YYYY, YYYY-MM or YYYY-MM-DD: the form gives the precision.", json_schema_extra={"pattern": PUBLISHED_PATTERN}
    )
    basis: Literal["stated", "inferred"] = Field(
        description="'stated' when the article gives its date, 'inferred' when worked out from its content."
    )
    reason: OneLine | None = Field(
        default=None, description="One line: how an inferred date was worked out, or where a stated one was read."
    )
    time: str | None = Field(
        default=None,
        pattern=r"^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2}| [A-Z]{2,5}([+-]\d{1,2}(:?\d{2})?)?)?$",
        description="The time of day the article gives with its date, as written: '18:42', '09:30:00Z', "
        "'20:17 GMT'. The date is the day in that same zone.",
    )

    @field_validator("date")
    @classmethod
    def _valid_date(cls, value: str) -> str:
        parse_publication(value)
        return value

    @model_validator(mode="after")
    def _reason_for_inferred(self) -> Published:
        if self.basis == "inferred" and not self.reason:
            raise ValueError("an inferred publication date needs a reason")
        return self

    @property
    def parsed(self) -> DateValue:
        return parse_value(self.date)

    @property
    def precision(self) -> Precision:
        return self.parsed.precision


class Source(Strict):
    """One article: its text file and what is known about where and when it appeared."""

    id: Identifier
    file: str = Field(min_length=1, description="The article's text, relative to the data file's root folder.")
    outlet: OneLine = Field(min_length=1)
    title: OneLine = Field(min_length=1)
    url: OneLine | None = None
    author: OneLine | None = Field(default=None, description="The byline.")
    agency: OneLine | None = Field(
        default=None, description="The wire agency whose copy this is, as a dateline '(AP)' or byline '| AFP' names it."
    )
    published: Published
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
    translated: bool = Field(default=False, description="True when the text is a translation.")
    original_language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
    notes: str | None = None


class Count(Strict):
    """A number of people or things, with the hedge the text puts on it.

    value carries exact, about, more_than, at_least, up_to and fewer_than;
    low and high carry a range, and the bounds implied by a vague amount such as "hundreds".
    """

    qualifier: Qualifier = "exact"
    # strict: YAML's `true` is not the count 1, nor "400" the count 400
    value: int | None = Field(default=None, ge=0, le=MAX_COUNT, strict=True)
    low: int | None = Field(default=None, ge=0, le=MAX_COUNT, strict=True)
    high: int | None = Field(default=None, ge=0, le=MAX_COUNT, strict=True)
    text: OneLine | None = Field(default=None, description="The amount as written, e.g. 'a few hundred'.")

    @model_validator(mode="after")
    def _consistent(self) -> Count:
        if self.qualifier == "range":
            if self.low is None or self.high is None:
                raise ValueError("a range count needs low and high")
            if self.low > self.high:
                raise ValueError(f"range low {self.low} is above high {self.high}")
        elif self.qualifier == "vague":
            if not self.text:
                raise ValueError("a vague count needs the words as written in 'text'")
        elif self.value is None:
            raise ValueError(f"a count qualified '{self.qualifier}' needs a value")
        return self

    def bounds(self) -> tuple[int, int | None]:
        """Smallest and largest number consistent with the count (None: no upper bound)."""
        q = self.qualifier
        if q in ("range", "vague"):
            return (self.low or 0, self.high)
        value = self.value or 0
        if q == "exact":
            return (value, value)
        if q == "about":
            # Reporters round: "about 1,000" covers what would also be reported as 900 or 1,100.
            spread = max(1, round(value * 0.15))
            return (max(0, value - spread), value + spread)
        if q == "more_than":
            return (value + 1, None)
        if q == "at_least":
            return (value, None)
        if q == "up_to":
            return (0, value)
        return (0, max(0, value - 1))  # fewer_than

    def display(self) -> str:
        if self.text and self.qualifier == "vague":
            return self.text.lower()
        words = {
            "exact": "",
            "about": "about ",
            "more_than": "more than ",
            "at_least": "at least ",
            "up_to": "up to ",
            "fewer_than": "fewer than ",
        }
        if self.qualifier == "range":
            return f"{self.low:,}–{self.high:,}"
        return f"{words[self.qualifier]}{self.value:,}"


class When(Strict):
    """When a claimed thing happened, as written and normalised.

    value may be left out in a hand-written file: the timeline then resolves text
    against the article's publication date.
    """

    text: OneLine = Field(min_length=1, description="The date expression as written, e.g. 'last night'.")
    value: str | None = Field(
        default=None,
        description="Normalised: YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD, YYYY-MM-DDTNI.",
        json_schema_extra={"pattern": VALUE_PATTERN},
    )
    kind: WhenKind = "point"

    @field_validator("value")
    @classmethod
    def _valid_value(cls, value: str | None) -> str | None:
        if value is not None:
            parse_value(value)
        return value


class Claim(Strict):
    """One statement of an article, anchored by a verbatim quote."""

    id: Identifier
    source: Identifier
    quote: str = Field(min_length=1, max_length=5000)
    kind: ClaimKind = "force"
    speaker: OneLine | None = Field(default=None, description="Who the claim is attributed to; empty for the outlet's narration.")
    speaker_role: OneLine | None = None
    cited: OneLine | None = Field(default=None, description="A secondary source the outlet relies on.")
    actor: OneLine | None = Field(default=None, description="Whose forces, e.g. 'US'.")
    count: Count | None = None
    unit: OneLine | None = None
    movement: Movement | None = None
    origin: OneLine | None = None
    destination: OneLine | None = None
    location: OneLine | None = Field(default=None, description="Where forces are or stay, for stay/hold claims.")
    polarity: Polarity = "asserted"
    modality: Modality = "fact"
    duration: Duration | None = Field(default=None, description="How long a stay or move is said to last.")
    when: When | None = None
    reviewed: bool = True
    status: Literal["active", "rejected"] = Field(
        default="active",
        description="'rejected': a candidate turned down in review. It stays in the file so that a later merge "
        "does not add it again, and every command but check leaves it out.",
    )
    note: str | None = None


class DataFile(Strict):
    """The whole reviewed data file."""

    version: Literal[1] = 1
    root: str | None = Field(
        default=None,
        description="Folder that source files are confined to: the data file's folder or one of its ancestors "
        "(e.g. '..'). Defaults to the data file's folder.",
    )
    gazetteer: str | None = Field(default=None, description="A gazetteer file extending the built-in one.")
    sources: list[Source]
    claims: list[Claim] = Field(default_factory=list)
