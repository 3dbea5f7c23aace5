// The statistics page: any period × queue × operator, grouped by time, hour of day, day of
// week or queue, as tables and charts, with the CSV/PDF exports of the same query. Every
// figure is the server's (docs/statistics.md); the page only lays them out.
import * as L from '/common/page.js';
import * as Charts from '/stats/charts.js';

const TEXT = L.texts('stats');
const { $, t, api } = L;
const C = Charts.COLORS;
const TABLE = ['offered', 'answered', 'abandoned', 'shortAbandoned', 'abandonedBeforeQueue', 'timedOut',
  'serviceLevel', 'asa', 'averageAbandonWait', 'aht', 'longestWait', 'repeats', 'calledBack'];
let last = null;

function today() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

/** The query of the form, as the API takes it. */
function query(extra) {
  const p = new URLSearchParams();
  const period = $('period').value;
  p.set('period', period);
  if (period === 'custom') {
    p.set('from', $('from').value);
    // The form's 'to' day is included: the API's 'to' is the start of the next day.
    const to = new Date($('to').value + 'T00:00:00Z');
    to.setUTCDate(to.getUTCDate() + 1);
    p.set('to', to.toISOString().slice(0, 10));
  } else if (period === 'hour') {
    p.set('at', ($('at-hour').value || today() + 'T08:00').slice(0, 13) + ':00');
  } else {
    p.set('at', $('at').value || today());
  }
  if ($('queue').value.trim()) p.set('queue', $('queue').value.trim());
  Object.entries(extra || {}).forEach(([k, v]) => { if (v != null && v !== '') p.set(k, v); });
  return p;
}

function links() {
  const by = $('by').value;
  const sl = $('sl').value;
  $('csv-link').href = '/api/v1/stats/history.csv?' + query({ by, sl, lang: L.lang() });
  $('pdf-link').href = '/api/v1/stats/history.pdf?' + query({ by, sl, lang: L.lang() });
  const d = new Date(($('at').value || today()) + 'T00:00');
  $('quarter-link').href = '/api/v1/stats/quarters/' + d.getFullYear() + '-Q' + (Math.floor(d.getMonth() / 3) + 1)
    + '.pdf?lang=' + L.lang();
}

function periodFields() {
  const p = $('period').value;
  $('at-label').hidden = p === 'custom' || p === 'hour';
  $('hour-label').hidden = p !== 'hour';
  $('from-label').hidden = p !== 'custom';
  $('to-label').hidden = p !== 'custom';
}

function num(v) {
  return v == null ? '—' : (Number.isInteger(v) ? String(v) : v.toFixed(1));
}

function minutes(seconds) {
  return (seconds / 60).toFixed(0);
}

function keyText(k) {
  if (k === 'all') return t('all');
  return Charts.label(k);
}

function renderHistory(h, target) {
  const head = $('history').querySelector('thead');
  const tr = document.createElement('tr');
  h.groups.forEach((g) => { const th = document.createElement('th'); th.textContent = t(g === 'all' ? 'all' : g); tr.appendChild(th); });
  TABLE.forEach((c) => { const th = document.createElement('th'); th.textContent = t(c); tr.appendChild(th); });
  head.replaceChildren(tr);
  const body = $('history').querySelector('tbody');
  body.replaceChildren();
  h.rows.forEach((r) => {
    const row = document.createElement('tr');
    row.dataset.key = Object.values(r.key).join('|');
    Object.values(r.key).forEach((k) => L.cell(row, keyText(k)));
    const f = r.figures;
    const v = { offered: f.offered, answered: f.answered, abandoned: f.abandoned, shortAbandoned: f.shortAbandoned,
      abandonedBeforeQueue: f.abandonedBeforeQueue, timedOut: f.timedOut, serviceLevel: f.serviceLevel, asa: f.asa,
      averageAbandonWait: f.averageAbandonWait, aht: f.aht, longestWait: f.longestWait, repeats: f.repeats,
      calledBack: f.abandonedCalledBack };
    TABLE.forEach((c) => L.cell(row, num(v[c]),
      c === 'serviceLevel' && f.serviceLevel != null && f.serviceLevel < target ? 'low' : ''));
    body.appendChild(row);
  });
  $('no-rows').hidden = h.rows.length > 0;
}

function renderOperators(list) {
  const body = $('operators').querySelector('tbody');
  body.replaceChildren();
  list.forEach((o) => {
    const row = document.createElement('tr');
    row.dataset.operator = o.operator;
    [o.operator, o.answered, o.ringNoAnswer, num(o.asa), num(o.aht), minutes(o.signedIn), minutes(o.ready),
      minutes(o.wrapUp), minutes(o.paused), num(o.occupancy)].forEach((v) => L.cell(row, v));
    body.appendChild(row);
  });
}

function renderCharts() {
  if (!last) return;
  const { history: h, waits: w, states: s, target } = last;
  const labels = h.rows.map((r) => keyText(Object.values(r.key).join(' ')));
  Charts.draw($('chart-calls'), { title: t('chartCalls'), labels, yLabel: t('calls'), series: [
    { label: t('offered'), values: h.rows.map((r) => r.figures.offered), color: C.offered, bars: true },
    { label: t('abandoned'), values: h.rows.map((r) => r.figures.abandoned), color: C.abandoned },
  ] });
  Charts.draw($('chart-sl'), { title: t('chartSl'), labels, yMax: 100, yLabel: '%', series: [
    { label: t('serviceLevel'), values: h.rows.map((r) => r.figures.serviceLevel), color: C.sl },
    { label: t('targetLine'), values: h.rows.map(() => target), color: C.target, dash: true },
  ] });
  const b = Charts.waitBands(w);
  Charts.draw($('chart-waits'), { title: t('chartWaits'), labels: b.labels, yLabel: t('calls'), series: [
    { label: t('answered'), values: b.answered, color: C.answered, bars: true },
    { label: t('abandoned'), values: b.abandoned, color: C.abandoned },
  ] });
  // Operators in each state on average over the group's time (seconds ÷ the group's length).
  const slice = $('by').value === 'hour' ? 3600 : 900;
  Charts.draw($('chart-states'), { title: t('chartStates'), labels: s.map((x) => keyText(x.key)),
    yLabel: t('operatorsAvg'), series: [
      { label: t('signedIn'), values: s.map((x) => x.signedIn / slice), color: C.signedIn, dash: true },
      { label: t('ready'), values: s.map((x) => x.ready / slice), color: C.ready },
      { label: t('wrapUp'), values: s.map((x) => x.wrapUp / slice), color: C.wrapUp },
      { label: t('paused'), values: s.map((x) => x.paused / slice), color: C.paused },
    ] });
}

async function show() {
  links();
  const by = $('by').value;
  const sl = $('sl').value;
  const target = Math.min(100, Math.max(0, Number($('target').value) || 0));
  const stateBy = ['interval', 'hour'].includes(by) ? by : 'interval';
  try {
    const [history, operators, waits, states] = await Promise.all([
      api('GET', '/api/v1/stats/history?' + query({ by, sl })),
      api('GET', '/api/v1/stats/operators?' + query({ operator: $('operator').value.trim() })),
      api('GET', '/api/v1/stats/waits?' + query()),
      api('GET', '/api/v1/stats/states?' + query({ by: stateBy, operator: $('operator').value.trim() }).toString()
        .replace(/(^|&)queue=[^&]*/, '')),
    ]);
    last = { history, waits, states, target };
    $('zone').textContent = history.zone;
    $('range').textContent = L.time(history.from) + ' — ' + L.time(history.to);
    renderHistory(history, target);
    renderOperators(operators.operators);
    renderCharts();
    L.showError($('error'), null);
  } catch (e) {
    L.showError($('error'), e);
  }
}

L.whenReady(async () => {
  $('at').value = today();
  $('from').value = today();
  $('to').value = today();
  $('period').value = 'day';
  periodFields();
  $('period').addEventListener('change', periodFields);
  $('pick').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  await L.start(TEXT, () => { links(); if (last) { renderHistory(last.history, last.target); renderCharts(); } });
  try {
    const mine = await api('GET', '/api/v1/stats/wallboard');
    $('target').value = String(mine.targetPercent);
    if ([10, 15, 20, 30, 60].includes(mine.serviceLevelSeconds)) $('sl').value = String(mine.serviceLevelSeconds);
    const live = await api('GET', '/api/v1/stats/live');
    live.queues.forEach((q) => { const o = document.createElement('option'); o.value = q.queue; $('queue-names').appendChild(o); });
  } catch (e) {
    L.showError($('error'), e);
  }
  let resized = null;
  window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(renderCharts, 200); });
  show();
});
