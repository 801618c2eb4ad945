from django.conf import settings

from hedef.accounts.permissions import is_operator


def site(request):
    """Values every page needs: the demo banner flag and whether the reader is an operator."""
    return {
        "HEDEF_DEMO": settings.HEDEF_DEMO,
        "is_operator": is_operator(getattr(request, "user", None)),
    }
