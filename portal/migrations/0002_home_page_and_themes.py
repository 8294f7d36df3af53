"""Replace Wagtail's placeholder page with the portal's Dutch home page, and create the four themes.

The themes are the portal's shared taxonomy, so every installation has them, demo content or not.
"""

from django.conf import settings
from django.db import migrations

THEMES = [
    ("inclusie", "Inclusie", "Inclusion", 1),
    ("polarisatie", "Polarisatie", "Polarisation", 2),
    ("problematisch-gedrag-en-ondermijning", "Problematisch gedrag en ondermijning", "Problematic behaviour and undermining", 3),
    ("radicalisering-en-extremisme", "Radicalisering en extremisme", "Radicalisation and extremism", 4),
]


def create_home_page_and_themes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("portal.HomePage")
    Theme = apps.get_model("portal.Theme")

    for slug, name, name_en, order in THEMES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})

    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    # Wagtail's initial data has a placeholder "Welcome" page at depth 2; it holds nothing.
    Page.objects.filter(content_type=page_type, depth=2, slug="home").delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.get(depth=1)
    position = Page.objects.filter(depth=2).count() + 1
    home = HomePage.objects.create(
        title="Kennisportaal Sociale Stabiliteit",
        draft_title="Kennisportaal Sociale Stabiliteit",
        slug="home",
        content_type=home_type,
        locale=locale,
        path=f"{root.path}{position:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                            site_name="Kennisportaal Sociale Stabiliteit")
    else:
        site.root_page_id = home.pk
        site.site_name = "Kennisportaal Sociale Stabiliteit"
        site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_home_page_and_themes, migrations.RunPython.noop)]
