"""Signing staff in for a test: one place to change how (a second factor, later)."""

FIREFOX_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
)
CHROME_ON_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


def sign_in(client, user):
    """``user`` signed in on ``client``, as after the sign-in form."""
    client.force_login(user)
    return client


def sign_in_through_form(client, username, password, **headers):
    """Sign in through the workspace's sign-in form, as a person does; return the response."""
    from django.urls import reverse

    client.get(reverse("admin:login"), **headers)
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **headers
    )
