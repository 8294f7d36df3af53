from django.db import migrations

DOMAINS = [
    ("sociaal-domein", "Sociaal domein", "Social domain"),
    ("veiligheidsdomein", "Veiligheidsdomein", "Security domain"),
    ("jeugd", "Jeugd", "Youth"),
    ("onderwijs", "Onderwijs", "Education"),
    ("zorg", "Zorg", "Care"),
    ("politie", "Politie", "Police"),
    ("welzijn", "Welzijn", "Welfare"),
    ("maatschappelijke-organisaties", "Maatschappelijke organisaties", "Civil society organisations"),
]


def create(apps, schema_editor):
    Domain = apps.get_model("knowledge.Domain")
    for order, (slug, name, name_en) in enumerate(DOMAINS, start=1):
        Domain.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})
    # Logged-in municipal staff: they see contact e-mail addresses (and, later, restricted content).
    apps.get_model("auth.Group").objects.get_or_create(name="Gemeentelijk medewerker")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_casestudyindexpage_domain_guidanceindexpage_and_more"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
