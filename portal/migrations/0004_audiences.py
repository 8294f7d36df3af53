from django.db import migrations

AUDIENCES = [
    ("bestuurders", "Bestuurders", "Administrators", 1),
    ("beleidsmedewerkers", "Beleidsmedewerkers", "Policy officers", 2),
    ("professionals-sociaal-domein", "Professionals in het sociaal domein", "Social domain professionals", 3),
    ("professionals-veiligheidsdomein", "Professionals in het veiligheidsdomein", "Security domain professionals", 4),
    ("jeugdprofessionals", "Jeugdprofessionals", "Youth professionals", 5),
    ("onderwijs", "Onderwijs", "Education", 6),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("portal.Audience")
    for slug, name, name_en, order in AUDIENCES:
        Audience.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_audience")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
