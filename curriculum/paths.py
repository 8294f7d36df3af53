"""Course paths: what a trainer's path shows and warns about, as plain functions on loaded data."""

import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.two_factor import second_factor_confirmed

from .models import CoursePath, CoursePathStep, ModulePage, ModuleSession, duration_text


@dataclass
class StepView:
    step: CoursePathStep
    number: int
    module: ModulePage | None  # None when the module is unpublished, private or deleted
    next_session: ModuleSession | None = None
    warnings: list = field(default_factory=list)

    @property
    def available(self):
        return self.module is not None

    @property
    def session(self):
        """The module's session this step is planned at: the one on the step's planned day, or, for a step
        without a date, the next one. None when the module has no such session."""
        if not self.available:
            return None
        if self.step.planned_date:
            on_the_day = (s for s in self.module.upcoming if timezone.localdate(s.starts_at) == self.step.planned_date)
            return next(on_the_day, None)
        return self.next_session


@dataclass
class PathView:
    path: CoursePath
    steps: list

    @property
    def total_minutes(self):
        return sum(view.module.duration_minutes for view in self.steps if view.available)

    @property
    def total_display(self):
        return duration_text(self.total_minutes)

    @property
    def warnings(self):
        return [warning for view in self.steps for warning in view.warnings]

    @property
    def calendar_steps(self):
        """The steps a calendar can show: planned on a day, or at a session of their module."""
        return [view for view in self.steps if view.step.planned_date or view.session]


def load_path_view(path):
    """Everything a path page shows, in a fixed number of queries however long the path is."""
    steps = list(path.steps.all())
    module_ids = {step.module_id for step in steps if step.module_id}
    upcoming = ModuleSession.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at")
    modules = {
        module.pk: module
        for module in ModulePage.objects.live()
        .public()
        .filter(pk__in=module_ids)
        .select_related("provider")
        .prefetch_related("audiences", "prerequisites", Prefetch("sessions", queryset=upcoming, to_attr="upcoming"))
    }
    views = []
    for number, step in enumerate(steps, start=1):
        module = modules.get(step.module_id)
        views.append(StepView(step, number, module, module.upcoming[0] if module and module.upcoming else None))
    add_warnings(path, views)
    return PathView(path, views)


def add_warnings(path, views):
    """Warn (never refuse) about order and audience, so trainers keep the final say."""
    position_of = {}
    for view in views:
        if view.available:
            position_of.setdefault(view.module.pk, view.number)
    for view in views:
        if not view.available:
            view.warnings.append(
                _("Stap %(number)d: de module ‘%(title)s’ is niet meer beschikbaar.")
                % {"number": view.number, "title": view.step.module_title}
            )
            continue
        for prerequisite in view.module.prerequisites.all():
            later = position_of.get(prerequisite.pk)
            if later and later > view.number:
                view.warnings.append(
                    _("Stap %(number)d (‘%(title)s’) komt vóór stap %(later)d (‘%(prerequisite)s’), die voorkennis is.")
                    % {
                        "number": view.number,
                        "title": view.module.title,
                        "later": later,
                        "prerequisite": prerequisite.title,
                    }
                )
        if path.audience_id not in {audience.pk for audience in view.module.audiences.all()}:
            view.warnings.append(
                _("Stap %(number)d (‘%(title)s’) is niet bedoeld voor de doelgroep van deze leerlijn (%(audience)s).")
                % {"number": view.number, "title": view.module.title, "audience": path.audience.display_name}
            )


def manages_all_paths(user):
    """Editors (change permission) manage every trainer's path, once they confirmed the second factor."""
    return user.has_perm("curriculum.change_coursepath") and second_factor_confirmed(user)


def may_curate(user):
    return user.has_perm("curriculum.curate_coursepath") and second_factor_confirmed(user)


def can_edit(user, path):
    """Trainers edit their own paths; editors edit all."""
    if not user.is_authenticated:
        return False
    if manages_all_paths(user):
        return True
    return path.owner_id == user.pk and user.has_perm("curriculum.add_coursepath")


def paths_for(user):
    queryset = CoursePath.objects.select_related("audience", "owner")
    if manages_all_paths(user):
        return queryset
    return queryset.filter(owner=user)


def add_step(path, module, note="", planned_date=None):
    last = path.steps.aggregate(last=Max("position"))["last"]
    return path.steps.create(
        module=module,
        module_title=module.title,
        note=note,
        planned_date=planned_date,
        position=0 if last is None else last + 1,
    )


@transaction.atomic
def move_step(path, step_id, offset):
    """Move a step up (-1) or down (+1); positions are renumbered so they stay 0..n-1."""
    steps = list(path.steps.select_for_update())
    index = next((i for i, step in enumerate(steps) if step.pk == step_id), None)
    if index is None:
        return False
    target = index + offset
    if not 0 <= target < len(steps):
        return False
    steps[index], steps[target] = steps[target], steps[index]
    renumber(steps)
    return True


def renumber(steps):
    for position, step in enumerate(steps):
        if step.position != position:
            step.position = position
            step.save(update_fields=["position"])


@transaction.atomic
def remove_step(path, step_id):
    deleted, _ = path.steps.filter(pk=step_id).delete()
    renumber(list(path.steps.all()))
    return bool(deleted)


@transaction.atomic
def duplicate_path(path, owner):
    copy = CoursePath.objects.create(
        title=_("Kopie van %(title)s") % {"title": path.title}, audience=path.audience, intro=path.intro, owner=owner
    )
    CoursePathStep.objects.bulk_create(
        CoursePathStep(
            path=copy,
            module_id=step.module_id,
            module_title=step.module_title,
            note=step.note,
            planned_date=step.planned_date,
            position=step.position,
        )
        for step in path.steps.all()
    )
    return copy


def share(path):
    """Give the path a new unguessable share link; any earlier link stops working."""
    path.share_token = secrets.token_urlsafe(32)
    path.save(update_fields=["share_token", "updated_at"])
    return path.share_token


def revoke_share(path):
    path.share_token = None
    path.save(update_fields=["share_token", "updated_at"])
