// The operator's state on the console: ready, paused with a reason from the configured
// list, wrap-up after a call (then ready again by itself). Kept apart from console.js:
// it reads the state every few seconds, so a wrap-up that ends or a correction from the
// PBX shows without a reload.
import * as L from '/common/page.js';

const TEXT = L.texts('console.state');
const $ = (id) => document.getElementById(id);
const lang = () => localStorage.getItem('line102.lang') || 'ru';
const t = (key) => (TEXT[lang()] && TEXT[lang()][key]) || TEXT.ru[key] || key;
let csrf = null;
let last = null;
let reasons = [];

async function call(method, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers[csrf.header] = csrf.token;
  const r = await fetch('/api/v1/operators/me/state', { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) throw L.problemError(json, r);
  return json;
}

function render() {
  document.querySelectorAll('[data-st]').forEach((el) => { el.textContent = t(el.dataset.st); });
  const select = $('state-pause-reason');
  const chosen = select.value;
  select.replaceChildren();
  reasons.forEach((r) => {
    const o = document.createElement('option');
    o.value = r;
    o.textContent = t(r);
    select.appendChild(o);
  });
  if (chosen) select.value = chosen;
  if (!last) return;
  const now = $('state-now');
  now.className = 'state ' + last.state;
  now.textContent = t('state.' + last.state);
  $('state-reason').textContent = last.reason ? '(' + t(last.reason) + ')' : '';
  $('state-since').textContent = L.clock(last.since);
  $('state-ready').disabled = last.state === 'ready';
}

async function refresh() {
  try {
    const mine = await call('GET');
    last = mine.state;
    reasons = mine.pauseReasons;
    // Shown only at a workstation: states belong to a desk's phone.
    $('op-state').hidden = !last.workstation;
    render();
  } catch (e) {
    L.showError($('state-error'), e);
  }
}

async function change(body) {
  L.showError($('state-error'), null);
  try {
    last = (await call('PUT', body)).state;
    render();
  } catch (e) {
    L.showError($('state-error'), e);
  }
}

L.whenReady(async () => {
  try {
    const s = await (await fetch('/api/v1/session', { credentials: 'same-origin' })).json();
    csrf = s.csrfHeader ? { header: s.csrfHeader, token: s.csrfToken } : null;
  } catch (e) {
    // console.js reports a lost session; states just stay hidden.
  }
  $('state-ready').addEventListener('click', () => change({ state: 'ready' }));
  $('state-pause').addEventListener('click', () => change({ state: 'paused',
    reason: $('state-pause-reason').value }));
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setTimeout(render)));
  refresh();
  setInterval(refresh, 2000);
});
