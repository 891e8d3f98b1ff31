"""Mixins shared by the page types."""

from .text import danish_slugify


class DanishSlugMixin:
    """Make a missing slug from the title, transliterating æ, ø and å."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = danish_slugify(self.title)[:255] or None
        return super().full_clean(*args, **kwargs)
