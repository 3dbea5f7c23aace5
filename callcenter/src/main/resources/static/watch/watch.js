// The duty officer's watch: the current watch, the hand-over checklist with both signatures,
// and the books and registers. Every word is a watch.* key of the one message bundle (ru, kk,
// en), which the Java exports read too.
import * as L from '/common/page.js';

const $ = L.$;
const t = L.t;
let view = null;
let config = null;
let entries = [];
// An entry opened from an incident card: /watch/?journal=…&year=…&number=… (the card page links here).
const linked = new URLSearchParams(location.search);
let linkedYear = linked.get('year');

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
  renderRoster();
  renderOrientations();
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

const YES_NO = ['crime', 'sealsIntact', 'deliveryConfirmed'];

function fieldText(k, v) {
  if (k === 'result') return t(v);
  if (YES_NO.includes(k)) return ['true', 'yes', '1'].includes(String(v).toLowerCase()) ? t('yes') : v;
  return v;
}

function member(m) {
  return m.name + (m.post ? ' (' + m.post + ')' : '');
}

function renderRoster() {
  const r = view.roster;
  $('breaks-source').textContent = r.breaksSetBy
    ? '(' + t('breaksSetBy') + ' ' + r.breaksSetBy + ', ' + L.time(r.breaksSetAt) + ')' : '(' + t('breaksConfigured') + ')';
  $('rest-after').textContent = r.restHours + ' ' + t('hours');
  $('next-watch').textContent = r.nextWatch.replace('T', ' ');
  $('pattern').textContent = r.shifts + ' ' + t('shiftsOf') + ' ' + r.lengthHours + ' ' + t('hours');
  const onWatch = $('on-watch');
  onWatch.replaceChildren();
  r.onWatch.forEach((m) => {
    const li = document.createElement('li');
    li.textContent = member(m);
    onWatch.appendChild(li);
  });
  if (!r.onWatch.length) {
    const li = document.createElement('li');
    li.textContent = t('membersNone');
    onWatch.appendChild(li);
  }
  const body = $('shifts').querySelector('tbody');
  body.replaceChildren();
  r.all.forEach((s) => {
    const tr = document.createElement('tr');
    tr.dataset.shift = s.shift;
    if (s.shift === r.shift) tr.className = 'on-watch';
    L.cell(tr, String(s.shift));
    const td = L.cell(tr, '');
    s.members.forEach((m) => {
      const span = document.createElement('span');
      span.className = 'member';
      span.textContent = member(m) + ' ';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'remove-member';
      remove.textContent = t('removeMember');
      remove.addEventListener('click', () => act(async () => {
        await L.api('POST', '/api/v1/watch/roster/shifts/' + s.shift + '/removals', { name: m.name });
        await loadWatch(view.key);
      }));
      span.appendChild(remove);
      td.appendChild(span);
    });
    L.cell(tr, s.nextWatch.replace('T', ' '));
    body.appendChild(tr);
  });
  const select = $('member-shift');
  if (select.options.length !== r.shifts) {
    select.replaceChildren();
    r.all.forEach((s) => {
      const o = document.createElement('option');
      o.value = s.shift;
      o.textContent = String(s.shift);
      select.appendChild(o);
    });
  }
}

function renderOrientations() {
  const body = $('active-orientations').querySelector('tbody');
  body.replaceChildren();
  view.orientations.forEach((o) => {
    const tr = document.createElement('tr');
    tr.dataset.entryId = o.id;
    L.cell(tr, o.year + '/' + o.number);
    L.cell(tr, L.time(o.at));
    L.cell(tr, [o.text].concat(Object.entries(o.fields).map(([k, v]) => t('field.' + k) + ': ' + v)).join('\n'));
    const td = L.cell(tr, '');
    const reason = document.createElement('input');
    reason.className = 'cancel-reason';
    reason.placeholder = t('cancelReason');
    reason.maxLength = 4000;
    const by = document.createElement('input');
    by.className = 'cancel-reported-by';
    by.placeholder = t('cancelReportedBy');
    by.maxLength = 200;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cancel-orientation';
    button.textContent = t('cancelOrientation');
    button.addEventListener('click', () => act(async () => {
      await L.api('POST', '/api/v1/watch/orientations/' + o.id + '/cancellation',
        { reason: reason.value, reportedBy: by.value || null });
      await loadWatch(view.key);
      await loadEntries();
    }));
    td.append(reason, by, button);
    body.appendChild(tr);
  });
  $('no-orientations').hidden = view.orientations.length > 0;
}

/** The entry's linked cards and attached scans, with a form for each. */
function extrasCell(e) {
  const td = document.createElement('td');
  td.className = 'extras';
  const list = document.createElement('div');
  list.className = 'links';
  list.textContent = e.incidents.length ? t('kuiLinked') + ' ' + e.incidents.join(', ') : '';
  td.appendChild(list);
  e.attachments.forEach((a) => {
    const link = document.createElement('a');
    link.href = '/api/v1/watch/attachments/' + a.id;
    link.className = 'attachment';
    link.textContent = a.name + ' (' + Math.ceil(a.size / 1024) + ' KB)';
    link.title = 'SHA-256 ' + a.sha256;
    td.append(link, document.createElement('br'));
  });
  const kui = document.createElement('input');
  kui.className = 'kui';
  kui.placeholder = t('kui');
  kui.maxLength = 100;
  const linkButton = document.createElement('button');
  linkButton.type = 'button';
  linkButton.className = 'link-kui';
  linkButton.textContent = t('linkKui');
  linkButton.addEventListener('click', () => act(async () => {
    await L.api('POST', '/api/v1/watch/entries/' + e.id + '/incidents', { kui: kui.value });
    await loadEntries();
  }));
  const file = document.createElement('input');
  file.type = 'file';
  file.className = 'file';
  const attach = document.createElement('button');
  attach.type = 'button';
  attach.className = 'attach';
  attach.textContent = t('attach');
  attach.addEventListener('click', () => act(async () => {
    if (!file.files.length) return;
    await upload(e.id, file.files[0]);
    await loadEntries();
  }));
  td.append(kui, linkButton, file, attach);
  return td;
}

async function upload(entryId, f) {
  const s = L.session();
  const headers = { 'Accept': 'application/json', 'Content-Type': f.type || 'application/octet-stream' };
  if (s && s.csrfHeader) headers[s.csrfHeader] = s.csrfToken;
  const r = await fetch('/api/v1/watch/entries/' + entryId + '/attachments?name=' + encodeURIComponent(f.name),
    { method: 'POST', headers, credentials: 'same-origin', body: f });
  if (!r.ok) {
    let json = null;
    try { json = await r.json(); } catch (x) { json = null; }
    throw L.problemError(json, r);
  }
}

function renderJournals() {
  if (!config) return;
  const select = $('journal');
  const wanted = linked.get('journal');
  const chosen = select.value || (wanted && config.journals[wanted] ? wanted : 'official-reports');
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
    if (YES_NO.includes(f)) input.type = 'checkbox';
    else input.maxLength = config.maxText;
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
    if (e.overdue) tr.className = 'overdue';
    // A search across every book shows whose entry each is.
    L.cell(tr, (e.kind !== $('journal').value ? t(e.kind) + ' ' : '') + e.year + '/' + e.number);
    L.cell(tr, L.time(e.at));
    L.cell(tr, e.author);
    const extra = Object.entries(e.fields).map(([k, v]) => t('field.' + k) + ': ' + fieldText(k, v));
    if (e.deadline) {
      extra.push(e.reportedAt ? t('reported') + ' ' + L.time(e.reportedAt)
        : (e.overdue ? t('overdue') + ', ' : '') + t('deadline') + ' ' + L.time(e.deadline));
    }
    if (e.cancellation) {
      extra.push(t('cancelledBy') + ' ' + e.cancellation.cancelledBy + ', ' + L.time(e.cancellation.cancelledAt)
        + ': ' + e.cancellation.reason);
    }
    if (e.correctsNumber) extra.unshift(t('correction') + ' ' + e.correctsNumber);
    if (e.correctedBy.length) extra.push(t('correctedBy') + ' ' + e.correctedBy.join(', '));
    L.cell(tr, [e.text].concat(extra).join('\n'));
    tr.appendChild(extrasCell(e));
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
  if (linkedYear && /^\d{4}$/.test(linkedYear)) p.set('year', linkedYear);
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

function assign(event) {
  event.preventDefault();
  act(async () => {
    await L.api('POST', '/api/v1/watch/roster/shifts/' + $('member-shift').value + '/members',
      { name: $('member-name').value, post: $('member-post').value || null });
    $('member-name').value = '';
    $('member-post').value = '';
    await loadWatch(view.key);
  });
}

function setBreaks(event) {
  event.preventDefault();
  act(async () => {
    const breaks = $('breaks-input').value.split(',').map((b) => b.trim()).filter((b) => b);
    await L.api('POST', '/api/v1/watch/roster/breaks', { breaks });
    $('breaks-input').value = '';
    await loadWatch(view.key);
  });
}

async function loadEntries() {
  const all = $('search-all').checked;
  entries = await L.api('GET', '/api/v1/watch/journals/' + (all ? '' : $('journal').value + '/') + 'entries?'
    + searchQuery());
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
    document.querySelectorAll('#entry-fields input').forEach((i) => {
      if (i.type === 'checkbox') {
        if (i.checked) fields[i.dataset.field] = 'true';
      } else if (i.value) {
        fields[i.dataset.field] = i.value;
      }
    });
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
    document.querySelectorAll('#entry-fields input').forEach((i) => { i.value = ''; i.checked = false; });
    await loadEntries();
  });
}

L.whenReady(() => {
  $('item-form').addEventListener('submit', addItem);
  $('entry-form').addEventListener('submit', writeEntry);
  $('member-form').addEventListener('submit', assign);
  $('breaks-form').addEventListener('submit', setBreaks);
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); act(loadEntries); });
  $('journal').addEventListener('change', () => act(async () => { renderJournals(); await loadEntries(); }));
  $('sign-outgoing').addEventListener('click', () => sign('OUTGOING'));
  $('sign-incoming').addEventListener('click', () => sign('INCOMING'));
  L.start(L.texts('watch'), render)
    .then(async () => {
      config = await L.api('GET', '/api/v1/watch/journals');
      await loadWatch(linked.get('watch'));
      if (linked.get('number')) $('search-number').value = linked.get('number');
      $('search-number').addEventListener('input', () => { linkedYear = null; });
      renderJournals();
      await loadEntries();
      render();
    }).catch(showError);
});
