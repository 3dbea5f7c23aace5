'use strict';
// The operator's console: workstation sign-in, the screen-pop socket, recent calls.
// No inline script: the page's Content-Security-Policy allows scripts from this origin only.

const TEXT = Line102.texts('console');

let lang = localStorage.getItem('line102.lang') || 'ru';
let session = null;
let socket = null;
let retry = 500;
let current = null;

const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');
  render(current);
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session && session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) throw Line102.problemError(json, r);
  return json;
}

async function loadSession() {
  session = await api('GET', '/api/v1/session');
  $('who').textContent = session.username;
  $('logout-csrf').value = session.csrfToken || '';
  $('ws-current').hidden = !session.extension;
  $('ws-form').hidden = !!session.extension;
  if (session.extension) {
    $('ws-name').textContent = session.workstation;
    $('ws-extension').textContent = session.extension;
    connect();
  } else {
    $('ws-error').textContent = t('noWorkstation');
    $('ws-input').focus();
  }
  loadRecent();
}

async function join(event) {
  event.preventDefault();
  Line102.showError($('ws-error'), null);
  try {
    await api('POST', '/api/v1/operators/me/session', { workstation: $('ws-input').value.trim() });
    await loadSession();
  } catch (e) {
    Line102.showError($('ws-error'), e);
  }
}

async function leave() {
  try {
    await api('DELETE', '/api/v1/operators/me/session');
  } finally {
    if (socket) socket.close();
    socket = null;
    current = null;
    render(null);
    await loadSession();
  }
}

function connect() {
  if (socket && socket.readyState <= 1) return;
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/screenpop');
  socket.onopen = () => { retry = 500; state('online'); };
  socket.onmessage = (m) => onPop(JSON.parse(m.data));
  socket.onclose = () => {
    state('offline');
    if (session && session.extension) setTimeout(connect, retry);
    retry = Math.min(retry * 2, 10000);
  };
}

function state(key) {
  const el = $('socket-state');
  el.dataset.t = key;
  el.textContent = t(key);
}

function onPop(message) {
  if (message.type === 'error') {
    $('ws-error').textContent = message.detail;
    return;
  }
  if (message.type === 'ring') {
    // The screen-pop sends the call again, with the time of the answer, when the operator answers;
    // the same message again (a reconnect) changes nothing.
    const answered = current && current.callId === message.callId
      && (current.phase === 'talking' || message.rangAt !== current.rangAt);
    current = Object.assign({}, message, { phase: answered ? 'talking' : 'ringing' });
  } else if (message.type === 'stop' && current && current.callId === message.callId) {
    current = null;
    loadRecent();
  }
  render(current);
  // The incident card (incident.js) follows the calls of this phone through this event.
  document.dispatchEvent(new CustomEvent('line102:screenpop', { detail: { message } }));
}

function render(pop) {
  const box = $('pop');
  box.className = pop ? pop.phase : 'idle';
  const stateEl = $('pop-state');
  stateEl.dataset.t = pop ? pop.phase : 'waiting';
  stateEl.textContent = t(stateEl.dataset.t);
  const card = pop && pop.card;
  const sub = card && card.subscriber;
  $('pop-number').textContent = pop ? (pop.callerNumber || t('withheld')) : '—';
  $('pop-name').textContent = pop ? ((sub && sub.holderName) || t('unknown')) : '—';
  $('pop-address').textContent = pop ? ((sub && sub.address) || t('unknown')) : '—';
  $('pop-position').textContent = pop ? (sub && sub.lat != null ? sub.lat.toFixed(5) + ', ' + sub.lon.toFixed(5)
    : t('unknown')) : '—';
  $('pop-history').textContent = card ? card.callsLast24h + ' ' + t('last24') + ', ' + card.callsLast30d + ' '
    + t('last30') : '—';
  $('pop-repeat').hidden = !(card && card.repeatCaller);
  $('pop-callback').hidden = !(card && card.callbackCandidate);
  const list = $('pop-calls');
  list.replaceChildren();
  ((card && card.recentCalls) || []).slice(0, 5).forEach((c) => {
    const li = document.createElement('li');
    li.textContent = new Date(c.offeredAt).toLocaleString(lang) + ' — ' + t(c.outcome);
    list.appendChild(li);
  });
}

async function loadRecent() {
  const body = $('recent').querySelector('tbody');
  try {
    const calls = await api('GET', '/api/v1/operators/me/calls');
    body.replaceChildren();
    calls.forEach((c) => {
      const tr = document.createElement('tr');
      [new Date(c.offeredAt).toLocaleString(lang), c.callerNumber || t('withheld'), t(c.outcome),
        c.waitSeconds == null ? '' : c.waitSeconds, c.talkSeconds == null ? '' : c.talkSeconds]
        .forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
  } catch (e) {
    body.replaceChildren();
  }
}

Line102.whenReady(() => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    translate();
  }));
  $('ws-form').addEventListener('submit', join);
  $('ws-leave').addEventListener('click', leave);
  translate();
  loadSession().catch((e) => { Line102.showError($('ws-error'), e); });
});
