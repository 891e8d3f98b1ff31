"""Mixins shared by the page types."""

from .text import danish_slugify


class DanishSlugMixin:
    """Make a missing slug from the title with æ, ø and å transliterated, not dropped."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = danish_slugify(self.title)[:255] or None
        return super().full_clean(*args, **kwargs)
