from django.db import migrations


def add_language(apps, schema_editor):
    # Searches keep to the visitor's language from now on: documents indexed before need their page's language.
    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchFacetValue = apps.get_model("search", "SearchFacetValue")
    Page = apps.get_model("wagtailcore", "Page")
    codes = dict(Page.objects.filter(pk__in=SearchDocument.objects.values("pk")).values_list("pk", "locale__language_code"))
    SearchFacetValue.objects.filter(facet="language").delete()
    SearchFacetValue.objects.bulk_create(
        [SearchFacetValue(document_id=page_id, facet="language", value=code) for page_id, code in codes.items()],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_sqlite_full_text_table"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_language, migrations.RunPython.noop)]
