from django.db import migrations

# A starting set; editors maintain synonyms in the admin (Zoeken > Synoniemen).
INITIAL_SYNONYMS = [
    "ondermijning, georganiseerde criminaliteit",
    "jongeren, jeugd",
    "polarisatie, tegenstellingen",
    "samenwerking, ketensamenwerking",
]


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in INITIAL_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]
    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
