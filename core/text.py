"""Text helpers that know Danish."""

from django.utils.text import slugify

_DANISH = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
)


def danish_slugify(text: str) -> str:
    """Slugify with Danish transliteration.

    "Fællesspisning på Mols" becomes "faellesspisning-paa-mols",
    not "fllesspisning-p-mols".
    """
    return slugify((text or "").translate(_DANISH))
