from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import run_checks


@never_cache
@require_GET
def healthz(request):
    status, http_status, checks = run_checks()
    return JsonResponse({"status": status, "checks": checks}, status=http_status)
