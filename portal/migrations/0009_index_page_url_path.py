"""An index on Wagtail's page.url_path: the portal finds the page a URL names by its url_path in one query
(portal.wagtail_overrides), which without an index reads every page row (milliseconds at 10,000 pages, tens at 100,000).
Wagtail's own model has no index there, so the portal adds it to Wagtail's table."""

from django.db import migrations

INDEX = "portal_wagtailcore_page_url_path"


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_groups_as_documented"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
