"""
Error reports and logs that carry no secrets.

Django's error reports (the e-mail to ``ADMINS``, the debug page, any
reporter that reads them) show the request, its POST data and the local
variables of every frame. Here they also hide:

- passwords, tokens and keys, whatever the form or view;
- the share-link token in a preview address (``/preview/<token>/``), which
  opens an unpublished story to whoever holds it;
- the fields that identify a person, on the forms marked with
  ``sensitive_post_parameters`` (``people/admin.py``), including inline rows
  such as ``aliases-0-name``, and any value of those fields wherever else it
  appears in the report: a frame variable, an SQL parameter, the exception
  message.
"""

import copy
import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

CLEANSED = SafeExceptionReporterFilter.cleansed_substitute

# Words that make a POST parameter or a variable secret on any page.
SECRET_NAMES = re.compile(r"pass|token|secret|key|signature|csrf", flags=re.IGNORECASE)

# Addresses that are themselves keys: share-link previews and password
# resets, in English at the root or under a language prefix.
SECRET_PATH = re.compile(r"(/(?:preview|reset)/)([^?#\s\"'<>]+)")

# Values shorter than this are not hunted through the report: hiding every
# "a" or "Dr" would blank the report without protecting anyone.
SHORTEST_SECRET = 3


def redact_paths(text):
    """``text`` with share-link and reset tokens replaced by stars."""
    return SECRET_PATH.sub(lambda match: match.group(1) + CLEANSED + "/", text)


class NewsroomExceptionReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE_URL|DSN", flags=re.I
    )

    def is_active(self, request):
        # Also in DEBUG: developers share debug pages and logs too.
        return True

    def sensitive_parameters(self, request):
        """The POST parameter names to hide on this request."""
        if request is None:
            return set()
        marked = getattr(request, "sensitive_post_parameters", None) or []
        if marked == "__ALL__":
            return set(request.POST)
        return {
            name
            for name in request.POST
            if name in marked or name.rsplit("-", 1)[-1] in marked or SECRET_NAMES.search(name)
        }

    def secrets(self, request):
        """Values to hide wherever they appear: sensitive POST values and URL tokens."""
        if request is None:
            return []
        values = set()
        for name in self.sensitive_parameters(request):
            values.update(request.POST.getlist(name))
        match = getattr(request, "resolver_match", None)
        if match is not None:
            values.update(
                str(value) for key, value in match.kwargs.items() if SECRET_NAMES.search(key)
            )
        found = SECRET_PATH.search(getattr(request, "path", "") or "")
        if found:
            values.update(found.group(2).split("/"))
        values = {value.strip() for value in values if isinstance(value, str)}
        return sorted((value for value in values if len(value) >= SHORTEST_SECRET), key=len)[::-1]

    def get_post_parameters(self, request):
        if request is None:
            return {}
        hidden = self.sensitive_parameters(request)
        if not hidden:
            return request.POST
        cleansed = request.POST.copy()
        for name in hidden:
            cleansed[name] = CLEANSED
        return cleansed

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {
            key: redact_paths(value) if isinstance(value, str) else value
            for key, value in meta.items()
        }

    def cleanse_special_types(self, request, value):
        value = super().cleanse_special_types(request, value)
        if hasattr(value, "META") and hasattr(value, "path"):
            # A request's repr prints its path, token included.
            return redact_paths(repr(value))
        return value

    def get_traceback_frame_variables(self, request, tb_frame):
        variables = super().get_traceback_frame_variables(request, tb_frame)
        secrets = self.secrets(request)
        cleansed = []
        for name, value in variables:
            if SECRET_NAMES.search(name) or (
                secrets and value != CLEANSED and _contains(value, secrets)
            ):
                value = CLEANSED
            cleansed.append((name, value))
        return cleansed


def _contains(value, secrets):
    try:
        text = value if isinstance(value, str) else repr(value)
    except Exception:  # noqa: BLE001 - a broken repr must not break the report
        return False
    return any(secret in text for secret in secrets)


class NewsroomExceptionReporter(ExceptionReporter):
    """Django's report, with every secret the filter knows of starred out of the text."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            # The report's title and "Request URL" print the path.
            request = copy.copy(self.request)
            request.path = redact_paths(request.path)
            request.path_info = redact_paths(request.path_info)
            data["request"] = request
            data["request_insecure_uri"] = redact_paths(data.get("request_insecure_uri", ""))
        return data

    def scrub(self, text):
        for secret in self.filter.secrets(self.request):
            text = text.replace(secret, CLEANSED)
            escaped = (
                secret.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&quot;")
                .replace("'", "&#x27;")
            )
            text = text.replace(escaped, CLEANSED)
        return redact_paths(text)

    def get_traceback_html(self):
        return self.scrub(super().get_traceback_html())

    def get_traceback_text(self):
        return self.scrub(super().get_traceback_text())
