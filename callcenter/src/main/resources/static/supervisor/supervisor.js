'use strict';
// The duty officer's screen: open alerts as they are raised (acknowledged here), and
// the electronic duty sheet.

const TEXT = {
  ru: {
    title: 'Линия 102 — оперативный дежурный', logout: 'Выйти из системы', alerts: 'Тревоги',
    noAlerts: 'Открытых тревог нет', acknowledge: 'Принять', dutySheet: 'Постовая ведомость', callSign: 'Позывной',
    kind: 'Вид', status: 'Состояние', since: 'С', crew: 'Состав', route: 'Маршрут', card: 'Карточка',
    change: 'Изменить', putOnDuty: 'Заступить на дежурство', crewPrompt: 'Состав (через запятую)', onDuty: 'Заступить',
    link: 'Связь', online: 'на связи', offline: 'нет соединения', patrol: 'ПА', dsog: 'СОГ', traffic: 'ДП',
    other: 'прочие', 'off-duty': 'не на дежурстве', available: 'свободен', busy: 'занят', dispatched: 'направлен',
    'on-scene': 'на месте', set: 'Установить', acknowledged: 'принята'
  },
  kk: {
    title: '102 желісі — жедел кезекші', logout: 'Жүйеден шығу', alerts: 'Дабылдар',
    noAlerts: 'Ашық дабыл жоқ', acknowledge: 'Қабылдау', dutySheet: 'Кезекшілік ведомосы', callSign: 'Шақыру белгісі',
    kind: 'Түрі', status: 'Күйі', since: 'Бастап', crew: 'Құрамы', route: 'Бағыт', card: 'Карточка',
    change: 'Өзгерту', putOnDuty: 'Кезекшілікке шығу', crewPrompt: 'Құрамы (үтір арқылы)', onDuty: 'Шығу',
    link: 'Байланыс', online: 'байланыста', offline: 'байланыс жоқ', patrol: 'ПА', dsog: 'ТЖТ', traffic: 'ЖП',
    other: 'басқа', 'off-duty': 'кезекшілікте емес', available: 'бос', busy: 'бос емес', dispatched: 'жіберілді',
    'on-scene': 'оқиға орнында', set: 'Орнату', acknowledged: 'қабылданды'
  },
  en: {
    title: 'Line 102 — duty officer', logout: 'Sign out', alerts: 'Alerts',
    noAlerts: 'No open alerts', acknowledge: 'Acknowledge', dutySheet: 'Duty sheet', callSign: 'Call sign',
    kind: 'Kind', status: 'State', since: 'Since', crew: 'Crew', route: 'Route', card: 'Card',
    change: 'Change', putOnDuty: 'Put a unit on duty', crewPrompt: 'Crew (comma-separated)', onDuty: 'On duty',
    link: 'Link', online: 'connected', offline: 'not connected', patrol: 'patrol', dsog: 'DSOG', traffic: 'traffic',
    other: 'other', 'off-duty': 'off duty', available: 'available', busy: 'busy', dispatched: 'dispatched',
    'on-scene': 'on scene', set: 'Set', acknowledged: 'acknowledged'
  }
};

const L = window.Line102;
const $ = L.$;
const t = L.t;
const open = new Map();
let units = [];

function showError(e) {
  $('error').textContent = e ? e.message : '';
}

function onAlertMessage(m) {
  if (m.type === 'open') {
    open.clear();
    m.alerts.forEach((a) => open.set(a.id, a));
  } else if (m.type === 'raised' || m.type === 'delivery') {
    if (m.alert.acknowledgedAt == null) open.set(m.alert.id, m.alert);
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

document.addEventListener('DOMContentLoaded', () => {
  $('duty-form').addEventListener('submit', putOnDuty);
  L.start(TEXT, () => { renderAlerts(); renderUnits(); }).then(() => {
    L.socket('/ws/alerts', onAlertMessage, linkState);
    loadUnits();
    setInterval(loadUnits, 5000);
  }).catch(showError);
});
