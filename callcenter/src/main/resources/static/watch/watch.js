'use strict';
// The duty officer's watch: the current watch, the hand-over checklist with both signatures,
// and the books and registers. Every word is a watch.* key of the one message bundle (ru, kk,
// en), which the Java exports read too.

const L = window.Line102;
const $ = L.$;
const t = L.t;
let view = null;
let config = null;
let entries = [];

function showError(e) {
  $('error').textContent = e ? e.message : '';
}

function watchPath() {
  return view ? '/api/v1/watch/watches/' + encodeURIComponent(view.key) : '/api/v1/watch/current';
}

function renderWatch() {
  if (!view) return;
  $('watch-period').textContent = L.time(view.start) + ' — ' + L.time(view.end) + ' (' + view.zone + ')';
  $('watch-shift').textContent = view.shift + ' ' + t('of') + ' ' + view.shifts;
  $('watch-state').textContent = t('state.' + view.state);
  $('watch-state').className = view.state;
  $('previous-state').textContent = view.previousState === 'handed-over' ? ''
    : t('previous') + ' ' + view.previous + ': ' + t('previousNotHandedOver');
  $('breaks').textContent = view.breaks.join(', ');
  const body = $('items').querySelector('tbody');
  body.replaceChildren();
  view.items.forEach((i) => {
    const tr = document.createElement('tr');
    tr.dataset.itemId = i.id;
    tr.className = i.result || '';
    L.cell(tr, t(i.kind));
    L.cell(tr, i.title);
    L.cell(tr, i.serialNumber);
    L.cell(tr, String(i.quantity));
    L.cell(tr, (i.result ? t(i.result) : t('notChecked')) + (i.note ? ': ' + i.note : ''), 'result');
    L.cell(tr, i.checkedBy ? i.checkedBy + ', ' + L.time(i.checkedAt) : '');
    const td = L.cell(tr, '');
    if (view.state !== 'handed-over') {
      const select = document.createElement('select');
      select.className = 'check-result';
      ['PRESENT', 'MISSING', 'DAMAGED'].forEach((r) => {
        const o = document.createElement('option');
        o.value = r;
        o.textContent = t(r);
        select.appendChild(o);
      });
      const note = document.createElement('input');
      note.className = 'check-note';
      note.placeholder = i.result && i.result !== 'PRESENT' ? t('fixNote') : t('shortcomingNote');
      note.maxLength = 4000;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'check';
      button.textContent = t('check');
      button.addEventListener('click', () => check(i.id, select.value, note.value));
      td.append(select, note, button);
    }
    body.appendChild(tr);
  });
  $('inventory-state').textContent = view.inventoryComplete ? t('inventoryComplete') : t('inventoryIncomplete');
  const signed = view.signoffs.map((s) => s.side);
  $('sign-outgoing').hidden = signed.includes('OUTGOING');
  $('sign-incoming').hidden = signed.includes('INCOMING');
  $('item-form').hidden = signed.length > 0;
  const list = $('signoffs');
  list.replaceChildren();
  view.signoffs.forEach((s) => {
    const li = document.createElement('li');
    li.dataset.side = s.side;
    li.textContent = t(s.side) + ': ' + s.signedBy + ', ' + L.time(s.signedAt);
    list.appendChild(li);
  });
}

function renderJournals() {
  if (!config) return;
  const select = $('journal');
  const chosen = select.value || 'official-reports';
  select.replaceChildren();
  Object.keys(config.journals).forEach((k) => {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = t(k);
    select.appendChild(o);
  });
  select.value = chosen;
  const fields = $('entry-fields');
  fields.replaceChildren();
  config.journals[chosen].fields.forEach((f) => {
    const label = document.createElement('label');
    label.textContent = t('field.' + f);
    const input = document.createElement('input');
    input.dataset.field = f;
    input.maxLength = config.maxText;
    label.appendChild(input);
    fields.appendChild(label);
  });
  const query = searchQuery();
  $('pdf-link').href = '/api/v1/watch/journals/' + chosen + '/entries.pdf?' + query + '&lang=' + L.lang();
  $('csv-link').href = '/api/v1/watch/journals/' + chosen + '/entries.csv?' + query + '&lang=' + L.lang();
  const body = $('entries').querySelector('tbody');
  body.replaceChildren();
  entries.forEach((e) => {
    const tr = document.createElement('tr');
    tr.dataset.entryNumber = e.number;
    L.cell(tr, e.year + '/' + e.number);
    L.cell(tr, L.time(e.at));
    L.cell(tr, e.author);
    const extra = Object.entries(e.fields).map(([k, v]) => t('field.' + k) + ': ' + (k === 'result' ? t(v) : v));
    if (e.correctsNumber) extra.unshift(t('correction') + ' ' + e.correctsNumber);
    if (e.correctedBy.length) extra.push(t('correctedBy') + ' ' + e.correctedBy.join(', '));
    L.cell(tr, [e.text].concat(extra).join('\n'));
    body.appendChild(tr);
  });
  $('no-entries').hidden = entries.length > 0;
}

function render() {
  renderWatch();
  renderJournals();
}

function searchQuery() {
  const p = new URLSearchParams();
  [['from', 'search-from'], ['to', 'search-to'], ['q', 'search-q'], ['number', 'search-number']].forEach(([k, id]) => {
    if ($(id).value) p.set(k, $(id).value);
  });
  return p.toString();
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

async function loadWatch(key) {
  view = await L.api('GET', key ? '/api/v1/watch/watches/' + encodeURIComponent(key) : '/api/v1/watch/current');
}

async function loadEntries() {
  entries = await L.api('GET', '/api/v1/watch/journals/' + $('journal').value + '/entries?' + searchQuery());
}

function check(item, result, note) {
  act(async () => {
    try {
      view = await L.api('POST', '/api/v1/watch/handover/items/' + item + '/checks', { result, note: note || null });
    } finally {
      await loadEntries();
    }
  });
}

function sign(side) {
  if (!window.confirm(t('confirmSign'))) return;
  act(async () => {
    view = await L.api('POST', watchPath() + '/handover/signatures', { side });
  });
}

function addItem(event) {
  event.preventDefault();
  act(async () => {
    view = await L.api('POST', watchPath() + '/handover/items', {
      kind: $('item-kind').value, title: $('item-title').value,
      serialNumber: $('item-serial').value || null, quantity: Number($('item-quantity').value) || 1
    });
    $('item-title').value = '';
    $('item-serial').value = '';
  });
}

function writeEntry(event) {
  event.preventDefault();
  act(async () => {
    const fields = {};
    document.querySelectorAll('#entry-fields input').forEach((i) => { if (i.value) fields[i.dataset.field] = i.value; });
    let corrects = null;
    const number = $('entry-corrects').value;
    if (number) {
      // The officer names the entry by its number in this year; the API takes its id.
      const found = await L.api('GET', '/api/v1/watch/journals/' + $('journal').value + '/entries?number='
        + encodeURIComponent(number) + '&year=' + new Date().getFullYear());
      corrects = found.length ? found[0].id : -1;
    }
    await L.api('POST', '/api/v1/watch/journals/' + $('journal').value + '/entries',
      { watch: view.key, text: $('entry-text').value, corrects, fields });
    $('entry-text').value = '';
    $('entry-corrects').value = '';
    await loadEntries();
  });
}

L.whenReady(() => {
  $('item-form').addEventListener('submit', addItem);
  $('entry-form').addEventListener('submit', writeEntry);
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); act(loadEntries); });
  $('journal').addEventListener('change', () => act(async () => { renderJournals(); await loadEntries(); }));
  $('sign-outgoing').addEventListener('click', () => sign('OUTGOING'));
  $('sign-incoming').addEventListener('click', () => sign('INCOMING'));
  L.start(L.texts('watch'), render)
    .then(async () => {
      config = await L.api('GET', '/api/v1/watch/journals');
      await loadWatch(new URLSearchParams(location.search).get('watch'));
      renderJournals();
      await loadEntries();
      render();
    }).catch(showError);
});
