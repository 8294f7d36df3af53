"""Final editors (Eindredacteur) maintain synonyms and promoted search results and see the search reports."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("search", "synonym", ["add", "change", "delete", "view"]),
    ("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete", "view"]),
]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Eindredacteur")
    for app_label, model, actions in PERMISSIONS:
        for action in actions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_initial_synonyms"),
        ("portal", "0005_editorial_groups_and_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
