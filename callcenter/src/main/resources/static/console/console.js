// The operator's console: a desk chosen from the list, the screen-pop socket (a ring calls for
// attention through common/attention.js), recent calls.
// No inline script: the page's Content-Security-Policy allows scripts from this origin only.
import * as L from '/common/page.js';
import * as Attention from '/common/attention.js';

const TEXT = L.texts('console');

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
  if (desks.length) renderDesks();
  if (wsMessage) $('ws-error').textContent = t(wsMessage);
  render(current);
}

async function loadSession() {
  session = await L.api('GET', '/api/v1/session');
  $('who').textContent = session.username;
  $('logout-csrf').value = session.csrfToken || '';
  $('ws-current').hidden = !session.extension;
  $('ws-form').hidden = !!session.extension;
  if (session.extension) {
    $('ws-name').textContent = session.workstation;
    $('ws-extension').textContent = session.extension;
    connect();
  } else {
    showWsMessage('noWorkstation');
    await loadDesks();
    $('ws-input').focus();
  }
  loadRecent();
}

// A message of this page's own under the desk choice, kept by key so a switch of language shows it again.
let wsMessage = null;

function showWsMessage(key) {
  wsMessage = key;
  L.showError($('ws-error'), null);
  $('ws-error').textContent = key ? t(key) : '';
}

let desks = [];

/** The desks to choose from: free ones first as they come, a taken one shown but not to be chosen. */
async function loadDesks(quietly) {
  try {
    desks = await L.api('GET', '/api/v1/operators/me/workstations');
  } catch (e) {
    desks = [];
    L.showError($('ws-error'), e);
    return;
  }
  renderDesks();
  if (!quietly && !desks.some((d) => d.free || d.mine)) showWsMessage(desks.length ? 'allDesksTaken' : 'noDesks');
}

function renderDesks() {
  const select = $('ws-input');
  const chosen = select.value;
  select.replaceChildren();
  const none = document.createElement('option');
  none.value = '';
  none.textContent = t('chooseDesk');
  select.appendChild(none);
  desks.forEach((d) => {
    const o = document.createElement('option');
    o.value = d.name;
    o.dataset.extension = d.extension;
    o.textContent = d.name + ' (' + t('extension') + ' ' + d.extension + ')' + (d.free || d.mine ? '' : ' — ' + t('deskTaken'));
    o.disabled = !d.free && !d.mine;
    o.selected = d.name === chosen;
    select.appendChild(o);
  });
}

async function join(event) {
  event.preventDefault();
  const desk = $('ws-input').value;
  if (!desk) {
    showWsMessage('chooseDeskFirst');
    return;
  }
  showWsMessage(null);
  try {
    await L.api('POST', '/api/v1/operators/me/session', { workstation: desk });
    await loadSession();
  } catch (e) {
    L.showError($('ws-error'), e);
    // Someone may have taken it meanwhile: the list says so now.
    loadDesks(true).catch(() => {});
  }
}

async function leave() {
  showWsMessage(null);
  try {
    await L.api('DELETE', '/api/v1/operators/me/session');
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
    const fresh = !current || current.callId !== message.callId;
    current = Object.assign({}, message, { phase: answered ? 'talking' : 'ringing' });
    if (fresh && !answered) attend(current);
    else if (answered) quiet();
  } else if (message.type === 'stop' && current && current.callId === message.callId) {
    current = null;
    quiet();
    loadRecent();
  }
  render(current);
  // The incident card (incident.js) follows the calls of this phone through this event.
  document.dispatchEvent(new CustomEvent('line102:screenpop', { detail: { message } }));
}

/** A ring: the tone, the flashing title, a desktop notice when the page is hidden (common/attention.js). */
function attend(pop) {
  const sub = pop.card && pop.card.subscriber;
  Attention.ring({ title: t('ringTitle') + ': ' + (pop.callerNumber || t('withheld')),
    body: (sub && sub.holderName) || '', level: 1, tag: 'ring-' + pop.callId });
}

function quiet() {
  Attention.quiet();
}

function render(pop) {
  const box = $('pop');
  box.className = pop ? pop.phase : 'idle';
  // The incident card (incident.js) shows only this call's card while it is on: both carry the call's id.
  if (pop) box.dataset.callId = pop.callId;
  else delete box.dataset.callId;
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
    li.textContent = L.time(c.offeredAt) + ' — ' + t(c.outcome);
    list.appendChild(li);
  });
}

async function loadRecent() {
  const body = $('recent').querySelector('tbody');
  try {
    const calls = await L.api('GET', '/api/v1/operators/me/calls');
    body.replaceChildren();
    calls.forEach((c) => {
      const tr = document.createElement('tr');
      [L.time(c.offeredAt), c.callerNumber || t('withheld'), t(c.outcome),
        c.waitSeconds == null ? '' : c.waitSeconds, c.talkSeconds == null ? '' : c.talkSeconds]
        .forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
  } catch (e) {
    body.replaceChildren();
  }
}

L.whenReady(() => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    translate();
  }));
  $('ws-form').addEventListener('submit', join);
  $('ws-leave').addEventListener('click', leave);
  translate();
  loadSession().catch((e) => { L.showError($('ws-error'), e); });
});
