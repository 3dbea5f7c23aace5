// The supervisors' wallboard: every queue (calls waiting, longest wait, members) and every
// operator's state and since when, read every two seconds from the live copies all nodes share.
import * as L from '/common/page.js';

const TEXT = L.texts('wallboard');

let lang = localStorage.getItem('line102.lang') || 'ru';
let live = null;
let operators = [];
const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;

async function get(path) {
  const r = await fetch(path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const json = await r.json();
  if (!r.ok) throw L.problemError(json, r);
  return json;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function duration(since) {
  const s = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  const h = Math.floor(s / 3600);
  const m = String(Math.floor(s / 60) % 60).padStart(2, '0');
  return (h > 0 ? h + ':' : '') + m + ':' + String(s % 60).padStart(2, '0');
}

function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');
  const qBody = $('queues').querySelector('tbody');
  qBody.replaceChildren();
  ((live && live.queues) || []).forEach((q) => {
    const tr = document.createElement('tr');
    tr.dataset.queue = q.name;
    cell(tr, q.name);
    cell(tr, String(q.waiting), q.waiting > 0 ? 'busy' : '');
    cell(tr, String(q.longestWaitSeconds), q.longestWaitSeconds >= q.serviceLevelSeconds ? 'busy' : '');
    cell(tr, String(q.members.length));
    cell(tr, String(q.members.filter((m) => !m.paused && !m.inCall).length));
    // The watch's service level by the statistics' definition (docs/statistics.md), never above 100 %.
    cell(tr, q.serviceLevel == null ? '—' : q.serviceLevel.toFixed(1) + ' % / ' + q.serviceLevelSeconds + ' s');
    cell(tr, String(q.answered));
    cell(tr, String(q.abandoned));
    qBody.appendChild(tr);
  });
  $('pbx-at').textContent = live && live.statusAt ? L.clock(live.statusAt) : '—';
  const oBody = $('operators').querySelector('tbody');
  oBody.replaceChildren();
  operators.filter((o) => o.workstation || o.state !== 'offline').forEach((o) => {
    const tr = document.createElement('tr');
    tr.dataset.operator = o.username;
    cell(tr, o.displayName || o.username);
    const st = cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'state ' + o.state;
    badge.textContent = t('state.' + o.state);
    st.appendChild(badge);
    cell(tr, o.reason ? t(o.reason) : '');
    cell(tr, L.clock(o.since));
    cell(tr, duration(o.since));
    cell(tr, o.workstation || '');
    cell(tr, (o.queues || []).join(', '));
    oBody.appendChild(tr);
  });
}

async function refresh() {
  try {
    [live, operators] = await Promise.all([get('/api/v1/queues/live'), get('/api/v1/operators/states')]);
    $('error').textContent = '';
  } catch (e) {
    L.showError($('error'), e);
  }
  render();
}

L.whenReady(async () => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    render();
  }));
  try {
    const s = await get('/api/v1/session');
    $('who').textContent = s.username;
    $('logout-csrf').value = s.csrfToken || '';
  } catch (e) {
    L.showError($('error'), e);
  }
  render();
  refresh();
  setInterval(refresh, 2000);
});
