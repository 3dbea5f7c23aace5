// The duty officer's daily operational report: every registered card of a watch with its
// outcome, the totals, links to the PDF and CSV, and the sign-off that freezes it.
import * as L from '/common/page.js';

const TEXT = L.texts('reports');
const $ = L.$;
const t = L.t;
let report = null;

function showError(e) {
  L.showError($('error'), e || null);
}

function typeName(code) {
  const names = report.types && report.types[code];
  return names ? (names[L.lang()] || names.ru || code) : (code || '');
}

function item(list, text) {
  const li = document.createElement('li');
  li.textContent = text;
  list.appendChild(li);
}

function render() {
  if (!report) return;
  const day = report.watch.day;
  $('report').hidden = false;
  $('watch-period').textContent = L.time(report.watch.start) + ' — ' + L.time(report.watch.end)
    + ' (' + report.watch.zone + ')';
  const state = $('report-state');
  state.className = report.state;
  state.textContent = report.state === 'signed'
    ? t('signedBy') + report.signedBy + ', ' + L.time(report.signedAt)
    : (report.ended ? t('stateOpen') : t('stateRunning'));
  $('report-sha').textContent = report.sha256 ? 'SHA-256: ' + report.sha256 : '';
  $('pdf-link').href = '/api/v1/reports/daily/' + day + '.pdf?lang=' + L.lang();
  $('csv-link').href = '/api/v1/reports/daily/' + day + '.csv?lang=' + L.lang();
  $('sign-off').hidden = report.state === 'signed';
  $('sign-off').disabled = !report.ended;

  const body = $('lines').querySelector('tbody');
  body.replaceChildren();
  report.lines.forEach((l, i) => {
    const tr = document.createElement('tr');
    tr.dataset.incidentId = l.incidentId;
    L.cell(tr, String(i + 1));
    L.cell(tr, l.kuiNumber);
    L.cell(tr, L.time(l.registeredAt));
    L.cell(tr, typeName(l.typeCode) + (l.category ? ' (' + t(l.category) + ')' : ''));
    L.cell(tr, l.priority);
    L.cell(tr, l.sceneAddress || (l.sceneUnknown ? t('sceneUnknown') : ''));
    L.cell(tr, [l.callerNumber, l.callerName].filter((s) => s).join(', '));
    L.cell(tr, t(l.status));
    L.cell(tr, l.result);
    L.cell(tr, l.units.join(', '));
    L.cell(tr, String(l.repeatCount));
    body.appendChild(tr);
  });
  $('no-lines').hidden = report.lines.length > 0;

  const totals = $('totals');
  totals.replaceChildren();
  const tt = report.totals;
  item(totals, t('cards') + ': ' + tt.cards + '; ' + t('repeatCalls') + ': ' + tt.repeatCalls);
  Object.entries(tt.byCategory).forEach(([k, v]) => item(totals, t(k) + ': ' + v));
  Object.entries(tt.byType).forEach(([k, v]) => item(totals, typeName(k) + ': ' + v));
  Object.entries(tt.byOutcome).forEach(([k, v]) => item(totals, t(k) + ': ' + v));

  const repeats = $('repeats');
  repeats.replaceChildren();
  report.repeatAddresses.forEach((r) => item(repeats, r.kuiNumber + ' — '
    + [r.sceneAddress, r.callerNumber].filter((s) => s).join(', ') + ': ' + r.repeatCount));
  if (report.repeatAddresses.length === 0) item(repeats, t('none'));

  const addenda = $('addenda');
  addenda.replaceChildren();
  (report.addenda || []).forEach((a) => item(addenda, L.time(a.seenAt) + ' — ' + a.line.kuiNumber + ': '
    + t(a.line.status) + (a.line.result ? ', ' + a.line.result : '')));
  $('addenda-block').hidden = !report.addenda || report.addenda.length === 0;
}

async function load(day) {
  try {
    report = await L.api('GET', '/api/v1/reports/daily/' + encodeURIComponent(day));
    showError(null);
    render();
  } catch (e) {
    report = null;
    $('report').hidden = true;
    showError(e);
  }
}

async function signOff() {
  if (!report || !window.confirm(t('confirm'))) return;
  const button = $('sign-off');
  button.disabled = true;
  try {
    report = await L.api('POST', '/api/v1/reports/daily/' + report.watch.day + '/sign-off');
    showError(null);
    render();
  } catch (e) {
    showError(e);
    load(report.watch.day);
  }
}

function pick(event) {
  event.preventDefault();
  const day = $('report-date').value;
  history.replaceState(null, '', '/reports?date=' + encodeURIComponent(day));
  load(day);
}

L.whenReady(() => {
  $('pick').addEventListener('submit', pick);
  $('sign-off').addEventListener('click', signOff);
  L.start(TEXT, render).then(async () => {
    let day = new URLSearchParams(location.search).get('date');
    if (!day) {
      const watches = await L.api('GET', '/api/v1/reports/daily');
      day = watches.lastEnded;
    }
    $('report-date').value = day;
    load(day);
  }).catch(showError);
});
