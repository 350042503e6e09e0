from django.db import migrations


def analyze_on_postgresql(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE wagtailcore_page")


class Migration(migrations.Migration):
    """The stories of a site of several languages are counted language by
    language, each story once (newsroom.listings._facet_rows): the count index
    also holds the translation key, which the count of each next language
    looks up in the earlier ones, and the path, which a mission site's count
    compares with its home page's (the whole count read from the index)."""

    dependencies = [
        ("newsroom", "0009_publication_file_text"),
    ]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX IF EXISTS newsroom_story_count_idx",
                "CREATE INDEX newsroom_story_count_idx ON wagtailcore_page "
                "(content_type_id, locale_id, live, expired, expire_at, translation_key, path)",
            ],
            [
                "DROP INDEX IF EXISTS newsroom_story_count_idx",
                "CREATE INDEX newsroom_story_count_idx ON wagtailcore_page "
                "(content_type_id, locale_id, live, expired, expire_at)",
            ],
        ),
        migrations.RunPython(analyze_on_postgresql, migrations.RunPython.noop),
    ]
