from django.contrib.auth.middleware import LoginRequiredMiddleware as BaseLoginRequiredMiddleware


class LoginRequiredMiddleware(BaseLoginRequiredMiddleware):
    """Pages need a signed-in user; the JSON API decides per operation (401, not a redirect)."""

    exempt_prefixes = ("/api/",)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(self.exempt_prefixes):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
