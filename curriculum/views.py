"""Course path pages: public curated paths, read-only shared links, and the trainers' own workspace."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.two_factor import confirm_second_factor

from . import paths
from .forms import AddStepForm, CoursePathForm, StepForm
from .ical import path_calendar
from .models import CoursePath

MAX_TOKEN_LENGTH = 64


# -- reading a path: curated (public) or through a share link ---------------------------------


def public_path(pk=None, token=None):
    if token is not None:
        if len(token) > MAX_TOKEN_LENGTH:
            raise Http404
        return get_object_or_404(CoursePath.objects.select_related("audience"), share_token=token)
    return get_object_or_404(CoursePath.objects.select_related("audience"), pk=pk, is_curated=True)


def path_urls(path, token=None, own=False):
    """Where a path is read, printed and downloaded: its share link, the trainer's own workspace (`own`, for
    a private path too), or the public curated path."""
    if own:
        names, key = ("edit_path", "own_path_print", "own_path_calendar"), path.pk
    elif token is not None:
        names, key = ("shared_path", "shared_path_print", "shared_path_calendar"), token
    else:
        names, key = ("curated_path", "curated_path_print", "curated_path_calendar"), path.pk
    addresses = [reverse(f"curriculum:{name}", args=[key]) for name in names]
    return dict(zip(("detail", "print", "calendar"), addresses, strict=True))


@require_GET
def curated_list(request):
    curated = CoursePath.objects.filter(is_curated=True).select_related("audience").annotate(step_count=Count("steps"))
    return render(request, "curriculum/path_list.html", {"paths": curated})


@require_GET
def path_detail(request, pk=None, token=None):
    path = public_path(pk, token)
    response = render(
        request,
        "curriculum/path_detail.html",
        {
            "path_view": paths.load_path_view(path),
            "urls": path_urls(path, token),
            "shared": token is not None,
            "is_owner": request.user.is_authenticated and path.owner_id == request.user.pk,
        },
    )
    if token is not None:
        # A shared link is not for search engines, and must not leak through the Referer header.
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def path_print(request, pk=None, token=None):
    path = public_path(pk, token)
    return print_page(request, path, path_urls(path, token))


@require_GET
def path_calendar_download(request, pk=None, token=None):
    path = public_path(pk, token)
    return calendar_download(request, path, path_urls(path, token))


def print_page(request, path, urls):
    return render(request, "curriculum/path_print.html", {"path_view": paths.load_path_view(path), "urls": urls})


def calendar_download(request, path, urls):
    body = path_calendar(paths.load_path_view(path), request.build_absolute_uri(urls["detail"]))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="leerlijn-{path.pk}.ics"'
    return response


# -- the trainers' workspace ------------------------------------------------------------------


def trainer_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.has_perm("curriculum.add_coursepath") or user.has_perm("curriculum.change_coursepath")):
            raise PermissionDenied
        if not user.has_perm("curriculum.add_coursepath") and not paths.manages_all_paths(user):
            # An editor who is no trainer works here only with editor powers: second factor first.
            return confirm_second_factor(request)
        return view(request, *args, **kwargs)

    return wrapper


def editable_path(request, pk):
    path = get_object_or_404(CoursePath.objects.select_related("audience", "owner"), pk=pk)
    if not paths.can_edit(request.user, path):
        # Another trainer's path: do not even confirm that it exists.
        raise Http404
    return path


@trainer_required
def my_paths(request):
    return render(
        request,
        "curriculum/my_paths.html",
        {
            "paths": paths.paths_for(request.user).annotate(step_count=Count("steps")),
        },
    )


@trainer_required
def create_path(request):
    form = CoursePathForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        path = form.save(commit=False)
        path.owner = request.user
        path.save()
        messages.success(request, _("Leerlijn aangemaakt. Voeg nu modules toe."))
        return redirect("curriculum:edit_path", pk=path.pk)
    return render(request, "curriculum/path_form.html", {"form": form})


@trainer_required
def edit_path(request, pk):
    path = editable_path(request, pk)
    form = CoursePathForm(request.POST or None, instance=path, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Leerlijn opgeslagen."))
        return redirect("curriculum:edit_path", pk=path.pk)
    path_view = paths.load_path_view(path)
    for view in path_view.steps:
        view.form = StepForm(instance=view.step, prefix=f"step-{view.step.pk}")
    return render(
        request,
        "curriculum/path_edit.html",
        {
            "form": form,
            "add_form": AddStepForm(),
            "path_view": path_view,
            "urls": path_urls(path, own=True),
            "share_url": request.build_absolute_uri(reverse("curriculum:shared_path", args=[path.share_token]))
            if path.share_token
            else None,
        },
    )


@trainer_required
@require_POST
def add_step(request, pk):
    path = editable_path(request, pk)
    form = AddStepForm(request.POST)
    if form.is_valid():
        step = paths.add_step(
            path, form.cleaned_data["module"], form.cleaned_data["note"], form.cleaned_data["planned_date"]
        )
        messages.success(request, _("Module ‘%(title)s’ toegevoegd.") % {"title": step.module_title})
        return redirect(f"{reverse('curriculum:edit_path', args=[path.pk])}#step-{step.pk}")
    messages.error(request, _("Kies een beschikbare module om toe te voegen."))
    return redirect("curriculum:edit_path", pk=path.pk)


@trainer_required
@require_POST
def step_action(request, pk, step_pk):
    path = editable_path(request, pk)
    action = request.POST.get("action")
    anchor = f"#step-{step_pk}"
    if action in ("up", "down"):
        if paths.move_step(path, step_pk, -1 if action == "up" else 1):
            # Keep keyboard users on the button they pressed.
            anchor = f"#step-{step_pk}-{action}"
    elif action == "remove":
        paths.remove_step(path, step_pk)
        messages.success(request, _("Stap verwijderd."))
        anchor = "#steps"
    elif action == "save":
        step = get_object_or_404(path.steps, pk=step_pk)
        form = StepForm(request.POST, instance=step, prefix=f"step-{step.pk}")
        if form.is_valid():
            form.save()
            messages.success(request, _("Stap opgeslagen."))
        else:
            messages.error(request, _("De stap kon niet worden opgeslagen: controleer de datum."))
    else:
        return HttpResponse(status=400)
    return redirect(f"{reverse('curriculum:edit_path', args=[path.pk])}{anchor}")


@trainer_required
@require_POST
def duplicate(request, pk):
    path = get_object_or_404(CoursePath, pk=pk)
    # A curated path is a starting point any trainer may copy; other paths only their owner (or editors).
    if not (path.is_curated or paths.can_edit(request.user, path)):
        raise Http404
    copy = paths.duplicate_path(path, request.user)
    messages.success(request, _("Kopie gemaakt."))
    return redirect("curriculum:edit_path", pk=copy.pk)


@trainer_required
@require_POST
def share(request, pk):
    path = editable_path(request, pk)
    if request.POST.get("action") == "revoke":
        paths.revoke_share(path)
        messages.success(request, _("De deellink is ingetrokken en werkt niet meer."))
    else:
        paths.share(path)
        messages.success(request, _("Er is een nieuwe deellink gemaakt; een eerdere link werkt niet meer."))
    return redirect(f"{reverse('curriculum:edit_path', args=[path.pk])}#share")


@trainer_required
@require_GET
def own_path_print(request, pk):
    """The print version of a trainer's own path, shared or private."""
    path = editable_path(request, pk)
    return print_page(request, path, path_urls(path, own=True))


@trainer_required
@require_GET
def own_path_calendar(request, pk):
    path = editable_path(request, pk)
    return calendar_download(request, path, path_urls(path, own=True))


@trainer_required
def delete_path(request, pk):
    path = editable_path(request, pk)
    if request.method == "POST":
        path.delete()
        messages.success(request, _("Leerlijn verwijderd."))
        return redirect("curriculum:my_paths")
    return render(request, "curriculum/path_delete.html", {"path": path})
