"""What the editorial roles may do in the curriculum besides pages: providers and course paths."""

from django.db import migrations

PERMISSIONS = {
    "Redacteur": ["add_provider", "change_provider"],
    # Final editors curate course paths: see and edit every path, and publish one as a curated path.
    "Eindredacteur": ["add_provider", "change_provider", "add_coursepath", "change_coursepath", "view_coursepath", "curate_coursepath"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.get(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="curriculum", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0003_trainer_group"), ("portal", "0005_editorial_groups_and_workflow")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
