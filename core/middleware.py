"""Requests the database could not hold are refused at the door, in one place."""

from __future__ import annotations

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation

NUL = "\x00"
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(request) -> bool:
    if NUL in request.path_info:
        return True
    for values in (request.GET, request.COOKIES):
        if any(NUL in key or NUL in str(value) for key, value in _items(values)):
            return True
    if request.method in ("POST", "PUT", "PATCH"):
        content_type = request.content_type or ""
        if content_type in _FORM_TYPES:
            if any(NUL in key or NUL in value for key, value in _items(request.POST)):
                return True
            if any(NUL in (f.name or "") for f in request.FILES.values()):
                return True
        elif content_type == "application/json":
            body = request.body
            if b"\x00" in body or b"\\u0000" in body:
                return True
    return False


def _items(data):
    if hasattr(data, "lists"):
        for key, values in data.lists():
            for value in values:
                yield key, value
    else:
        yield from data.items()


class RejectNulMiddleware:
    """Answer 400 to a NUL byte in the path, the query, a cookie or a form value.

    PostgreSQL text cannot hold NUL (psycopg raises on it), so a NUL that reached a
    query would be a 500; no field of the site has a use for one. This runs before the
    session is read (its cookie is checked too), so the page is rendered alone, in
    the language of the address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            language = translation.get_language_from_path(request.path_info) or "da"
            with translation.override(language):
                body = render_to_string("400.html", {"LANGUAGE_CODE": language})
            return HttpResponseBadRequest(body)
        return self.get_response(request)
