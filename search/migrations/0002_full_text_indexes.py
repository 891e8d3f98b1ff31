"""Indexes that let PostgreSQL answer Wagtail's full-text search from an index.

Wagtail's database backend searches ``title || body`` of its index entries and joins
them to pages on ``page.id::varchar = object_id``; neither expression has an index of
its own, so every search read all 50,000 index entries and all pages (150 ms at
national scale). With these two, "forsamlingshus" takes about 55 ms in all (see
docs/performance.md). SQLite searches its own FTS table and needs neither.
"""

from django.db import migrations

INDEXES = [
    (
        "site_search_indexentry_vector",
        "wagtailsearch_indexentry USING gin ((title || body))",
    ),
    ("site_search_page_id_text", "wagtailcore_page (((id)::varchar(50)))"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _target in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_search_editors_group"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
