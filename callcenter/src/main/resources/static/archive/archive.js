// The auditors' archive: record the legal basis, then search, play and download recordings.
// No inline script: the page's Content-Security-Policy allows scripts from this origin only.
// The recorded request's id lives in sessionStorage: one request per sitting (tab), never longer.
import * as L from '/common/page.js';

const TEXT = L.texts('archive');

const REQUEST_KEY = 'line102.archive.request';

let lang = localStorage.getItem('line102.lang') || 'ru';
let session = null;
let request = null;
let query = null;
let next = null;
let rows = [];

const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');
  showRequest();
  renderRows();
}

function error(message) {
  $('error').textContent = message || '';
}

function storedRequest() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(REQUEST_KEY) || 'null');
    return saved && session && saved.username === session.username ? saved : null;
  } catch (e) {
    return null;
  }
}

function showRequest() {
  const has = !!request;
  $('request-current').hidden = !has;
  $('request-form').hidden = has;
  $('search-fields').disabled = !has;
  $('request-summary').textContent = has ? request.requestingBody + ', № ' + request.documentNumber + ' '
    + t('dated') + ' ' + request.documentDate : '';
}

function forgetRequest() {
  request = null;
  sessionStorage.removeItem(REQUEST_KEY);
  rows = [];
  next = null;
  $('player').removeAttribute('src');
  $('playing').textContent = '—';
  showRequest();
  renderRows();
  $('req-body').focus();
}

async function loadSession() {
  session = await L.loadSession();
  $('who').textContent = session.username;
  $('logout-csrf').value = session.csrfToken || '';
  request = storedRequest();
  showRequest();
  (request ? $('s-kui') : $('req-body')).focus();
}

async function recordRequest(event) {
  event.preventDefault();
  error('');
  try {
    const r = await L.api('POST', '/api/v1/archive/requests', {
      requestingBody: $('req-body').value.trim(), documentNumber: $('req-number').value.trim(),
      documentDate: $('req-date').value || null, reason: $('req-reason').value.trim() });
    request = { id: r.id, username: session.username, requestingBody: r.requestingBody,
      documentNumber: r.documentNumber, documentDate: r.documentDate };
    sessionStorage.setItem(REQUEST_KEY, JSON.stringify(request));
    $('request-form').reset();
    showRequest();
    $('s-kui').focus();
  } catch (e) {
    error(e.message);
  }
}

function instant(value) {
  if (!value) return '';
  const d = new Date(value);
  return isNaN(d.getTime()) ? value : d.toISOString();
}

async function search(event) {
  event.preventDefault();
  if (!request) { error(t('needRequest')); return; }
  query = new URLSearchParams();
  [['kui', $('s-kui').value.trim()], ['from', instant($('s-from').value)], ['to', instant($('s-to').value)], ['number', $('s-number').value.trim()],
    ['operator', $('s-operator').value.trim()], ['callId', $('s-call').value.trim()]]
    .forEach(([k, v]) => { if (v) query.set(k, v); });
  rows = [];
  next = null;
  await fetchPage();
}

async function fetchPage() {
  error('');
  const q = new URLSearchParams(query);
  if (next) q.set('cursor', next);
  try {
    const page = await L.api('GET', '/api/v1/archive/recordings?' + q, undefined,
      { 'X-Archive-Request': request.id });
    rows = rows.concat(page.items || []);
    next = page.next || null;
    renderRows();
  } catch (e) {
    error(e.message);
    if (e.code === 'archive-request-invalid') forgetRequest();
  }
}

function duration(ms) {
  const s = Math.round((ms || 0) / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return (h ? h + ':' : '') + mm + ':' + ss;
}

function audioUrl(id) {
  return '/api/v1/archive/recordings/' + encodeURIComponent(id) + '/audio?request='
    + encodeURIComponent(request.id);
}

function play(item, tr) {
  error('');
  const player = $('player');
  player.src = audioUrl(item.id);
  $('playing').textContent = L.time(item.callAt) + ', ' + (item.callerNumber || t('withheld'));
  document.querySelectorAll('#results tr.playing').forEach((r) => r.classList.remove('playing'));
  tr.classList.add('playing');
  const started = player.play();
  if (started && started.catch) started.catch(() => { /* autoplay refused: the controls are there */ });
  player.focus();
}

function cell(tr, value, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  if (value instanceof Node) td.appendChild(value); else td.textContent = value;
  tr.appendChild(td);
  return td;
}

function renderRows() {
  const body = $('results').querySelector('tbody');
  body.replaceChildren();
  rows.forEach((item) => {
    const tr = document.createElement('tr');
    tr.dataset.id = item.id;
    cell(tr, L.time(item.callAt));
    cell(tr, item.kuiNumber || '', 'kui');
    cell(tr, item.callerNumber || t('withheld'), 'number');
    // The person signed in at the desk when the call was answered, beside the desk's extension.
    cell(tr, item.operatorUser ? item.operatorUser + (item.operator ? ' (' + item.operator + ')' : '')
      : (item.operator || ''));
    // Marks IT staff and auditors must see: a recording no call matched, one a PBX crash cut.
    const marks = [item.orphan ? t('orphan') : '', item.truncatedReason ? t('truncated') : ''].filter(Boolean);
    const length = cell(tr, duration(item.durationMs) + (marks.length ? ' (' + marks.join(', ') + ')' : ''));
    if (item.truncatedReason) length.title = item.truncatedReason;
    cell(tr, item.sha256 || '', 'hash');
    const actions = document.createElement('span');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'play';
    button.textContent = t('play');
    button.addEventListener('click', () => play(item, tr));
    const link = document.createElement('a');
    link.className = 'download';
    link.href = '/api/v1/archive/recordings/' + encodeURIComponent(item.id) + '/download?request='
      + encodeURIComponent(request ? request.id : '');
    link.textContent = t('download');
    actions.append(button, ' ', link);
    cell(tr, actions);
    body.appendChild(tr);
  });
  $('empty').hidden = !(query && rows.length === 0);
  $('more').hidden = !next;
}

L.whenReady(() => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    translate();
  }));
  $('request-form').addEventListener('submit', recordRequest);
  $('request-new').addEventListener('click', forgetRequest);
  $('search-form').addEventListener('submit', search);
  $('more').addEventListener('click', fetchPage);
  $('player').addEventListener('error', () => {
    if ($('player').getAttribute('src')) error(t('listenTitle') + ': ' + ($('player').error
      ? 'MEDIA_ERR ' + $('player').error.code : 'error'));
  });
  translate();
  loadSession().catch((e) => error(e.message));
});
