"""The process around the command line: signals, broken pipes and consoles that are not UTF-8.

`run` is the `troopclaims` program. It sets these up and then calls `main`; tests that invoke
`main` in-process keep their own signal handling and streams.
"""

from __future__ import annotations

import codecs
import signal
import sys
from types import FrameType

#: ASCII stand-ins for the characters troopclaims itself prints, for consoles that cannot show them.
_ASCII = {
    "\u2192": "->", "\u2190": "<-", "\u2194": "<->", "\u2014": "--", "\u2013": "-", "\u2026": "...",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2022": "*", "\u00b7": ".", "\u2248": "~",
    "\u00d7": "x", "\u2264": "<=", "\u2265": ">=", "\u2502": "|", "\u2500": "-",
}
DEGRADE = "troopclaims-degrade"


def stand_in(char: str) -> str:
    """What to print for a character the console's encoding lacks: ASCII, never an exception."""
    if char in _ASCII:
        return _ASCII[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python decoded it
        return f"\\x{code - 0xDC00:02x}"
    import unicodedata  # only for a console that cannot show a character: not on every start

    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return folded if folded.isprintable() and folded else "?"


def _degrade(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(stand_in(char) for char in error.object[error.start : error.end]), error.end


codecs.register_error(DEGRADE, _degrade)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    # An exit, not a sudden death: worker pools, locks and temporary files are released on the way out.
    raise SystemExit(128 + signum)


def run() -> None:
    """Set up the process, then run the command line."""
    if hasattr(signal, "SIGPIPE"):
        # Output piped into `head`: end at the first write that cannot go anywhere, quietly, as other
        # Unix tools do (exit 141), before click or rich turn the broken pipe into an error.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=DEGRADE)
    from . import main

    main()
