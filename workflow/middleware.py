from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from . import sessions
from .account_events import set_browser_cookie


class StaffSessionMiddleware:
    """
    Sign a browser out on its next request once its session has been ended
    from elsewhere or has run out (``workflow.sessions``): one query for a
    signed-in request, none for a request without a session cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            key = request.session.session_key
            if not sessions.goes_on(request):
                sessions.sign_out_here(request)
                key = None
                if request.path.startswith(reverse("admin:index")):
                    messages.info(
                        request,
                        _(
                            "You were signed out: this session was ended, or went unused for "
                            "%(minutes)d minutes. Sign in again."
                        )
                        % {"minutes": sessions.idle_minutes()},
                    )
        response = self.get_response(request)
        if key is not None and request.session.session_key != key:
            sessions.follow_new_key(request, key)
        set_browser_cookie(request, response)
        return response
