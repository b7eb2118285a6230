"""
The second factor that stands behind a member of staff's password: codes from
an authenticator app (TOTP), passkeys and security keys (WebAuthn), and
one-time recovery codes, each a django-otp device.

* ``policy``: who must have one, and what a signed-in request still needs.
* ``middleware``: every workspace page checks it, before any view runs.
* ``devices``: adding, using and removing factors, with the mail and signal each sends.
* ``views``, ``passkeys``, ``urls``: the pages under ``/admin/second-factor/``.
"""
