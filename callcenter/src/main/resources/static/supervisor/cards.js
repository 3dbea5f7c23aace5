// The live incident cards on the duty officer's screen: every card submitted and not
// yet closed, most urgent first, refreshed every few seconds and at once when an alert
// arrives; one card in detail with its timeline and units: units sent, checked in on
// scene and released, the card worked off and closed from here.
// supervisor.js merges these texts into the page's and calls start() once signed in.
import * as L from '/common/page.js';
import * as watchLinks from '/supervisor/card-links.js';

const texts = L.texts('supervisor');
const REFRESH_MS = 3000;
const SENDABLE = ['REGISTERED', 'DISPATCHED', 'ARRIVED'];
let live = null;
let types = [];
let selected = null;
let timeline = [];
let assignments = [];
let loading = false;

const $ = (id) => L.$(id);
const t = (key) => L.t(key);
const fmt = (key, args) => Object.keys(args).reduce((s, k) => s.replace('{' + k + '}', args[k]), t(key));

function typeName(code) {
  const type = types.find((ty) => ty.code === code);
  return type ? (type.names[L.lang()] || type.names.ru || code) : (code || '');
}

async function refresh() {
  if (loading) return;
  loading = true;
  try {
    live = await L.api('GET', '/api/v1/incidents/live');
    renderList();
    if (selected) await loadDetail(selected.id, false);
    $('card-error').textContent = '';
  } catch (e) {
    L.showError($('card-error'), e);
  } finally {
    loading = false;
  }
}

// Rows are rebuilt only when what they show changed, so a refresh never takes the
// keyboard focus or a half-made choice away from the duty officer.
const shown = {};
function unchanged(part, data) {
  const key = L.lang() + '|' + JSON.stringify(data);
  if (shown[part] === key) return true;
  shown[part] = key;
  return false;
}

function renderList() {
  if (!live || unchanged('list', [live, selected && selected.id, types.length])) return;
  const body = $('cards-table').querySelector('tbody');
  body.replaceChildren();
  live.items.forEach((c) => {
    const tr = document.createElement('tr');
    tr.dataset.incidentId = c.id;
    tr.className = 'priority-' + (c.priority || 'none') + (selected && selected.id === c.id ? ' selected' : '');
    const first = L.cell(tr, '');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'card-open';
    open.textContent = c.kuiNumber || t('noNumber');
    open.addEventListener('click', () => loadDetail(c.id, true));
    first.appendChild(open);
    L.cell(tr, typeName(c.typeCode));
    L.cell(tr, c.priority ? t('p' + c.priority) : '');
    L.cell(tr, c.sceneUnknown ? t('sceneUnknown') : c.sceneAddress);
    L.cell(tr, t(c.status), 'card-status-' + c.status);
    L.cell(tr, L.time(c.statusSince) + (c.carriedOver ? ' (' + t('carriedOver') + ')' : ''));
    body.appendChild(tr);
  });
  $('cards-count').textContent = String(live.items.length);
  $('cards-none').hidden = live.items.length > 0;
  $('cards-watch').textContent = t('watch') + ' ' + L.time(live.watch.start) + ' — ' + L.time(live.watch.end)
    + ' (' + L.zone() + ')';
}

async function loadDetail(id, focus) {
  try {
    const [card, steps, sent, sheet] = await Promise.all([L.api('GET', '/api/v1/incidents/' + id),
      L.api('GET', '/api/v1/incidents/' + id + '/transitions'), L.api('GET', '/api/v1/incidents/' + id + '/units'),
      L.api('GET', '/api/v1/units')]);
    const changed = !selected || selected.id !== id;
    selected = card;
    if (changed) watchLinks.show(id);
    timeline = steps;
    assignments = sent;
    fillSendable(sheet);
    renderDetail(changed);
    if (focus) {
      renderList();
      $('card-title').scrollIntoView();
    }
  } catch (e) {
    L.showError($('card-error'), e);
  }
}

function pair(dl, key, value) {
  if (value == null || value === '') return;
  const dt = document.createElement('dt');
  dt.textContent = t(key);
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

function items(list, entries) {
  list.replaceChildren();
  (entries || []).forEach((e) => {
    const li = document.createElement('li');
    li.textContent = Object.keys(e).map((k) => (k === 'role' ? t('role-' + e[k]) : e[k]))
      .filter((v) => v != null && v !== '').join(', ');
    list.appendChild(li);
  });
}

/** @param fresh another card was chosen: only then is what the officer typed cleared */
function renderDetail(fresh) {
  const box = $('card-detail');
  box.hidden = !selected;
  if (!selected) return;
  const same = unchanged('detail', [selected, timeline, assignments, types.length]);
  if (same && !fresh) return;
  const c = selected;
  box.dataset.incidentId = c.id;
  $('card-kui').textContent = c.kuiNumber || t('noNumber');
  $('card-status').textContent = '(' + t(c.status) + ')';
  const dl = $('card-fields');
  dl.replaceChildren();
  pair(dl, 'category', c.category ? t(c.category) : '');
  pair(dl, 'incidentType', typeName(c.typeCode));
  pair(dl, 'priority', c.priority ? t('p' + c.priority) : '');
  pair(dl, 'sceneAddress', c.sceneUnknown ? t('sceneUnknown') : c.sceneAddress);
  pair(dl, 'coordinates', c.sceneLat != null ? c.sceneLat.toFixed(5) + ', ' + c.sceneLon.toFixed(5) : '');
  pair(dl, 'description', c.description);
  pair(dl, 'caller', [c.callerNumber, c.callerName, c.callerAddress].filter((s) => s).join(', '));
  pair(dl, 'openedBy', c.createdBy);
  pair(dl, 'calls', (c.calls || []).length + (c.repeatCount ? ' (' + c.repeatCount + ' ' + t('repeats') + ')' : ''));
  pair(dl, 'operatorNotes', c.operatorNotes);
  pair(dl, 'resultShown', c.result);
  items($('card-persons'), c.persons);
  items($('card-vehicles'), c.vehicles);
  const ol = $('card-timeline');
  ol.replaceChildren();
  timeline.forEach((s) => {
    const li = document.createElement('li');
    li.dataset.to = s.to;
    li.textContent = L.time(s.at) + ' — ' + t(s.to) + ' — ' + s.by
      + (s.detail && s.detail.result ? ': ' + s.detail.result : '');
    ol.appendChild(li);
  });
  const workable = ['REGISTERED', 'DISPATCHED', 'ARRIVED'].indexOf(c.status) >= 0;
  $('card-work-off').hidden = !workable;
  $('card-close').hidden = c.status !== 'WORKED_OFF';
  if (fresh) {
    $('card-result').value = '';
    $('card-result-error').textContent = '';
    $('card-error').textContent = '';
  }
  renderUnits();
}

/** The units sent to the card, with arrival and release for those still on it. */
function renderUnits() {
  const body = $('card-units-table').querySelector('tbody');
  body.replaceChildren();
  assignments.forEach((a) => {
    const tr = document.createElement('tr');
    tr.dataset.unitId = a.unitId;
    tr.className = a.late ? 'late' : '';
    L.cell(tr, a.callSign);
    L.cell(tr, t(a.kind));
    L.cell(tr, L.time(a.assignedAt) + ' — ' + a.assignedBy);
    L.cell(tr, L.time(a.deadlineAt) + (a.late ? ' (' + t('late') + ')' : ''));
    L.cell(tr, L.time(a.arrivedAt));
    L.cell(tr, L.time(a.releasedAt) + (a.releaseNote ? ': ' + a.releaseNote : ''));
    const td = L.cell(tr, '');
    // A card that is worked off or closed offers nothing for its units any more.
    if (!a.releasedAt && SENDABLE.indexOf(selected.status) >= 0) {
      if (!a.arrivedAt) td.appendChild(unitButton('unit-arrived', 'arrived', '/arrival', a));
      td.appendChild(unitButton('unit-release', 'release', '/release', a));
    }
    body.appendChild(tr);
  });
  $('card-units-none').hidden = assignments.length > 0;
  $('card-units-table').hidden = assignments.length === 0;
  $('card-send').hidden = !selected || SENDABLE.indexOf(selected.status) < 0;
}

function unitButton(className, key, path, a) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = t(key);
  b.addEventListener('click', () => unitAction('/units/' + a.unitId + path, {}));
  return b;
}

/** Units on duty and not on a card; the choice in progress survives the refreshes. */
function fillSendable(sheet) {
  const pick = $('card-send-unit');
  const free = sheet.filter((u) => u.enabled && (u.status === 'available' || u.status === 'busy'));
  const key = free.map((u) => u.id + ':' + u.status).join(',');
  if (pick.dataset.key === key && pick.dataset.lang === L.lang()) return;
  const chosen = pick.value;
  pick.replaceChildren();
  free.forEach((u) => {
    const o = document.createElement('option');
    o.value = u.id;
    o.textContent = u.callSign + ' (' + t(u.kind) + ', ' + t(u.status) + ')';
    o.selected = String(u.id) === chosen;
    pick.appendChild(o);
  });
  if (!free.length) {
    const o = document.createElement('option');
    o.value = '';
    o.textContent = t('noUnitFree');
    pick.appendChild(o);
  }
  pick.dataset.key = key;
  pick.dataset.lang = L.lang();
}

async function unitAction(path, body) {
  $('card-error').textContent = '';
  const id = selected.id;
  try {
    await L.api('POST', '/api/v1/incidents/' + id + path, body);
  } catch (e) {
    L.showError($('card-error'), e);
  }
  await loadDetail(id, false);
  refresh();
}

function send(event) {
  event.preventDefault();
  const unitId = Number($('card-send-unit').value);
  if (!unitId) return;
  unitAction('/units', { unitId });
}

async function act(path, body) {
  $('card-error').textContent = '';
  $('card-result-error').textContent = '';
  const id = selected.id;
  try {
    await L.api('POST', '/api/v1/incidents/' + id + path, body, { 'If-Match': '"' + selected.version + '"' });
    await loadDetail(id, false);
    $('card-result').value = '';
    refresh();
  } catch (e) {
    const errors = (e.problem && e.problem.errors) || [];
    const result = errors.find((x) => x.field === 'result');
    if (result) {
      $('card-result-error').textContent = result.message;
    } else if (e.code === 'stale-version') {
      await loadDetail(id, false);
      $('card-error').textContent = fmt('stale', { v: e.problem.currentVersion });
    } else {
      L.showError($('card-error'), e);
    }
  }
}

function workOff(event) {
  event.preventDefault();
  const result = $('card-result').value.trim();
  if (!result) {
    $('card-result-error').textContent = t('needResult');
    $('card-result').focus();
    return;
  }
  act('/work-off', { result });
}

function start() {
  $('card-work-off').addEventListener('submit', workOff);
  $('card-send').addEventListener('submit', send);
  $('card-close').addEventListener('click', () => act('/close', {}));
  $('card-close-detail').addEventListener('click', () => {
    selected = null;
    watchLinks.show(null);
    renderDetail(true);
    renderList();
  });
  L.api('GET', '/api/v1/incidents/types').then((ty) => { types = ty; render(); }).catch(() => {});
  refresh();
  setInterval(refresh, REFRESH_MS);
}

function render() {
  $('card-send-unit').dataset.lang = '';
  renderList();
  renderDetail(false);
  watchLinks.render();
}

export { texts, start, render, refresh };
