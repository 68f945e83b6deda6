"""Text from articles and graphs -> text safe to print on a terminal, on one line.

Article text can hold escape sequences (``ESC [ 2 J``), carriage returns and bidirectional
overrides that would redraw or reorder what a person sees; these helpers show such characters
as visible ``\\xNN``/``\\uNNNN`` escapes instead.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["one_line", "printable"]

#: Bidirectional embeddings, overrides and isolates: they reorder the rest of the line on screen.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters (other than tab and newline) and bidi controls escaped.

    >>> printable("red \\x1b[31mtext\\u202e")
    'red \\\\x1b[31mtext\\\\u202e'
    >>> printable("tab\\tand\\nnewline stay")
    'tab\\tand\\nnewline stay'
    """
    if text.isprintable():
        return text
    return "".join(
        _visible(c) if (c not in "\t\n" and unicodedata.category(c) in ("Cc", "Cs")) or c in _BIDI else c for c in text
    )


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one printable line: whitespace runs (newlines too) become one space, cut at ``limit``.

    >>> one_line("at line 3:\\n  Bad syntax\\x07 here")
    'at line 3: Bad syntax\\\\x07 here'
    """
    flat = printable(_SPACES.sub(" ", text).strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
