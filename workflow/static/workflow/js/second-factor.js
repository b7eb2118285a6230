// The second factor's page: once a new passkey is saved, show it in the list.
"use strict";

document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
