'use strict';
// Line health: whether 102 is reachable now. SIP targets probed with OPTIONS (state,
// round trip, last failures), synthetic test calls step by step, and the incidents
// they raised. Supervisors watch; IT staff (ADMIN) edit targets and place test calls.

const TEXT = Line102.texts('lineHealth');

const L = window.Line102;
const $ = L.$;
const t = L.t;
let admin = false;
let targets = [];
let calls = [];
let incidents = [];
let selected = null;
let probes = [];

function showError(e) {
  Line102.showError($('error'), e || null);
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
    const actions = L.cell(tr, '');
    if (admin) {
      actions.appendChild(button(t('edit'), () => edit(x)));
      actions.appendChild(button(t('remove'), () => remove(x)));
    }
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

function edit(x) {
  $('f-id').value = x.id;
  $('f-version').value = x.version;
  $('f-name').value = x.name;
  $('f-host').value = x.host;
  $('f-port').value = x.port;
  $('f-transport').value = x.transport;
  $('f-interval').value = x.intervalMs;
  $('f-timeout').value = x.timeoutMs;
  $('f-codes').value = x.expectedCodes.join(',');
  $('f-enabled').checked = x.enabled;
  $('f-name').focus();
}

function clearForm() {
  $('target-form').reset();
  $('f-id').value = '';
  $('f-version').value = '';
}

async function save(ev) {
  ev.preventDefault();
  const body = {
    name: $('f-name').value, host: $('f-host').value, port: Number($('f-port').value),
    transport: $('f-transport').value, intervalMs: Number($('f-interval').value),
    timeoutMs: Number($('f-timeout').value),
    expectedCodes: $('f-codes').value.split(/[\s,]+/).filter(Boolean).map(Number),
    enabled: $('f-enabled').checked
  };
  try {
    if ($('f-id').value) {
      body.version = Number($('f-version').value);
      await L.api('PUT', '/api/v1/line-health/targets/' + $('f-id').value, body);
    } else {
      await L.api('POST', '/api/v1/line-health/targets', body);
    }
    notice(t('saved'));
    clearForm();
    showError(null);
    load();
  } catch (e) {
    showError(e);
  }
}

async function remove(x) {
  if (!window.confirm(t('confirmRemove') + ' «' + x.name + '»?')) return;
  try {
    await L.api('DELETE', '/api/v1/line-health/targets/' + x.id);
    notice(t('removed') + ': ' + x.name);
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

Line102.whenReady(() => {
  $('target-form').addEventListener('submit', save);
  $('f-new').addEventListener('click', clearForm);
  $('run-test-call').addEventListener('click', runTestCall);
  L.start(TEXT, render).then((session) => {
    admin = (session.roles || []).includes('ADMIN');
    $('admin-form').hidden = !admin;
    load();
    setInterval(load, 5000);
  }).catch(showError);
});
