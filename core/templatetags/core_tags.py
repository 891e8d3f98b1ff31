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


SHARE_IMAGE = "fill-1200x630"  # what Facebook and others show for a shared link
SHARE_TEXT = 200


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, page=None, also=""):
    """Open Graph and Twitter card tags for a public page: its title, a short text,
    its address and a picture (the page's own, else its cluster's hero image), so a
    link shared on Facebook shows what it is. `also`: the specs of the page's own
    renditions of the picture, fetched in the same query."""
    from django.utils.text import Truncator

    request = context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return {}
    text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    if not isinstance(text, str):
        text = ""
    image = getattr(page, "image", None)
    alt = getattr(page, "image_alt", "") if image else ""
    if image is None:
        cluster = (
            page if hasattr(page, "hero_image") else getattr(page, "cluster", None)
        )
        image = getattr(cluster, "hero_image", None)
        alt = getattr(cluster, "hero_image_alt", "") or ""
    image_url = ""
    if image is not None:
        from wagtail.images.exceptions import InvalidFilterSpecError
        from wagtail.images.models import SourceImageIOError

        try:
            renditions = image.get_renditions(SHARE_IMAGE, *also.split())
        except (SourceImageIOError, InvalidFilterSpecError, OSError):
            # A picture whose file is gone: the page is shown without one, as
            # Wagtail's own {% image %} does.
            renditions = {}
        if SHARE_IMAGE in renditions:
            image_url = request.build_absolute_uri(renditions[SHARE_IMAGE].url)
    return {
        "title": page.seo_title or page.title,
        "text": Truncator(" ".join(text.split())).chars(SHARE_TEXT),
        "url": request.build_absolute_uri(request.path),
        "image_url": image_url,
        "image_alt": alt or page.title,
        "locale": "en_GB" if context.get("LANGUAGE_CODE") == "en" else "da_DK",
    }
