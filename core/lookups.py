"""Integer lookups that cannot overflow the database driver.

Django turns an exact lookup on an integer column with a value past the column's
range into "no rows" (``IntegerFieldOverflow``), but not an ``__in`` lookup, nor any
lookup through a relation (the primary key of a page type is a one-to-one link to
``Page``). On SQLite the driver then raises ``OverflowError`` for an int past 64 bits,
and the request ends in a 500. A form field or a view that passes a number from a
request straight into a query (Wagtail's choosers, Django's ``ModelChoiceField``) thus
needs these: values no column can hold match nothing, on every database.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _fits(value) -> bool:
    return not isinstance(value, int) or INT64_MIN <= value <= INT64_MAX


class _DropUnfitValues:
    """For ``__in``: values no integer column can hold cannot match; leave them out."""

    def get_prep_lookup(self):
        prepared = super().get_prep_lookup()
        if self.rhs_is_direct_value():
            prepared = [value for value in prepared if _fits(value)]
            self.rhs = prepared
        return prepared

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not self.rhs:
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class BoundedIn(_DropUnfitValues, In):
    pass


class BoundedRelatedIn(_DropUnfitValues, RelatedIn):
    pass


class BoundedRelatedExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not _fits(self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(BoundedIn)
    ForeignObject.register_lookup(BoundedRelatedIn)
    ForeignObject.register_lookup(BoundedRelatedExact)
