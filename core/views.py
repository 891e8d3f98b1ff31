"""Views of the site as a whole."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without its security token (expired, or cookies blocked): the
    site's own page, in the visitor's language, not Django's bare English one."""
    return render(request, "403_csrf.html", status=403)
