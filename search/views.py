from django import forms
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from portal import caching
from portal.ratelimit import RateLimit, rate_limited, too_many_requests

from . import alerts, service
from .models import SavedSearch

SEARCHES = RateLimit("search", "SEARCH_RATE_LIMIT")
SUGGESTIONS = RateLimit("suggest", "SUGGEST_RATE_LIMIT")
ALERTS = RateLimit("alert", "ALERT_RATE_LIMIT")  # each request sends a mail


def no_suggestions(request, window):
    # JSON callers get JSON: the search box then simply shows no suggestions.
    response = JsonResponse({"suggestions": [], "error": "too many requests"}, status=429)
    response["Retry-After"] = str(window)
    return response


@require_GET
@rate_limited(SEARCHES)
def search(request):
    """One search page over every public content type, with facets in the URL."""
    parameters = service.parse_parameters(request.GET)
    results = service.search_for_visitor(parameters)
    response = render(
        request,
        "search/search.html",
        {
            "results": results,
            "query": parameters.text,
        },
    )
    # Each search is counted (rate limit, search statistics): never answered from a shared cache.
    patch_cache_control(response, private=True)
    return response


@require_GET
@rate_limited(SUGGESTIONS, refused=no_suggestions)
def suggest(request):
    """Titles completing what a visitor typed (JSON for the search box)."""
    caching.record(caching.SEARCH)  # a cached answer is renewed whenever the index changes
    found = service.suggestions(request.GET.get(service.QUERY_PARAM, ""))
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "public, max-age=60"
    return response


class AlertForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Uw e-mailadres"), max_length=254)
    frequency = forms.ChoiceField(
        label=gettext_lazy("Hoe vaak?"),
        choices=SavedSearch.FREQUENCIES,
        initial=SavedSearch.WEEKLY,
        widget=forms.RadioSelect,
    )


def _alert_context(parameters):
    """The search being saved, for the form: hidden fields that carry it and labels that show it."""
    hidden = [(service.QUERY_PARAM, parameters.text)]
    labels = []
    for facet, values in parameters.filters.items():
        names = service.facet_labels(facet, values)
        for value in values:
            hidden.append((service.param_for_facet(facet), value))
            labels.append((service.facet_label(facet), names.get(value, value)))
    return {"parameters": parameters, "hidden": hidden, "filter_labels": labels}


def alert(request):
    """Ask for a digest of new results for a search: a form, then a confirmation mail (double opt-in)."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    query_dict = request.POST if request.method == "POST" else request.GET
    parameters = service.parse_parameters(query_dict)
    form = AlertForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and parameters.text:
        if ALERTS.exceeded(request):
            return too_many_requests(request, ALERTS.window)
        if form.is_valid():
            alerts.subscribe(form.cleaned_data["email"], parameters, form.cleaned_data["frequency"])
            return render(
                request,
                "search/alert_message.html",
                {
                    "heading": _("Kijk in uw mailbox"),
                    "message": _(
                        "We hebben een e-mail gestuurd naar %(email)s. Klik op de link erin om het bericht te "
                        "bevestigen; "
                        "zonder bevestiging sturen we niets."
                    )
                    % {"email": form.cleaned_data["email"]},
                },
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "search/alert_form.html", {"form": form, **_alert_context(parameters)}, status=status)


def alert_confirm(request, token):
    saved_search = SavedSearch.objects.filter(token=token).first()
    if saved_search is None:
        return render(
            request,
            "search/alert_message.html",
            {
                "heading": _("Link niet (meer) geldig"),
                "message": _(
                    "Deze link werkt niet (meer). Een niet bevestigd bericht vervalt na zeven dagen; vraag het opnieuw "
                    "aan."
                ),
            },
            status=404,
        )
    if request.method == "POST" or saved_search.confirmed_at:
        # Confirmed with a button, not by opening the link: mail scanners that open links confirm nothing.
        alerts.confirm(token)
        return render(
            request,
            "search/alert_message.html",
            {
                "heading": _("Bericht bevestigd"),
                "message": _("U krijgt voortaan een e-mail als er iets nieuws verschijnt bij ‘%(query)s’.")
                % {"query": saved_search.query},
            },
        )
    return render(
        request,
        "search/alert_message.html",
        {
            "heading": _("Bericht bevestigen"),
            "message": _("Wilt u een e-mail krijgen als er iets nieuws verschijnt bij ‘%(query)s’?")
            % {"query": saved_search.query},
            "action_url": request.path,
            "action_label": _("Ja, bevestigen"),
        },
    )


@csrf_exempt  # the token in the URL is the key; mail programs post here for one-click unsubscribe (RFC 8058)
def alert_unsubscribe(request, token):
    if request.method == "POST":
        alerts.unsubscribe(token)
        return render(
            request,
            "search/alert_message.html",
            {
                "heading": _("U bent afgemeld"),
                "message": _("U krijgt geen berichten meer bij deze zoekopdracht. Uw e-mailadres is gewist."),
            },
        )
    if not SavedSearch.objects.filter(token=token).exists():
        return render(
            request,
            "search/alert_message.html",
            {
                "heading": _("U bent afgemeld"),
                "message": _("Er is geen bericht (meer) met deze link; u krijgt niets meer."),
            },
        )
    return render(
        request,
        "search/alert_message.html",
        {
            "heading": _("Afmelden"),
            "message": _("Wilt u geen berichten meer bij deze zoekopdracht?"),
            "action_url": request.path,
            "action_label": _("Afmelden"),
        },
    )
