"""Cleaning what residents type: whitespace, markup, emoji and length."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

PHRASE_MAX_LENGTH = 80
_SPACE = re.compile(r"\s+")
# Pictographs, emoji modifiers and joiners; letters of every alphabet stay.
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"
    "\U00002600-\U000027bf"
    "\U0001f1e6-\U0001f1ff"
    "\ufe0f\u200d\u20e3"
    "]"
)


def clean_text(value: str) -> str:
    """Return `value` without markup, control characters, emoji or extra spaces."""
    value = unicodedata.normalize("NFC", value or "")
    value = strip_tags(value)
    value = "".join(
        ch for ch in value if unicodedata.category(ch)[0] != "C" or ch in "\n\t"
    )
    value = _EMOJI.sub("", value)
    return _SPACE.sub(" ", value).strip()


def clean_phrase(value: str, *, max_length: int = PHRASE_MAX_LENGTH) -> str:
    """Clean a short phrase, or raise a ValidationError a resident understands."""
    cleaned = clean_text(value)
    if not cleaned:
        raise ValidationError(_("Write at least one letter or number."), code="empty")
    if len(cleaned) > max_length:
        raise ValidationError(
            _("Use at most %(max)d characters (you wrote %(length)d).")
            % {"max": max_length, "length": len(cleaned)},
            code="too_long",
        )
    return cleaned
