'use strict';
// The duty officer's screen: open alerts as they are raised (acknowledged here), and
// the electronic duty sheet.

const TEXT = Line102.texts('supervisor');

const L = window.Line102;
const $ = L.$;
const t = L.t;
const open = new Map();
let units = [];

function showError(e) {
  Line102.showError($('error'), e || null);
}

function onAlertMessage(m) {
  if (m.type === 'open') {
    open.clear();
    m.alerts.forEach((a) => open.set(a.id, a));
  } else if (m.type === 'raised' || m.type === 'delivery') {
    if (m.alert.acknowledgedAt == null) open.set(m.alert.id, m.alert);
    // A new alert calls for attention (common/attention.js), louder and longer the more severe.
    if (m.type === 'raised' && m.alert.acknowledgedAt == null && window.Line102Attention) {
      window.Line102Attention.ring({ title: m.alert.title, level: { critical: 1, warning: 2, info: 3 }[m.alert.severity] || 2,
        tag: 'alert-' + m.alert.id });
    }
  } else if (m.type === 'acknowledged') {
    open.delete(m.alert.id);
  }
  renderAlerts();
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
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = a.title;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ack';
    button.textContent = t('acknowledge');
    button.addEventListener('click', () => acknowledge(a.id));
    li.append(when, title, button);
    list.appendChild(li);
  });
  $('alerts-count').textContent = String(sorted.length);
  $('alerts').classList.toggle('active', sorted.length > 0);
  $('alerts-none').hidden = sorted.length > 0;
}

async function acknowledge(id) {
  try {
    await L.api('POST', '/api/v1/alerts/' + id + '/acknowledgement', {});
    open.delete(id);
    renderAlerts();
    showError(null);
  } catch (e) {
    if (e.code === 'already-acknowledged') { open.delete(id); renderAlerts(); }
    showError(e);
  }
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
    L.cell(tr, u.incidentId);
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

Line102.whenReady(() => {
  $('duty-form').addEventListener('submit', putOnDuty);
  // The live cards (cards.js) bring their own texts and render with the rest.
  const cards = window.SupervisorCards;
  Object.keys(TEXT).forEach((l) => Object.assign(TEXT[l], cards.texts[l]));
  L.start(TEXT, () => { renderAlerts(); renderUnits(); cards.render(); }).then(() => {
    L.socket('/ws/alerts', (m) => { onAlertMessage(m); cards.refresh(); }, linkState);
    cards.start();
    loadUnits();
    setInterval(loadUnits, 5000);
  }).catch(showError);
});
