'use strict';
// The sign-in page: the form posts as any form would (the CSRF token is in it); the script only
// turns the answers into words in the chosen language: a wrong password (?error), a sign-out
// (?logout), and a lockout (429 with Retry-After from the sign-in throttle), which a plain form
// post would show as raw JSON.

Line102.whenReady(() => {
  const $ = Line102.$;
  const params = new URLSearchParams(location.search);
  let shown = null;
  function show(key, args) {
    shown = [key, args];
    $('login-message').textContent = key ? Line102.text(key, args) : '';
  }
  if (params.has('error')) show('common.login.failed');
  else if (params.has('logout')) show('common.login.signedOut');
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    if (shown) show(shown[0], shown[1]);
  }));
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-submit').disabled = true;
    try {
      const r = await fetch('/login', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html' },
        body: new URLSearchParams(new FormData($('login-form'))) });
      if (r.status === 429) {
        show('problem.sign-in-locked', [r.headers.get('Retry-After') || '']);
        return;
      }
      if (r.redirected && !new URL(r.url).searchParams.has('error')) {
        location.href = r.url;
        return;
      }
      show(r.status === 403 ? 'common.login.expired' : 'common.login.failed');
    } catch (e) {
      show('common.login.offline');
    } finally {
      $('login-submit').disabled = false;
    }
  });
});
