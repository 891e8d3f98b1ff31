from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from core.routing import ancestors_below_root

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Return a link per language to this same page in that language."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
            }
        )
    return links


@register.simple_tag
def breadcrumb_trail(page):
    """Return the page's ancestors below the tree root, for the breadcrumbs."""
    if page is None or not getattr(page, "pk", None):
        return []
    return ancestors_below_root(page)
