"""What the site reads in a list of skills, as JSON: the editors' "Genkendt som"."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .readings import key_of, skills_of
from .taxonomy import split_phrases, vocabulary

MAX_TEXT = 1000  # a task's list of skills is at most this long


def recognised(text: str, *, language: str = "da") -> list[dict]:
    """Each phrase of `text` with the skills it is read as (empty: not recognised)."""
    phrases = list(split_phrases(text or ""))
    read = skills_of(phrases)
    skills = vocabulary()[2]
    name = "name_en" if language == "en" else "name_da"
    return [
        {
            "phrase": phrase,
            "skills": [
                {"slug": r.slug, "name": skills[r.skill_id][name]}
                for r in read.get(key_of(phrase), ())
                if r.skill_id in skills
            ],
        }
        for phrase in phrases
    ]


@require_GET
def read_phrases(request):
    """`?q=` a list of skills (as a task asks for them) → what each is read as."""
    text = (request.GET.get("q") or "")[:MAX_TEXT]
    data = {"phrases": recognised(text, language=get_language() or "da")}
    # The phrases come back as typed: <, > and & escaped, as json_script does, so
    # that the answer is inert even where someone would put it into a page.
    body = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        body = body.replace(char, escaped)
    return HttpResponse(body, content_type="application/json")
