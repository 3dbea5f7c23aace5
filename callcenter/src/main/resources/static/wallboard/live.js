// The wallboard's live part: big-number tiles per queue from the /ws/stats socket (pushed
// within a second of each committed call, no polling), the day's charts from the history,
// the supervisor's own choice of queues and service-level target (kept on the server, so it
// follows them to another desk; IT staff set the default), and a full-screen TV layout.
import * as L from '/common/page.js';
import * as Charts from '/stats/charts.js';

const TEXT = L.texts('wallboard');
const $ = (id) => document.getElementById(id);
const t = (key) => { const l = L.lang(); return (TEXT[l] && TEXT[l][key]) || TEXT.ru[key] || key; };
const C = Charts.COLORS;
const CHART_EVERY_MS = 20000;
let snapshot = null;
let choice = { queues: [], targetPercent: 90, serviceLevelSeconds: 15, source: 'configuration' };
let chartsAt = 0;
let chartTimer = null;
let admin = false;

function shown(queues) {
  return choice.queues.length ? queues.filter((q) => choice.queues.includes(q.queue)) : queues;
}

function num(v, digits) {
  return v == null ? '—' : Number(v).toFixed(digits || 0);
}

function tile(parent, name, label, value, cls) {
  const d = document.createElement('div');
  d.className = 'tile' + (cls ? ' ' + cls : '');
  d.dataset.tile = name;
  const l = document.createElement('div');
  l.className = 'label';
  l.textContent = label;
  const b = document.createElement('div');
  b.className = 'big';
  b.textContent = value;
  d.append(l, b);
  parent.appendChild(d);
}

function renderTiles() {
  const box = $('tiles');
  box.replaceChildren();
  if (!snapshot) return;
  $('live-at').textContent = L.clock(snapshot.at);
  $('live-at').dataset.at = snapshot.at;
  shown(snapshot.queues).filter((q) => q.queue !== '').forEach((q) => {
    const row = document.createElement('div');
    row.className = 'tile-queue';
    row.dataset.queue = q.queue;
    const h = document.createElement('h3');
    h.textContent = q.queue;
    row.appendChild(h);
    const hour = q.windows['1h'] || {};
    const watch = q.windows.watch || {};
    tile(row, 'waiting', t('waiting'), String(q.waiting), q.waiting > 0 ? 'alarm' : '');
    tile(row, 'longest', t('longest'), String(q.longestWaitSeconds),
      q.longestWaitSeconds > choice.serviceLevelSeconds ? 'alarm' : '');
    const sl = hour.serviceLevel;
    tile(row, 'sl', t('slHour') + ' (≤ ' + hour.serviceLevelSeconds + ' ' + t('s') + ', ' + t('goal') + ' '
      + num(choice.targetPercent) + ' %)', sl == null ? '—' : num(sl, 1) + ' %',
      sl == null ? '' : (sl < choice.targetPercent ? 'alarm' : 'good'));
    tile(row, 'answered', t('answeredWatch'), String(watch.answered || 0));
    tile(row, 'abandoned', t('abandonedWatch'), String(watch.abandoned || 0), watch.abandoned > 0 ? 'alarm' : '');
    box.appendChild(row);
  });
}

function onSnapshot(s) {
  snapshot = s;
  renderTiles();
  renderChoiceQueues();
  scheduleCharts();
}

/** The charts read the history (settled each second by the drain): at most every 20 s, not per call. */
function scheduleCharts(now) {
  if (chartTimer) return;
  const wait = now ? 0 : Math.max(0, CHART_EVERY_MS - (Date.now() - chartsAt));
  chartTimer = setTimeout(() => { chartTimer = null; charts(); }, wait);
}

async function charts() {
  chartsAt = Date.now();
  // No 'at': the watch under way, in the centre's zone.
  const p = new URLSearchParams({ period: 'watch' });
  if (choice.queues.length === 1) p.set('queue', choice.queues[0]);
  const states = new URLSearchParams({ period: 'watch', by: 'interval' });
  try {
    const [h, w, s] = await Promise.all([
      L.api('GET', '/api/v1/stats/history?' + p + '&by=interval&sl=' + choice.serviceLevelSeconds),
      L.api('GET', '/api/v1/stats/waits?' + p),
      L.api('GET', '/api/v1/stats/states?' + states),
    ]);
    const labels = h.rows.map((r) => Charts.label(r.key.interval));
    Charts.draw($('chart-calls'), { title: t('chartCalls'), labels, series: [
      { label: t('offered'), values: h.rows.map((r) => r.figures.offered), color: C.offered, bars: true },
      { label: t('abandoned'), values: h.rows.map((r) => r.figures.abandoned), color: C.abandoned },
    ] });
    Charts.draw($('chart-sl'), { title: t('chartSl'), labels, yMax: 100, series: [
      { label: t('serviceLevel'), values: h.rows.map((r) => r.figures.serviceLevel), color: C.sl },
      { label: t('goal'), values: h.rows.map(() => choice.targetPercent), color: C.target, dash: true },
    ] });
    const b = Charts.waitBands(w);
    Charts.draw($('chart-waits'), { title: t('chartWaits'), labels: b.labels, series: [
      { label: t('answered'), values: b.answered, color: C.answered, bars: true },
      { label: t('abandoned'), values: b.abandoned, color: C.abandoned },
    ] });
    Charts.draw($('chart-states'), { title: t('chartStates'), labels: s.map((x) => Charts.label(x.key)),
      series: [
        { label: t('state.ready'), values: s.map((x) => x.ready / 900), color: C.ready },
        { label: t('state.wrap-up'), values: s.map((x) => x.wrapUp / 900), color: C.wrapUp },
        { label: t('state.paused'), values: s.map((x) => x.paused / 900), color: C.paused },
      ] });
  } catch (e) {
    L.showError($('error'), e);
  }
}

function renderChoiceQueues() {
  const box = $('choice-queues');
  const names = new Set(choice.queues);
  (snapshot ? snapshot.queues : []).forEach((q) => { if (q.queue) names.add(q.queue); });
  const have = Array.from(box.querySelectorAll('input')).map((i) => i.value);
  if (have.length === names.size && have.every((n) => names.has(n))) return;
  box.replaceChildren();
  Array.from(names).sort().forEach((n) => {
    const l = document.createElement('label');
    const i = document.createElement('input');
    i.type = 'checkbox';
    i.value = n;
    i.checked = choice.queues.includes(n);
    l.append(i, ' ' + n);
    box.appendChild(l);
  });
}

function showChoice() {
  $('choice-target').value = String(choice.targetPercent);
  $('choice-sl').value = String(choice.serviceLevelSeconds);
  $('choice-queues').querySelectorAll('input').forEach((i) => { i.checked = choice.queues.includes(i.value); });
  $('choice-source').textContent = t('source.' + choice.source);
  $('choice-default').hidden = !admin;
}

function formChoice() {
  return { queues: Array.from($('choice-queues').querySelectorAll('input:checked')).map((i) => i.value),
    targetPercent: Number($('choice-target').value), serviceLevelSeconds: Number($('choice-sl').value) };
}

async function saveChoice(method, path, body) {
  try {
    choice = await L.api(method, path, body);
    if (path.endsWith('/defaults')) choice = await L.api('GET', '/api/v1/stats/wallboard');
    renderChoiceQueues();
    showChoice();
    renderTiles();
    scheduleCharts(true);
    L.showError($('error'), null);
  } catch (e) {
    L.showError($('error'), e);
  }
}

function fullscreen() {
  const on = !document.fullscreenElement;
  if (on && document.documentElement.requestFullscreen) {
    document.documentElement.requestFullscreen().catch(() => document.body.classList.add('tv'));
  } else if (!on) {
    document.exitFullscreen();
  }
  if (!document.documentElement.requestFullscreen) document.body.classList.toggle('tv');
}

L.whenReady(async () => {
  $('fullscreen').addEventListener('click', fullscreen);
  document.addEventListener('fullscreenchange', () => {
    document.body.classList.toggle('tv', !!document.fullscreenElement);
    renderTiles();
    scheduleCharts(true);
  });
  // A TV started with ?tv opens in the big layout (a browser grants full screen only after a click).
  if (new URLSearchParams(location.search).has('tv')) document.body.classList.add('tv');
  $('choice-form').addEventListener('submit', (e) => { e.preventDefault(); saveChoice('PUT', '/api/v1/stats/wallboard', formChoice()); });
  $('choice-reset').addEventListener('click', () => saveChoice('DELETE', '/api/v1/stats/wallboard'));
  $('choice-default').addEventListener('click', () => saveChoice('PUT', '/api/v1/stats/wallboard/defaults', formChoice()));
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setTimeout(() => {
    renderTiles(); showChoice(); scheduleCharts(true);
  })));
  try {
    const s = await L.loadSession();
    admin = (s.roles || []).includes('ADMIN');
    choice = await L.api('GET', '/api/v1/stats/wallboard');
  } catch (e) {
    L.showError($('error'), e);
  }
  showChoice();
  L.socket('/ws/stats', onSnapshot, (open) => { document.body.dataset.live = open ? 'open' : 'closed'; });
  let resized = null;
  window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(() => scheduleCharts(true), 300); });
});
