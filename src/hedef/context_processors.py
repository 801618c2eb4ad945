from django.conf import settings


def site(request):
    """Values every page needs: the demo banner flag and the user's role helpers."""
    return {"HEDEF_DEMO": settings.HEDEF_DEMO}
