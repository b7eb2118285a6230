"""
How staff sign in, read from the environment: sign-in throttling
(django-axes), the second factor (django-otp), password resets, how long a
session lasts, and how long the audit log keeps an entry. Part of
``newsroom.settings``, which imports all of it; passkeys' domain, which
depends on the site's address, stays there.
"""

import datetime
import os

LOGIN_URL = "admin:login"
# After signing in (and when a ``next`` address is refused as off-site): the workspace.
LOGIN_REDIRECT_URL = "admin:index"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins
# with one username from one address, that username (known or not) is answered
# 429 from that address until the cool-off has passed. Counting the two
# together: by address alone, one office behind one connection (or everyone,
# behind a proxy counted as the client) would lock out every account at once;
# by username alone, anyone could lock a reporter out of their account from afar.
# The address is the socket's, or behind TRUSTED_PROXY_COUNT proxies the one
# the outermost saw (workflow/accounts.py): a forged X-Forwarded-For is ignored.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "workflow.accounts.client_ip"
# How many proxies of ours stand in front of the app, each appending the address
# it received to X-Forwarded-For. 0: the socket's address; the header is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# A correct password does not wipe the failures: the second factor's failed
# codes count too, and signing in with the password again must not reset them.
# They are wiped once the whole sign-in succeeds (workflow/second_factor/signin.py).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "workflow.accounts.locked_out"
AXES_VERBOSE = False
# Failed sign-ins are kept (to count them); successful ones are not: the
# newsroom keeps no record of where its journalists sign in from.
AXES_DISABLE_ACCESS_LOG = True

# The second factor (workflow/second_factor). Failed codes are counted by
# django-axes with failed passwords, so django-otp's own back-off (which
# refuses even a right code for a while after a wrong one) is off.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Newsroom")
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# A password-reset link works once, and for an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60
# Reset requests, counted in the shared cache over a sliding window
# (workflow/accounts.py): at most so many mails to one e-mail address (further
# requests get the usual answer and no mail), and so many requests from one
# client address (then 429), so the form can be used neither to flood a
# reporter's inbox nor to send mail in bulk.
PASSWORD_RESET_MAILS_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_MAILS_PER_ADDRESS", "3"))
PASSWORD_RESET_REQUESTS_PER_CLIENT = int(os.environ.get("PASSWORD_RESET_REQUESTS_PER_CLIENT", "10"))
PASSWORD_RESET_WINDOW = datetime.timedelta(
    minutes=int(os.environ.get("PASSWORD_RESET_WINDOW_MINUTES", "60"))
)

# A signed-in session ends 12 hours after signing in, however busy (the
# absolute limit), and after STAFF_IDLE_MINUTES without a request of the
# person's own (workflow/sessions.py; an open story page's "still open" signal
# does not count, typing in the story body does).
SESSION_COOKIE_AGE = 60 * 60 * 12
STAFF_IDLE_TIMEOUT = datetime.timedelta(minutes=int(os.environ.get("STAFF_IDLE_MINUTES", "30")))
# Sessions must be kept on the server (the database by default, or the cache):
# a session held in a signed cookie could not be ended from elsewhere.
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.db")
# How many days the audit log keeps an entry (audit/models.py); the task
# workers remove older ones hourly (as `manage.py prune_audit_log` does).
AUDIT_LOG_DAYS = int(os.environ.get("AUDIT_LOG_DAYS", "400"))
