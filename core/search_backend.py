"""Wagtail's database search backend, with any text a safe query.

On SQLite, Wagtail (django-modelsearch) writes each search term into an FTS5 string
without doubling the double quotes in it, so a search for `"><x` or `a"b` is an FTS5
syntax error and a 500. Here every term's double quotes are doubled, as FTS5 asks,
for the site search and the admin's alike; other databases are left as they are.
"""

from __future__ import annotations

import functools

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import Phrase, PlainText


def _fts5_safe(text: str) -> str:
    return text.replace('"', '""')


@functools.cache
def _safe_compilers():
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class SafeQueryMixin:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                query = PlainText(
                    _fts5_safe(query.query_string),
                    operator=query.operator,
                    boost=query.boost,
                )
            elif isinstance(query, Phrase):
                query = Phrase(_fts5_safe(query.query_string))
            return super().build_search_query_content(query, config=config)

    class SafeSearchQueryCompiler(SafeQueryMixin, SQLiteSearchQueryCompiler):
        pass

    class SafeAutocompleteQueryCompiler(
        SafeQueryMixin, SQLiteAutocompleteQueryCompiler
    ):
        pass

    return SafeSearchQueryCompiler, SafeAutocompleteQueryCompiler


def SearchBackend(params):
    """The backend Wagtail would choose, with FTS5-safe queries on SQLite."""
    backend = DatabaseSearchBackend(params)
    # Checked by name: the SQLite module cannot be imported on other databases.
    if type(backend).__name__ == "SQLiteSearchBackend":
        (
            backend.query_compiler_class,
            backend.autocomplete_query_compiler_class,
        ) = _safe_compilers()
    return backend
