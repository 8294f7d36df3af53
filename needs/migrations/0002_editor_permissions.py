"""Who works with the needs survey: editors read the overview, final editors also manage rounds and staff links."""

import importlib

from django.db import migrations

PERMISSIONS = {
    "Redacteur": [("needs", "view_surveyround"), ("needs", "view_surveyresponse")],
    "Eindredacteur": [
        ("needs", "add_surveyround"), ("needs", "change_surveyround"), ("needs", "delete_surveyround"),
        ("needs", "view_surveyround"), ("needs", "view_surveyresponse"),
        ("knowledge", "add_municipalstaffmembership"), ("knowledge", "change_municipalstaffmembership"),
        ("knowledge", "delete_municipalstaffmembership"), ("knowledge", "view_municipalstaffmembership"),
    ],
}


def grant(apps, schema_editor):
    importlib.import_module("portal.migrations.0005_editorial_groups_and_workflow").ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, pairs in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for app_label, codename in pairs:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("needs", "0001_initial"),
        ("knowledge", "0005_municipalstaffmembership"),
        ("portal", "0005_editorial_groups_and_workflow"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
