"""Editorial roles and the moderation workflow, created by migration (not by hand).

Redacteur drafts and edits pages and submits them; Eindredacteur approves (publishes) or rejects.
The workflow "Redactionele beoordeling" on the home page covers every page type below it.
"""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
]
FINAL_EDITOR_EXTRA = [("taggit", "change_tag"), ("taggit", "delete_tag")]
PAGE_PERMISSIONS = {
    "Redacteur": ["add_page", "change_page"],
    "Eindredacteur": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def ensure_permissions(apps):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def create(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Site = apps.get_model("wagtailcore.Site")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    def permissions(pairs):
        return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]

    editor, _ = Group.objects.get_or_create(name="Redacteur")
    final_editor, _ = Group.objects.get_or_create(name="Eindredacteur")
    editor.permissions.add(*permissions(EDITOR_PERMISSIONS))
    final_editor.permissions.add(*permissions(EDITOR_PERMISSIONS + FINAL_EDITOR_EXTRA))

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    home_id = site.root_page_id
    for group in (editor, final_editor):
        for codename in PAGE_PERMISSIONS[group.name]:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page_id=home_id, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name="Eindredactie").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Eindredactie", content_type=task_type, active=True)
    task.groups.set([final_editor])
    workflow, created = Workflow.objects.get_or_create(name="Redactionele beoordeling", defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page_id=home_id, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_audiences"),
        ("wagtailcore", "0098_apitoken"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
