from django.db import migrations

# "spanningen in de buurt" and "spanningen in de wijk" are the same question.
TERMS = "wijk, buurt"


def add_synonym(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.get_or_create(terms=TERMS)


def remove_synonym(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms=TERMS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0007_filed_under_terms")]
    operations = [migrations.RunPython(add_synonym, remove_synonym)]
