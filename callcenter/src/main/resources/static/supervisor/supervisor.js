// The duty officer's screen: open alerts as they are raised (acknowledged here), and
// the electronic duty sheet.
import * as L from '/common/page.js';
import * as Attention from '/common/attention.js';
import * as cards from '/supervisor/cards.js';

const TEXT = L.texts('supervisor');
const $ = L.$;
const t = L.t;
const open = new Map();
const comments = new Map();
let units = [];
let acked = [];

function showError(e) {
  L.showError($('error'), e || null);
}

function onAlertMessage(m) {
  if (m.type === 'open') {
    open.clear();
    m.alerts.forEach((a) => open.set(a.id, a));
  } else if (m.type === 'raised' || m.type === 'delivery') {
    if (m.alert.acknowledgedAt == null) open.set(m.alert.id, m.alert);
    // A new alert calls for attention (common/attention.js), louder and longer the more severe.
    if (m.type === 'raised' && m.alert.acknowledgedAt == null) {
      Attention.ring({ title: m.alert.title, level: { critical: 1, warning: 2, info: 3 }[m.alert.severity] || 2,
        tag: 'alert-' + m.alert.id });
    }
  } else if (m.type === 'acknowledged') {
    open.delete(m.alert.id);
    loadAcknowledged();
  }
  renderAlerts();
}

/** The card an alert names, by its KUI number (never the card's id). */
function alertKui(a) {
  const d = a.detail || {};
  return d.kuiNumber || d.kui || '';
}

function renderAlerts() {
  const list = $('alerts-list');
  list.replaceChildren();
  const sorted = [...open.values()].sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : -1));
  sorted.forEach((a) => {
    const li = document.createElement('li');
    li.className = a.severity;
    li.dataset.alertId = a.id;
    const when = document.createElement('time');
    when.textContent = L.time(a.raisedAt);
    const kui = document.createElement('span');
    kui.className = 'kui';
    kui.textContent = alertKui(a);
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = a.title;
    // What the officer types survives the list being drawn again by the next alert.
    const comment = document.createElement('input');
    comment.className = 'ack-comment';
    comment.maxLength = 2000;
    comment.placeholder = t('ackCommentPrompt');
    comment.setAttribute('aria-label', t('ackComment'));
    comment.value = comments.get(a.id) || '';
    comment.addEventListener('input', () => comments.set(a.id, comment.value));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ack';
    button.textContent = t('acknowledge');
    button.addEventListener('click', () => acknowledge(a.id));
    li.append(when, kui, title, comment, button);
    list.appendChild(li);
  });
  $('alerts-count').textContent = String(sorted.length);
  $('alerts').classList.toggle('active', sorted.length > 0);
  $('alerts-none').hidden = sorted.length > 0;
}

async function acknowledge(id) {
  try {
    await L.api('POST', '/api/v1/alerts/' + id + '/acknowledgement', { comment: comments.get(id) || null });
    open.delete(id);
    comments.delete(id);
    renderAlerts();
    showError(null);
  } catch (e) {
    if (e.code === 'already-acknowledged') { open.delete(id); renderAlerts(); }
    showError(e);
  }
  loadAcknowledged();
}

/** The acknowledged alerts the search form asks for (days in the centre's zone, as the server reads them). */
async function loadAcknowledged() {
  const q = new URLSearchParams();
  [['from', 'acked-from'], ['to', 'acked-to'], ['kind', 'acked-kind'], ['q', 'acked-text']].forEach(([k, id]) => {
    const v = $(id).value.trim();
    if (v) q.set(k, v);
  });
  try {
    acked = await L.api('GET', '/api/v1/alerts/acknowledged?' + q);
    renderAcknowledged();
    showError(null);
  } catch (e) {
    showError(e);
  }
}

function renderAcknowledged() {
  const body = $('acked-table').querySelector('tbody');
  body.replaceChildren();
  acked.forEach((a) => {
    const tr = document.createElement('tr');
    tr.dataset.alertId = a.id;
    tr.className = a.severity;
    L.cell(tr, L.time(a.raisedAt));
    L.cell(tr, alertKui(a));
    L.cell(tr, a.title);
    L.cell(tr, a.acknowledgedBy);
    L.cell(tr, L.time(a.acknowledgedAt));
    L.cell(tr, a.ackComment, 'ack-comment');
    body.appendChild(tr);
  });
  $('acked-none').hidden = acked.length > 0;
  $('acked-table').hidden = acked.length === 0;
}

function searchAcknowledged(event) {
  event.preventDefault();
  loadAcknowledged();
}

function zoneLabel() {
  $('zone-label').textContent = L.text('supervisor.zoneLabel', { zone: L.zone() });
}

async function loadUnits() {
  try {
    units = await L.api('GET', '/api/v1/units?all=true');
    renderUnits();
  } catch (e) {
    showError(e);
  }
}

function renderUnits() {
  const body = $('units-table').querySelector('tbody');
  body.replaceChildren();
  units.filter((u) => u.status !== 'off-duty').forEach((u) => {
    const tr = document.createElement('tr');
    tr.dataset.unitId = u.id;
    L.cell(tr, u.callSign);
    L.cell(tr, t(u.kind));
    L.cell(tr, t(u.status), 'status-' + u.status);
    L.cell(tr, L.time(u.statusSince));
    L.cell(tr, u.crew.join(', '));
    L.cell(tr, u.patrolRoute);
    L.cell(tr, u.incidentId ? (u.kuiNumber || t('noNumber')) : '');
    const td = L.cell(tr, '');
    if (u.status !== 'dispatched' && u.status !== 'on-scene') {
      const select = document.createElement('select');
      select.setAttribute('aria-label', t('status') + ' ' + u.callSign);
      ['available', 'busy', 'off-duty'].forEach((s) => {
        const o = document.createElement('option');
        o.value = s;
        o.textContent = t(s);
        o.selected = s === u.status;
        select.appendChild(o);
      });
      select.addEventListener('change', () => setStatus(u.id, select.value));
      td.appendChild(select);
    }
    body.appendChild(tr);
  });
  const pick = $('duty-unit');
  const chosen = pick.value;
  pick.replaceChildren();
  units.filter((u) => u.status === 'off-duty' && u.enabled).forEach((u) => {
    const o = document.createElement('option');
    o.value = u.id;
    o.textContent = u.callSign + ' (' + t(u.kind) + ')';
    o.selected = String(u.id) === chosen;
    pick.appendChild(o);
  });
}

async function setStatus(id, status) {
  try {
    await L.api('POST', '/api/v1/units/' + id + '/status', { status });
    showError(null);
  } catch (e) {
    showError(e);
  }
  loadUnits();
}

async function putOnDuty(event) {
  event.preventDefault();
  const crew = $('duty-crew').value.split(',').map((s) => s.trim()).filter((s) => s);
  try {
    await L.api('POST', '/api/v1/units/' + $('duty-unit').value + '/duty', { crew, route: $('duty-route').value });
    $('duty-crew').value = '';
    $('duty-route').value = '';
    showError(null);
  } catch (e) {
    showError(e);
  }
  loadUnits();
}

function linkState(up) {
  const el = $('socket-state');
  el.dataset.t = up ? 'online' : 'offline';
  el.textContent = t(el.dataset.t);
}

L.whenReady(() => {
  $('duty-form').addEventListener('submit', putOnDuty);
  $('acked-search').addEventListener('submit', searchAcknowledged);
  // The live cards (cards.js) bring their own texts and render with the rest.
  Object.keys(TEXT).forEach((l) => Object.assign(TEXT[l], cards.texts[l]));
  L.start(TEXT, () => { renderAlerts(); renderUnits(); renderAcknowledged(); zoneLabel(); cards.render(); }).then(() => {
    zoneLabel();
    loadAcknowledged();
    L.socket('/ws/alerts', (m) => { onAlertMessage(m); cards.refresh(); }, linkState);
    cards.start();
    loadUnits();
    setInterval(loadUnits, 5000);
  }).catch(showError);
});
