from django.db import migrations


def analyze_on_postgresql(tables):
    def analyze(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for table in tables:
                schema_editor.execute(f"ANALYZE {table}")

    return analyze


class Migration(migrations.Migration):
    """An index on the depth of Wagtail's pages: every request reads the home
    pages (depth 2) and the sections (depth 3) of the tree by depth
    (website.sites.Frame), and without it the database scans every page."""

    dependencies = [
        ("website", "0003_rate_limit_attempt"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS website_page_depth_idx ON wagtailcore_page (depth)",
            "DROP INDEX IF EXISTS website_page_depth_idx",
        ),
        # PostgreSQL's statistics of the new index at once; SQLite's are made
        # whole after every migrate (website/statistics.py).
        migrations.RunPython(analyze_on_postgresql(('wagtailcore_page',)), migrations.RunPython.noop),
    ]
