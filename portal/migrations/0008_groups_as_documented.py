"""The groups exactly as the README's roles table says.

- Redacteur and Eindredacteur work with documents and images: Wagtail grants those per collection, so the
  permissions go on the root collection (Django permissions alone do not open the admin's listings).
- Wagtail's own "Editors" and "Moderators" groups and its "Moderators approval" workflow are mapped onto
  ours: their members join Redacteur / Eindredacteur, pages they covered get "Redactionele beoordeling",
  and then they are removed (a workflow with history in it is deactivated instead, keeping that history).
"""

from django.db import migrations

COLLECTION_PERMISSIONS = {
    "Redacteur": [("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
                  ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image")],
    "Eindredacteur": [("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
                      ("wagtaildocs", "delete_document"), ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
                      ("wagtailimages", "choose_image"), ("wagtailimages", "delete_image")],
}
WAGTAIL_GROUPS = {"Editors": "Redacteur", "Moderators": "Eindredacteur"}
OUR_WORKFLOW, WAGTAIL_WORKFLOW = "Redactionele beoordeling", "Moderators approval"


def apply(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    Task = apps.get_model("wagtailcore.Task")
    TaskState = apps.get_model("wagtailcore.TaskState")
    User = apps.get_model("auth.User")

    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for group_name, pairs in COLLECTION_PERMISSIONS.items():
            group = Group.objects.get(name=group_name)
            for app_label, codename in pairs:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)

    for wagtail_name, ours in WAGTAIL_GROUPS.items():
        theirs = Group.objects.filter(name=wagtail_name).first()
        if theirs is None:
            continue
        target = Group.objects.get(name=ours)
        for user in User.objects.filter(groups=theirs):
            user.groups.add(target)
        theirs.delete()

    ours = Workflow.objects.filter(name=OUR_WORKFLOW).first()
    for workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW):
        if ours is not None:
            WorkflowPage.objects.filter(workflow=workflow).update(workflow=ours)
        tasks = list(Task.objects.filter(workflow_tasks__workflow=workflow))
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.active = False
            workflow.save(update_fields=["active"])
            continue
        workflow.delete()
        for task in tasks:
            if not TaskState.objects.filter(task=task).exists() and not task.workflow_tasks.exists():
                task.delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_english_locale"),
                    ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
