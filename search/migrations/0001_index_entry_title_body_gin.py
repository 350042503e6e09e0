"""A GIN index on ``title || body`` of the search index table, on PostgreSQL.

The database backend's full-text query matches ``(title || body) @@ query``
(one vector of the two, so that "hotline campaign" finds a story with one word
in its title and the other in its body). Wagtail indexes ``title`` and
``body`` apart, which that expression cannot use: PostgreSQL then reads and
concatenates every row's vectors, guesses that one row matches, and at
20,000 stories chose a nested loop that took seconds for a two-word query.
An index on the expression itself finds the rows and gives the planner
statistics for it. Other databases (SQLite's FTS5 table) are left alone.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {quote(INDEX)} ON {quote(table(apps))} "
        f"USING gin (({quote('title')} || {quote('body')}))"
    )
    # The expression's statistics come with ANALYZE, not with the index.
    schema_editor.execute(f"ANALYZE {quote(table(apps))}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(INDEX)}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
