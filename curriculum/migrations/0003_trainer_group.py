"""The Trainer group: trainers assemble course paths; they cannot publish or edit modules."""

from django.db import migrations

TRAINER_PERMISSIONS = ["add_coursepath", "view_coursepath"]


def create_trainer_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name="Trainer")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="curriculum", codename__in=TRAINER_PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0002_course_paths"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_trainer_group, migrations.RunPython.noop)]
