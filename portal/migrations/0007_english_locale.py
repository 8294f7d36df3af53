from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    # Wagtail creates the default locale; the other content languages need a row before pages can be translated.
    Locale = apps.get_model("wagtailcore.Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_audience_page_and_theme_page_per_language"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
