// The watch page's acts: reports of serious events (drafted from a card by the duty officer,
// signed by the chief, sent on to the higher instance) and the act of the chief's hand-over by
// commission (drawn up, signed by every member and both chiefs, printed). Every word is a
// watch.* key of the one message bundle, as in watch.js.

import * as L from '/common/page.js';

const $ = L.$;
const t = L.t;
let reports = [];
let report = null;
let acts = [];

function showError(e) {
  $('error').textContent = e ? e.message : '';
}

async function act(f) {
  try {
    await f();
    showError(null);
  } catch (e) {
    showError(e);
  }
  render();
}

function render() {
  renderReports();
  renderReport();
  renderActs();
}

function renderReports() {
  const body = $('serious-reports').querySelector('tbody');
  body.replaceChildren();
  reports.forEach((r) => {
    const tr = document.createElement('tr');
    tr.dataset.reportId = r.id;
    L.cell(tr, String(r.id));
    L.cell(tr, r.kuiNumber);
    L.cell(tr, r.current.eventType);
    L.cell(tr, t('serious.state.' + r.state), 'state');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'serious-open';
    open.textContent = t('serious.open');
    open.addEventListener('click', () => act(async () => { await load(r.id); }));
    L.cell(tr, '').appendChild(open);
    body.appendChild(tr);
  });
  $('serious-none').hidden = reports.length > 0;
}

function renderReport() {
  $('serious-editor').hidden = !report;
  if (!report) return;
  const v = report.current;
  const draft = report.state === 'draft';
  $('serious-id').textContent = report.id;
  $('serious-card').textContent = report.kuiNumber;
  $('serious-version').textContent = v.version;
  // The field takes an ISO instant; beside it, the centre's wall clock (the header names the zone).
  $('serious-at-local').textContent = v.occurredAt ? L.time(v.occurredAt) : '';
  $('serious-state').textContent = t('serious.state.' + report.state);
  $('serious-signed').textContent = report.signature
    ? t('serious.signedBy') + ': ' + report.signature.signedBy + ', ' + L.time(report.signature.signedAt)
    : t('serious.unsigned');
  ['serious-type', 'serious-at', 'serious-place', 'serious-units', 'serious-what', 'serious-measures']
    .forEach((id) => { $(id).readOnly = !draft; });
  $('serious-save').disabled = !draft;
  $('serious-sign').disabled = !draft;
  $('serious-pdf').href = '/api/v1/watch/serious-reports/' + report.id + '.pdf?lang=' + L.lang();
}

function fill() {
  const v = report.current;
  $('serious-type').value = v.eventType;
  $('serious-at').value = v.occurredAt || '';
  $('serious-place').value = v.place;
  $('serious-units').value = v.units;
  $('serious-what').value = v.whatHappened;
  $('serious-measures').value = v.measures;
}

async function load(id) {
  report = await L.api('GET', '/api/v1/watch/serious-reports/' + id);
  fill();
}

async function loadReports() {
  reports = await L.api('GET', '/api/v1/watch/serious-reports?size=20');
}

function draft(event) {
  event.preventDefault();
  act(async () => {
    report = await L.api('POST', '/api/v1/watch/serious-reports', { kui: $('serious-kui').value });
    fill();
    $('serious-kui').value = '';
    await loadReports();
  });
}

function save(event) {
  event.preventDefault();
  act(async () => {
    report = await L.api('POST', '/api/v1/watch/serious-reports/' + report.id + '/versions', {
      eventType: $('serious-type').value, occurredAt: $('serious-at').value || null,
      place: $('serious-place').value, units: $('serious-units').value,
      whatHappened: $('serious-what').value, measures: $('serious-measures').value
    });
    fill();
    await loadReports();
  });
}

function sign() {
  if (!window.confirm(t('serious.confirmSign'))) return;
  act(async () => {
    report = await L.api('POST', '/api/v1/watch/serious-reports/' + report.id + '/signature', {});
    fill();
    await loadReports();
  });
}

function addItemRow() {
  const tr = document.createElement('tr');
  const kind = document.createElement('select');
  kind.className = 'act-item-kind';
  ['DOCUMENT', 'PROPERTY'].forEach((k) => {
    const o = document.createElement('option');
    o.value = k;
    o.dataset.t = k;
    o.textContent = t(k);
    kind.appendChild(o);
  });
  tr.appendChild(document.createElement('td')).appendChild(kind);
  [['act-item-title', 'text', 4000], ['act-item-serial', 'text', 200], ['act-item-quantity', 'number', 6],
    ['act-item-condition', 'text', 4000]].forEach(([cls, type, max]) => {
    const input = document.createElement('input');
    input.className = cls;
    input.type = type;
    if (type === 'number') { input.min = '1'; input.value = '1'; } else { input.maxLength = max; }
    tr.appendChild(document.createElement('td')).appendChild(input);
  });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.dataset.t = 'commission.removeRow';
  remove.textContent = t('commission.removeRow');
  remove.addEventListener('click', () => tr.remove());
  tr.appendChild(document.createElement('td')).appendChild(remove);
  $('act-items').querySelector('tbody').appendChild(tr);
}

function drawAct(event) {
  event.preventDefault();
  act(async () => {
    const items = [...$('act-items').querySelectorAll('tbody tr')].map((tr) => ({
      kind: tr.querySelector('.act-item-kind').value, title: tr.querySelector('.act-item-title').value,
      serialNumber: tr.querySelector('.act-item-serial').value || null,
      quantity: Number(tr.querySelector('.act-item-quantity').value) || 1,
      condition: tr.querySelector('.act-item-condition').value || null
    }));
    await L.api('POST', '/api/v1/watch/commission/acts', {
      outgoingChief: $('act-outgoing').value, incomingChief: $('act-incoming').value,
      members: $('act-members').value.split(',').map((m) => m.trim()).filter((m) => m),
      note: $('act-note').value || null, items
    });
    ['act-outgoing', 'act-incoming', 'act-members', 'act-note'].forEach((id) => { $(id).value = ''; });
    $('act-items').querySelector('tbody').replaceChildren();
    addItemRow();
    await loadActs();
  });
}

function renderActs() {
  const body = $('acts').querySelector('tbody');
  body.replaceChildren();
  const me = L.session() && L.session().username;
  acts.forEach((a) => {
    const tr = document.createElement('tr');
    tr.dataset.actId = a.id;
    tr.className = a.complete ? 'complete' : '';
    L.cell(tr, String(a.id) + ', ' + L.time(a.drawnAt));
    L.cell(tr, a.outgoingChief);
    L.cell(tr, a.incomingChief);
    L.cell(tr, a.signatures.map((s) => s.signer + ' (' + t('commission.' + s.capacity) + ')').join('; '), 'signatures');
    L.cell(tr, a.complete ? t('commission.complete') : a.awaiting.join(', '), 'awaiting');
    const td = L.cell(tr, '');
    if (a.awaiting.includes(me)) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'act-sign';
      b.textContent = t('commission.sign');
      b.addEventListener('click', () => act(async () => {
        await L.api('POST', '/api/v1/watch/commission/acts/' + a.id + '/signatures', {});
        await loadActs();
      }));
      td.appendChild(b);
    }
    const pdf = document.createElement('a');
    pdf.className = 'act-pdf';
    pdf.href = '/api/v1/watch/commission/acts/' + a.id + '.pdf?lang=' + L.lang();
    pdf.textContent = t('pdf');
    td.appendChild(pdf);
    body.appendChild(tr);
  });
  $('acts-none').hidden = acts.length > 0;
}

async function loadActs() {
  acts = await L.api('GET', '/api/v1/watch/commission/acts');
}

L.whenReady(() => {
  $('serious-form').addEventListener('submit', draft);
  $('serious-editor').addEventListener('submit', save);
  $('serious-sign').addEventListener('click', sign);
  $('act-form').addEventListener('submit', drawAct);
  $('act-add-item').addEventListener('click', addItemRow);
  L.start(L.texts('watch'), render)
    .then(async () => {
      addItemRow();
      await Promise.all([loadReports(), loadActs()]);
      const kui = new URLSearchParams(location.search).get('kui');
      if (kui) $('serious-kui').value = kui;
      // A report opened from its incident card: /watch/?report=…#serious.
      const linked = Number(new URLSearchParams(location.search).get('report'));
      if (linked > 0) await load(linked);
      render();
    }).catch(showError);
});
