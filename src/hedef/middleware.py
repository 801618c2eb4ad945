from django.contrib.auth.middleware import LoginRequiredMiddleware as BaseLoginRequiredMiddleware
from django.utils.cache import patch_cache_control


class LoginRequiredMiddleware(BaseLoginRequiredMiddleware):
    """Pages need a signed-in user; the JSON API decides per operation (401, not a redirect)."""

    exempt_prefixes = ("/api/",)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(self.exempt_prefixes):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PrivateByDefaultMiddleware:
    """Every response that does not say how it may be cached gets ``private, no-store``.

    The workspace, the reporting pages and the admin show what one signed-in person may
    see: no proxy or browser cache may keep them (a shared computer's back button, a
    proxy's micro-cache). The public portal and the open-data files say ``public``
    themselves (``hedef.publishing.views``), and static files are answered by WhiteNoise
    before this middleware, so they keep their own headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response
