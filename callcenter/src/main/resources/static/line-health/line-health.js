// Line health: whether 102 is reachable now. SIP targets probed with OPTIONS (state,
// round trip, last failures), synthetic test calls step by step, and the incidents
// they raised. Supervisors watch; IT staff (ADMIN) edit the target set (targets and the
// test-call schedule, one versioned setting), restore a version, and place test calls.
import * as L from '/common/page.js';

const TEXT = L.texts('lineHealth');
const $ = L.$;
const t = L.t;
let admin = false;
let targets = [];
let calls = [];
let incidents = [];
let selected = null;
let probes = [];

function showError(e) {
  L.showError($('error'), e || null);
}

function notice(text) {
  $('notice').textContent = text || '';
}

async function load() {
  try {
    [targets, calls, incidents] = await Promise.all([
      L.api('GET', '/api/v1/line-health/targets'),
      L.api('GET', '/api/v1/line-health/test-calls?limit=20'),
      L.api('GET', '/api/v1/line-health/incidents?within=P7D&limit=100')]);
    if (selected !== null) {
      probes = targets.some((x) => x.id === selected)
        ? await L.api('GET', '/api/v1/line-health/targets/' + selected + '/probes?within=PT1H&limit=2000') : [];
      if (!targets.some((x) => x.id === selected)) selected = null;
    }
    render();
    showError(null);
  } catch (e) {
    showError(e);
  }
}

function render() {
  if (admin && set) renderSetErrors();
  renderTargets();
  renderDetail();
  renderCalls();
  renderIncidents();
}

function renderTargets() {
  const body = $('targets').querySelector('tbody');
  body.replaceChildren();
  targets.forEach((x) => {
    const tr = document.createElement('tr');
    tr.dataset.targetId = x.id;
    if (x.id === selected) tr.className = 'selected';
    const name = L.cell(tr, '');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = x.name;
    link.addEventListener('click', (ev) => { ev.preventDefault(); select(x.id); });
    name.appendChild(link);
    L.cell(tr, x.host + ':' + x.port + ' ' + x.transport.toUpperCase() + (x.enabled ? '' : ' (—)'));
    const st = L.cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'state state-' + x.state;
    badge.textContent = t(x.state);
    st.appendChild(badge);
    L.cell(tr, L.time(x.stateSince));
    L.cell(tr, x.lastRttMs == null ? '' : x.lastRttMs.toFixed(1));
    L.cell(tr, x.lastOutcome ? x.lastOutcome + (x.lastStatus ? ' ' + x.lastStatus : '') : '', 'detail');
    L.cell(tr, L.time(x.lastFailureAt));
    L.cell(tr, '');
    body.appendChild(tr);
  });
  $('no-targets').hidden = targets.length > 0;
}

function renderDetail() {
  const target = targets.find((x) => x.id === selected);
  $('detail').hidden = !target;
  if (!target) return;
  $('detail-name').textContent = target.name;
  chart(probes.slice().reverse());
  const body = $('failures').querySelector('tbody');
  body.replaceChildren();
  probes.filter((p) => p.outcome !== 'ok').slice(0, 20).forEach((p) => {
    const tr = document.createElement('tr');
    L.cell(tr, L.time(p.at));
    L.cell(tr, p.outcome + (p.status ? ' ' + p.status : ''), 'bad');
    L.cell(tr, p.detail, 'detail');
    body.appendChild(tr);
  });
}

/** RTT as a line, failures as red marks at the top: an SVG drawn here, nothing fetched from outside. */
function chart(points) {
  const svg = $('rtt-chart');
  svg.replaceChildren();
  if (points.length === 0) return;
  const ns = 'http://www.w3.org/2000/svg';
  const max = Math.max(1, ...points.filter((p) => p.outcome === 'ok').map((p) => p.rttMs));
  const first = Date.parse(points[0].at);
  const span = Math.max(1, Date.parse(points[points.length - 1].at) - first);
  const x = (p) => (600 * (Date.parse(p.at) - first) / span).toFixed(1);
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#10303a');
  line.setAttribute('points', points.filter((p) => p.outcome === 'ok')
    .map((p) => x(p) + ',' + (115 - 105 * p.rttMs / max).toFixed(1)).join(' '));
  svg.appendChild(line);
  points.filter((p) => p.outcome !== 'ok').forEach((p) => {
    const mark = document.createElementNS(ns, 'rect');
    mark.setAttribute('x', x(p));
    mark.setAttribute('y', '0');
    mark.setAttribute('width', '2');
    mark.setAttribute('height', '10');
    mark.setAttribute('fill', '#d00');
    svg.appendChild(mark);
  });
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', '4');
  label.setAttribute('y', '22');
  label.setAttribute('font-size', '11');
  label.textContent = max.toFixed(1) + ' ms';
  svg.appendChild(label);
}

function renderCalls() {
  $('run-test-call').hidden = !admin;
  const body = $('test-calls').querySelector('tbody');
  body.replaceChildren();
  calls.forEach((c) => {
    const tr = document.createElement('tr');
    tr.dataset.testCallId = c.id;
    L.cell(tr, L.time(c.startedAt));
    L.cell(tr, t(c.trigger) + ' · ' + c.requestedBy);
    L.cell(tr, c.outcome ? t(c.outcome) + (c.detail ? ': ' + c.detail : '')
      : t('running'), c.outcome === 'passed' ? 'good' : c.outcome ? 'bad' : '');
    L.cell(tr, c.packetsSent == null ? '' : c.packetsReceived + '/' + c.packetsSent + ', ' + t('lost') + ' '
      + (c.lossPct || 0).toFixed(1) + ' %, ' + t('jitter') + ' ' + (c.jitterMs || 0).toFixed(1) + ' ms, RTT '
      + (c.rttMs || 0).toFixed(1) + ' ms' + (c.codec ? ', ' + c.codec : ''));
    const steps = L.cell(tr, '', 'detail');
    const list = document.createElement('ol');
    (c.steps || []).forEach((s) => {
      const li = document.createElement('li');
      li.className = s.ok ? 'good' : 'bad';
      // Our side's steps have names in the page's language; the SIP steps are SIP's own words.
      li.textContent = t(s.name) + ' +' + s.atMs + ' ms' + (s.detail ? ' — ' + s.detail : '');
      list.appendChild(li);
    });
    steps.appendChild(list);
    body.appendChild(tr);
  });
}

function renderIncidents() {
  const body = $('incidents').querySelector('tbody');
  body.replaceChildren();
  incidents.forEach((i) => {
    const tr = document.createElement('tr');
    L.cell(tr, t(i.kind), i.endedAt ? '' : 'bad');
    L.cell(tr, i.subject);
    L.cell(tr, L.time(i.startedAt));
    L.cell(tr, i.endedAt ? L.time(i.endedAt) : t('open'));
    L.cell(tr, i.detail, 'detail');
    body.appendChild(tr);
  });
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function select(id) {
  selected = id;
  load();
}

// The target set: every target and the test-call schedule, edited as one form and saved
// as one new version (against the version loaded: a stale save is refused); a refused
// one marks each field at fault with its reason in the page's language.
const COLUMNS = [
  ['name', 'text', 'wide'], ['host', 'text', 'wide'], ['port', 'number'], ['transport', 'select'],
  ['intervalMs', 'number'], ['timeoutMs', 'number'], ['expectedCodes', 'codes'], ['failuresToDown', 'number'],
  ['successesToUp', 'number'], ['degradedWindow', 'number'], ['slowRttMs', 'number'], ['enabled', 'checkbox']];
const SCHEDULE = [['s-interval', 'intervalSeconds'], ['s-events', 'eventsBudgetMs'],
  ['s-record', 'callRecordBudgetMs'], ['s-routing', 'routingBudgetMs'], ['s-recording', 'recordingBudgetMs']];
let set = null;
let setErrors = [];

function input(type, value, extra) {
  if (type === 'select') {
    const sel = document.createElement('select');
    ['udp', 'tcp'].forEach((v) => {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v.toUpperCase();
      sel.appendChild(o);
    });
    sel.value = value || 'udp';
    return sel;
  }
  const el = document.createElement('input');
  if (type === 'checkbox') {
    el.type = 'checkbox';
    el.checked = value !== false;
    return el;
  }
  el.type = type === 'number' ? 'number' : 'text';
  if (extra) el.className = extra;
  el.value = value == null ? '' : (Array.isArray(value) ? value.join(',') : value);
  return el;
}

function setRow(x) {
  const tr = document.createElement('tr');
  const d = set ? set.defaults : {};
  COLUMNS.forEach(([key, type, extra]) => {
    const td = document.createElement('td');
    const el = input(type, x[key], extra);
    el.dataset.key = key;
    el.setAttribute('aria-label', t(key === 'intervalMs' ? 'interval' : key === 'timeoutMs' ? 'timeout'
      : key === 'expectedCodes' ? 'codes' : key === 'slowRttMs' ? 'slowRtt' : key));
    const placeholder = { failuresToDown: d.failuresToDown, successesToUp: d.successesToUp,
      degradedWindow: d.degradedWindow, slowRttMs: d.slowRttMs, expectedCodes: '200' }[key];
    if (placeholder !== undefined) el.placeholder = String(placeholder);
    td.appendChild(el);
    tr.appendChild(td);
  });
  const td = document.createElement('td');
  const drop = button(t('remove'), () => { tr.remove(); reindex(); });
  drop.dataset.t = 'remove';
  td.appendChild(drop);
  tr.appendChild(td);
  return tr;
}

/** Each input's field path as the server names it (targets[2].port), after rows come and go. */
function reindex() {
  $('set-targets').querySelectorAll('tbody tr').forEach((tr, i) => {
    tr.querySelectorAll('[data-key]').forEach((el) => { el.dataset.field = 'targets[' + i + '].' + el.dataset.key; });
  });
}

function fillSet() {
  const body = $('set-targets').querySelector('tbody');
  body.replaceChildren();
  set.targetSet.targets.forEach((x) => body.appendChild(setRow(x)));
  reindex();
  const s = set.targetSet.testCalls;
  const shown = s || set.defaults.testCalls;
  $('s-own').checked = !!s;
  SCHEDULE.forEach(([id, key]) => { $(id).value = shown[key] == null ? '' : shown[key]; });
  $('s-from').value = (s && s.from) || '';
  $('s-to').value = (s && s.to) || '';
  $('s-zone').textContent = set.defaults.zone;
  $('set-version').textContent = set.version;
  ownSchedule();
}

function ownSchedule() {
  $('schedule').querySelectorAll('input:not(#s-own)').forEach((el) => { el.disabled = !$('s-own').checked; });
}

function number(el) {
  return el.value.trim() === '' ? null : Number(el.value);
}

function collect() {
  const targetsOut = [];
  $('set-targets').querySelectorAll('tbody tr').forEach((tr) => {
    const x = {};
    tr.querySelectorAll('[data-key]').forEach((el) => {
      const key = el.dataset.key;
      if (el.type === 'checkbox') x[key] = el.checked;
      else if (key === 'expectedCodes') {
        const codes = el.value.split(/[\s,]+/).filter(Boolean).map(Number);
        x[key] = codes.length ? codes : null;
      } else if (el.type === 'number') x[key] = number(el);
      else x[key] = el.value.trim() === '' ? null : el.value.trim();
    });
    targetsOut.push(x);
  });
  let testCalls = null;
  if ($('s-own').checked) {
    testCalls = { from: $('s-from').value.trim() || null, to: $('s-to').value.trim() || null };
    SCHEDULE.forEach(([id, key]) => { testCalls[key] = number($(id)); });
  }
  return { targets: targetsOut, testCalls };
}

/** The refused fields, each marked and followed by its reason (again in each new language). */
function renderSetErrors() {
  document.querySelectorAll('#admin-form .field-error').forEach((el) => el.remove());
  document.querySelectorAll('#admin-form .invalid').forEach((el) => el.classList.remove('invalid'));
  const list = $('set-errors');
  list.replaceChildren();
  setErrors.forEach((e) => {
    const text = L.fieldText(e);
    const el = document.querySelector('#admin-form [data-field="' + e.field + '"]');
    if (el) {
      el.classList.add('invalid');
      const span = document.createElement('span');
      span.className = 'field-error';
      span.textContent = text;
      el.insertAdjacentElement('afterend', span);
    }
    const li = document.createElement('li');
    li.textContent = e.field + ': ' + text;
    list.appendChild(li);
  });
}

async function loadSet() {
  set = await L.api('GET', '/api/v1/line-health/target-set');
  setErrors = [];
  fillSet();
  renderSetErrors();
  const versions = await L.api('GET', '/api/v1/line-health/target-set/versions?limit=20');
  const body = $('set-versions').querySelector('tbody');
  body.replaceChildren();
  versions.forEach((v) => {
    const tr = document.createElement('tr');
    tr.dataset.version = v.version;
    L.cell(tr, String(v.version));
    L.cell(tr, L.time(v.createdAt));
    L.cell(tr, v.createdBy);
    L.cell(tr, (v.comment ? v.comment + ': ' : '') + (v.changes || []).join('; '), 'detail');
    const td = L.cell(tr, '');
    if (v.version !== set.version) {
      const b = button(t('restore'), () => restore(v.version));
      b.className = 'restore';
      b.dataset.t = 'restore';
      td.appendChild(b);
    }
    body.appendChild(tr);
  });
}

async function saveSet(ev) {
  ev.preventDefault();
  try {
    const v = await L.api('PUT', '/api/v1/line-health/target-set', { targetSet: collect(),
      comment: $('set-comment').value || null, baseVersion: set.version });
    $('set-comment').value = '';
    await loadSet();
    notice(t('saved') + ': ' + t('version') + ' ' + v.version);
    showError(null);
    load();
  } catch (e) {
    setErrors = (e.problem && e.problem.errors) || [];
    renderSetErrors();
    showError(e);
  }
}

async function restore(version) {
  if (!window.confirm(t('confirmRestore') + ' ' + version + '?')) return;
  try {
    const v = await L.api('POST', '/api/v1/line-health/target-set/versions/' + version + '/restore');
    await loadSet();
    notice(t('restored') + ': ' + t('version') + ' ' + v.version);
    showError(null);
    load();
  } catch (e) {
    showError(e);
  }
}

async function runTestCall() {
  $('run-test-call').disabled = true;
  try {
    await L.api('POST', '/api/v1/line-health/test-calls');
    notice(t('placed'));
    showError(null);
  } catch (e) {
    showError(e);
  }
  $('run-test-call').disabled = false;
  load();
}

L.whenReady(() => {
  $('set-form').addEventListener('submit', saveSet);
  $('set-add').addEventListener('click', () => {
    $('set-targets').querySelector('tbody').appendChild(setRow({ port: 5060, transport: 'udp', intervalMs: 2000,
      timeoutMs: 1000, enabled: true }));
    reindex();
  });
  $('set-reload').addEventListener('click', () => loadSet().catch(showError));
  $('s-own').addEventListener('change', ownSchedule);
  $('run-test-call').addEventListener('click', runTestCall);
  L.start(TEXT, render).then((session) => {
    admin = (session.roles || []).includes('ADMIN');
    $('admin-form').hidden = !admin;
    if (admin) loadSet().catch(showError);
    load();
    setInterval(load, 5000);
  }).catch(showError);
});
