"""Ids a request carries, validated as bounded integers.

Ids are positive and fit the database's columns. A number past that is no id at all:
the URL converter does not match it (a 404) and `parse_id` gives None, so the query
that would have overflowed SQLite's 64-bit integers (a 500) is never made.
"""

from __future__ import annotations

# Wagtail's page ids (and every AutoField) are PostgreSQL `integer`s; our own models'
# BigAutoFields go further, but no site of this size gets near 2**31.
MAX_ID = 2**31 - 1


def parse_id(value) -> int | None:
    """Return `value` as an id, or None when it is not a plausible one."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


class IdConverter:
    """`<id:name>` in a URL pattern: like `<int:name>`, but bounded."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the pattern does not match: a 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))
