from django.db import migrations, models


def fill_languages(apps, schema_editor):
    # The language was only a facet value; documents written before this migration get it as a column too
    # (their passages and vectors come with the next rebuild_search_index).
    SearchDocument = apps.get_model("search", "SearchDocument")
    SearchFacetValue = apps.get_model("search", "SearchFacetValue")
    for language in SearchFacetValue.objects.filter(facet="language").values_list("value", flat=True).distinct():
        SearchDocument.objects.filter(
            pk__in=SearchFacetValue.objects.filter(facet="language", value=language).values("document_id")
        ).update(language=language)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_neighbourhood_synonym")]

    operations = [
        migrations.AddField(
            model_name="searchdocument", name="language", field=models.CharField(blank=True, max_length=10)
        ),
        migrations.AddField(
            model_name="searchdocument", name="passages", field=models.JSONField(blank=True, default=list)
        ),
        migrations.AddField(model_name="searchdocument", name="vectors", field=models.BinaryField(null=True)),
        migrations.RunPython(fill_languages, migrations.RunPython.noop),
    ]
