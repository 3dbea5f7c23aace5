// The certification page's preparation part: the six-monthly lists (drawn and dated by the
// personnel service, approved by the head, then frozen), the overdue deadlines and one case's
// calendar. Lists of employees are read a page at a time. Texts: certification.* keys.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const PAGE = 100;
const API = '/api/v1/certification';
let lang = 'ru';
let lists = [];
let current = null;
let items = [];
let offset = 0;
let overdue = [];
let calendar = [];
let commissions = [];
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;

function rows(body, data, cells, mark) {
  body.textContent = '';
  data.forEach((d) => {
    const tr = document.createElement('tr');
    if (mark) mark(tr, d);
    cells(d).forEach((v) => L.cell(tr, v));
    body.appendChild(tr);
  });
}

function draw() {
  rows($('lists'), lists, (l) => [l.id, l.periodFrom + ' – ' + l.periodTo, l.version, t('list.' + l.state),
    l.employees, l.withoutDate], (tr, l) => {
    tr.dataset.listId = l.id;
    tr.addEventListener('click', () => open(l.id));
  });
  if (current) {
    $('list-detail').hidden = false;
    $('list-id').textContent = current.id;
    $('list-state').textContent = t('list.' + current.state);
    $('approve').disabled = current.state !== 'DRAFT';
    $('meeting-save').disabled = current.state !== 'DRAFT';
    $('new-version').disabled = current.state !== 'APPROVED';
    $('items-page').textContent = (offset + 1) + '–' + (offset + items.length) + ' / ' + current.employees;
  }
  const names = {};
  commissions.forEach((c) => { names[c.id] = c.name; });
  rows($('items'), items, (i) => [i.personnelNo, i.fullName, i.dueOn, i.meetingOn, names[i.commissionId]
    || i.commissionId, i.notifyBy, i.notifiedOn], (tr, i) => { tr.dataset.itemEmployeeId = i.employeeId; });
  rows($('overdue'), overdue, (o) => [o.caseId, o.personnelNo, o.fullName, t('deadline.' + o.kind), o.dueOn,
    o.meetingOn], (tr, o) => { tr.dataset.overdueCase = o.caseId; tr.dataset.kind = o.kind; });
  rows($('calendar'), calendar, (d) => [t('deadline.' + d.kind), d.from, d.dueOn, d.doneOn,
    t('deadlineState.' + d.state)], (tr, d) => { tr.dataset.kind = d.kind; tr.className = d.state; });
  const select = $('meeting-commission');
  if (select.options.length !== commissions.length) {
    select.textContent = '';
    commissions.forEach((c) => {
      const o = document.createElement('option');
      o.value = c.id;
      o.textContent = c.name;
      select.appendChild(o);
    });
  }
}

async function guard(f) {
  L.showError($('list-error'), null);
  $('list-saved').textContent = '';
  try { await f(); $('list-saved').textContent = t('saved'); } catch (e) { L.showError($('list-error'), e); }
  draw();
}

async function loadLists() { lists = await L.api('GET', API + '/lists?limit=20'); }

async function loadItems() {
  items = await L.api('GET', API + '/lists/' + current.id + '/items?limit=' + PAGE + '&offset=' + offset);
}

async function open(id) {
  await guard(async () => {
    current = await L.api('GET', API + '/lists/' + id);
    offset = 0;
    await loadItems();
  });
}

async function refresh(list) {
  current = list;
  await loadLists();
  await loadItems();
}

const ids = (v) => v.split(/[\s,;]+/).filter(Boolean).map(Number);

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  $('draw-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(async () => refresh(await L.api('POST', API + '/lists', { from: $('draw-from').value || null })));
  });
  $('meeting-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const who = ids($('meeting-employees').value);
    guard(async () => refresh(await L.api('POST', API + '/lists/' + current.id + '/meetings', {
      meetingOn: $('meeting-on').value, commissionId: Number($('meeting-commission').value),
      employeeIds: who.length ? who : null })));
  });
  $('approve').addEventListener('click', () =>
    guard(async () => refresh(await L.api('POST', API + '/lists/' + current.id + '/approval', {}))));
  $('new-version').addEventListener('click', () =>
    guard(async () => refresh(await L.api('POST', API + '/lists/' + current.id + '/versions', {}))));
  $('notice-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(async () => {
      await L.api('POST', API + '/lists/' + current.id + '/notices', { employeeIds: ids($('notice-employees').value) });
      await loadItems();
    });
  });
  $('items-prev').addEventListener('click', () => guard(async () => {
    offset = Math.max(0, offset - PAGE);
    await loadItems();
  }));
  $('items-next').addEventListener('click', () => guard(async () => {
    if (items.length === PAGE) offset += PAGE;
    await loadItems();
  }));
  $('calendar-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(async () => { calendar = await L.api('GET', API + '/cases/' + $('calendar-case').value + '/calendar'); });
  });
  await guard(async () => {
    commissions = await L.api('GET', API + '/commissions');
    await loadLists();
    overdue = await L.api('GET', API + '/deadlines/overdue?limit=100');
  });
  $('list-saved').textContent = '';
});
