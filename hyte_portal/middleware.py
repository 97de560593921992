from .views import healthz


class HealthCheckMiddleware:
    """Answers /healthz before host validation and the HTTPS redirect, so that a container's or
    load balancer's probe on 127.0.0.1 over plain HTTP reaches it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """No admin page opens for a staff account without a second factor used in this session.

    allauth's login asks for the code of anyone who has an authenticator; this makes having one compulsory for
    staff (coordinators included): without one they are sent to set up TOTP, and a session that was opened
    without the code (a login before the set-up) must confirm it once before the admin opens.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self.second_factor_redirect(request)
        return redirect_to or self.get_response(request)

    @staticmethod
    def second_factor_redirect(request):
        from allauth.account.authentication import get_authentication_records
        from allauth.mfa.utils import is_mfa_enabled
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode
        from django.utils.translation import gettext as _

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        if not request.path.startswith(reverse("admin:index")):
            return None
        query = urlencode({"next": request.get_full_path()})
        if not is_mfa_enabled(user):
            messages.warning(request, _("Staff accounts need a second factor. Set up an authenticator app first."))
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        if not any(record.get("method") == "mfa" for record in get_authentication_records(request, user)):
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return None


class PermissionsPolicyMiddleware:
    """Turns off the browser features the portal never uses, for every response (Django has no setting)."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


def start_idle_clock(sender, request, user, **kwargs):
    """A new login starts the idle clock (so that the first page after it need not write the session)."""
    import time

    if getattr(request, "session", None) is not None:
        request.session[SessionIdleTimeoutMiddleware.KEY] = int(time.time())


class SessionIdleTimeoutMiddleware:
    """Ends a session left idle too long: STAFF_SESSION_IDLE_SECONDS for staff, MEMBER_SESSION_IDLE_SECONDS else.

    The last activity is written at most once a minute, so that a busy page does not save the session on every
    request.
    """

    KEY = "last_activity"
    WRITE_EVERY_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.conf import settings
        from django.contrib.auth import logout

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            limit = settings.STAFF_SESSION_IDLE_SECONDS if user.is_staff else settings.MEMBER_SESSION_IDLE_SECONDS
            last = request.session.get(self.KEY)
            if isinstance(last, int) and now - last > limit:
                logout(request)
            elif not isinstance(last, int) or now - last >= self.WRITE_EVERY_SECONDS:
                request.session[self.KEY] = now
        return self.get_response(request)


class AdminQueryGuardMiddleware:
    """Junk in an admin page's query string gets the admin's own "invalid filter" answer, not a server error;
    junk in the rows an action is asked to act on gets its "select items first" answer.

    PostgreSQL refuses a NUL character in any text it is given, and Django's date hierarchy passes an
    over-long year to the date constructor without catching the OverflowError; both would be a 500. The
    changelist shows its "?e=1" notice instead, as it does for other lookups it cannot use. Django filters an
    action's rows by the ids posted as they are: "abc" for an integer id raised a ValueError (a 500) on every
    changelist, for a forged POST as for a broken client.
    """

    DATE_PARTS = ("__year", "__month", "__day")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.shortcuts import redirect
        from django.urls import reverse

        if request.path.startswith(reverse("admin:index")) and request.GET and self.is_junk(request.GET):
            return redirect(f"{request.path}?e=1")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """After the CSRF check (an earlier middleware's process_view), before the admin's view."""
        from django.contrib import messages
        from django.shortcuts import redirect
        from django.utils.translation import gettext

        if request.method == "POST" and self.has_junk_selection(request, view_func):
            # Django's own words (and translations) for an action posted without rows: nothing was changed.
            messages.warning(
                request,
                gettext("Items must be selected in order to perform actions on them. No items have been changed."),
            )
            return redirect(request.get_full_path())
        return None

    @staticmethod
    def has_junk_selection(request, view_func) -> bool:
        """Whether a changelist's action POST names a row by something that cannot be the model's id."""
        from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
        from django.core.exceptions import ValidationError

        model_admin = getattr(view_func, "model_admin", None)  # set on each view of a ModelAdmin's get_urls()
        url_name = getattr(request.resolver_match, "url_name", None) or ""
        # Only a changelist's POST is read here, so that an upload on an add or change page is parsed by its view.
        if model_admin is None or not url_name.endswith("_changelist"):
            return False
        pk_field = model_admin.model._meta.pk
        for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
            if "\x00" in value:
                return True
            try:
                pk_field.to_python(value)
            except ValidationError:
                return True
        return False

    @classmethod
    def is_junk(cls, query) -> bool:
        for key, values in query.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return True
            if key.endswith(cls.DATE_PARTS) and any(not (value.isascii() and value.isdigit() and len(value) <= 4)
                                                    for value in values):  # fmt: skip
                return True
        return False
