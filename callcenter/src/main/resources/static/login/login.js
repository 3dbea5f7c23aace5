// The sign-in page: the form posts as any form would (the CSRF token is in it, so signing in
// needs no script); this script only says, in the chosen language, why the page came back: a
// wrong name or password (?error) or a sign-out (?logout). A locked account or address is
// answered by the sign-in throttle itself (429, a problem document in the user's language).
import * as L from '/common/page.js';

L.whenReady(() => {
  const params = new URLSearchParams(location.search);
  const key = params.has('error') ? 'common.login.failed' : params.has('logout') ? 'common.login.signedOut' : null;
  const show = () => { L.$('login-message').textContent = key ? L.text(key) : ''; };
  show();
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', show));
});
