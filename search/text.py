"""What a visitor types, made safe for every search backend, and what they find,
with their words highlighted.

A query is reduced to plain words (letters and digits of any script): quotes,
operators (AND OR NOT - + * ( ) : ~ ^ |), NUL, emoji and markup are dropped,
so no backend ever sees its own query syntax (SQLite's FTS5 fails on a lone
double quote; PostgreSQL's tsquery and OpenSearch have their own operators).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12

# Letters and digits of any script (modifier letters such as the Uzbek ʻ
# included); everything else separates words, as it does for the backends'
# tokenizers. "_" is a word character for the re module but not for us.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchText:
    """The visitor's query: ``raw`` (cut to MAX_QUERY_LENGTH, for the form),
    ``terms`` (the words searched for) and whether anything was cut."""

    raw: str
    terms: tuple
    shortened: bool = False

    @property
    def query(self):
        """The words as one plain query string for the backends."""
        return " ".join(self.terms)

    def __bool__(self):
        return bool(self.terms)


def parse_query(value, max_length=MAX_QUERY_LENGTH, max_terms=MAX_TERMS):
    """Read a visitor's query into a SearchText."""
    value = unicodedata.normalize("NFC", (value or "").replace("\x00", " "))
    raw = " ".join(value.split())
    shortened = len(raw) > max_length
    raw = raw[:max_length]
    terms = _WORD.findall(raw)
    shortened = shortened or len(terms) > max_terms
    return SearchText(raw=raw, terms=tuple(terms[:max_terms]), shortened=shortened)


# --- Highlighting ---------------------------------------------------------------


def _stem(term):
    """The start of a word that other forms of it share, roughly: enough to
    highlight "migrants" for "migrant" and "мигранты" for "мигрантов"."""
    term = term.casefold()
    if len(term) <= 4:
        return term
    return term[: max(4, len(term) - 2)]


def highlight_pattern(terms):
    """A regular expression finding the words that start like one of ``terms``,
    or None when there are no terms."""
    stems = sorted({_stem(term) for term in terms if term}, key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def highlight(text, terms, max_length=300):
    """``text`` (plain, untrusted) escaped for HTML, with the words matching
    ``terms`` in ``<mark>``. Long texts are cut to about ``max_length``
    characters around the first match. The text is split on the matches and
    every piece escaped on its own, so nothing the text or the query holds
    can become markup."""
    text = " ".join((text or "").split())
    pattern = highlight_pattern(terms)
    text = _excerpt(text, pattern, max_length)
    if pattern is None:
        return conditional_escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(conditional_escape(text[position : match.start()]))
        pieces.append(f"<mark>{conditional_escape(match.group())}</mark>")
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def _excerpt(text, pattern, max_length):
    if len(text) <= max_length:
        return text
    match = pattern.search(text) if pattern is not None else None
    start = 0
    if match is not None and match.end() > max_length - 40:
        start = max(0, match.start() - max_length // 3)
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    end = start + max_length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    excerpt = text[start:end].strip()
    return ("… " if start else "") + excerpt + (" …" if end < len(text) else "")
