"""Use what Wagtail's routing already loaded instead of asking the database again.

When Wagtail routes a request down the tree it keeps each page's (specific) parent on
the child as ``_cached_parent_obj`` — so a page served from a URL knows its whole chain
of ancestors without a query. Pages built any other way fall back to the database.
"""

from __future__ import annotations

from wagtail.models import Page


def routed_ancestors(page: Page) -> list[Page] | None:
    """Return the ancestors of `page` below the tree root, top first, or None.

    None means the chain is incomplete (the page was not reached through routing).
    """
    chain = []
    current = page
    while current.depth > 2:
        parent = current.__dict__.get("_cached_parent_obj")
        if parent is None or parent.depth != current.depth - 1:
            return None
        chain.append(parent)
        current = parent
    return chain[::-1]


def ancestors_below_root(page: Page) -> list[Page]:
    """Return the ancestors of `page` below the tree root (specific), top first."""
    chain = routed_ancestors(page)
    if chain is not None:
        return chain
    return list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
