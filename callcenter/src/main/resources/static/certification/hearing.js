// The certification page's hearing part: the commission's meeting on a case (the secretary records
// who is present and the questions, each member votes for themself, the secretary closes the vote),
// observers' applications (registered by personnel, refusals shown with their reason), appeals and
// cancellations by a higher commission, and the link of an employee to their account.
// Lists are read a page at a time. Texts: certification.* keys; refusals: problem.* by their code.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const API = '/api/v1/certification';
const PAGE = 20;
let lang = 'ru';
let meeting = null;
let myCases = [];
let myOffset = 0;
let observers = [];
let observerOffset = 0;
let appeals = [];
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
  rows($('my-cases'), myCases, (c) => [c.caseId, c.commission, c.meetingOn, c.personnelNo, c.fullName,
    c.chair ? t('chair') : c.secretary ? t('secretary') : t('member')], (tr, c) => {
    tr.dataset.caseId = c.caseId;
    tr.addEventListener('click', () => { $('hearing-case').value = c.caseId; openMeeting(c.caseId); });
  });
  $('my-cases-prev').disabled = myOffset === 0;
  $('my-cases-next').disabled = myCases.length < PAGE;
  $('hearing').hidden = !meeting;
  if (meeting) {
    $('hearing-chair').textContent = meeting.chair;
    $('hearing-secretary').textContent = meeting.secretary;
    $('hearing-questions-count').textContent = meeting.questions.length + ' / ' + meeting.maxQuestions;
    const present = new Set(meeting.present.map((a) => a.username));
    const votes = {};
    meeting.votes.forEach((v) => { votes[v.username] = v.decision; });
    const lost = new Set(meeting.withoutAccount);
    rows($('hearing-members'), meeting.members, (m) => [m + (lost.has(m) ? ' — ' + t('withoutAccount') : ''),
      present.has(m) ? t('yes') : '', votes[m] ? t('decision.' + votes[m]) : ''], (tr, m) => { tr.dataset.member = m; });
    const list = $('hearing-question-list');
    list.textContent = '';
    meeting.questions.forEach((q) => {
      const li = document.createElement('li');
      li.textContent = q.askedBy + ': ' + q.question;
      list.appendChild(li);
    });
  }
  rows($('observers'), observers, (o) => [o.fullName, t('capacity.' + o.capacity), L.time(o.appliedAt),
    o.status === 'ADMITTED' ? t('admittedSeat').replace('{seat}', o.seat) : t('refused'),
    o.refusal ? t('refusal.' + o.refusal) : ''], (tr, o) => { tr.dataset.observerId = o.id; tr.dataset.status = o.status; });
  $('observers-prev').disabled = observerOffset === 0;
  $('observers-next').disabled = observers.length < PAGE;
  rows($('appeals'), appeals, (a) => [a.id, a.filedOn, a.grounds, a.outcome ? t('appealOutcome.' + a.outcome) : t('pending'),
    a.decidedOn, a.reason], (tr, a) => { tr.dataset.appealId = a.id; });
  ['observer-commission', 'appeal-commission', 'cancel-commission'].forEach((id) => {
    const select = $(id);
    const chosen = select.value;
    select.textContent = '';
    commissions.forEach((c) => {
      const o = document.createElement('option');
      o.value = c.id;
      o.textContent = c.name;
      select.appendChild(o);
    });
    if (chosen) select.value = chosen;
  });
}

async function guard(errorEl, savedEl, f) {
  L.showError($(errorEl), null);
  if (savedEl) $(savedEl).textContent = '';
  try { await f(); if (savedEl) $(savedEl).textContent = t('saved'); } catch (e) { L.showError($(errorEl), e); }
  draw();
}

async function loadMyCases() {
  myCases = await L.api('GET', API + '/commissions/mine/cases?limit=' + PAGE + '&offset=' + myOffset);
}

async function openMeeting(caseId) {
  await guard('meeting-error', null, async () => { meeting = await L.api('GET', API + '/cases/' + caseId + '/meeting'); });
}

async function loadObservers() {
  observers = await L.api('GET', API + '/commissions/' + $('observer-commission').value + '/meetings/'
    + $('observer-meeting').value + '/observers?limit=' + PAGE + '&offset=' + observerOffset);
}

async function loadAppeals() {
  appeals = await L.api('GET', API + '/cases/' + $('appeal-case').value + '/appeals');
}

const caseApi = () => API + '/cases/' + meeting.caseId;
const submit = (id, f) => $(id).addEventListener('submit', (ev) => { ev.preventDefault(); f(); });

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  submit('hearing-load', () => openMeeting($('hearing-case').value));
  $('my-cases-prev').addEventListener('click', () => guard('meeting-error', null, async () => {
    myOffset = Math.max(0, myOffset - PAGE); await loadMyCases(); }));
  $('my-cases-next').addEventListener('click', () => guard('meeting-error', null, async () => {
    myOffset += PAGE; await loadMyCases(); }));
  submit('attendance-form', () => guard('meeting-error', 'meeting-saved', async () => {
    const present = $('attendance-present').value.split(/[\s,;]+/).filter(Boolean);
    meeting = await L.api('POST', caseApi() + '/attendance', { present });
  }));
  submit('question-form', () => guard('meeting-error', 'meeting-saved', async () => {
    meeting = await L.api('POST', caseApi() + '/questions', { askedBy: $('question-by').value.trim(),
      question: $('question-text').value });
    $('question-text').value = '';
  }));
  submit('vote-form', () => guard('meeting-error', 'meeting-saved', async () => {
    meeting = await L.api('POST', caseApi() + '/votes', { decision: $('vote-decision').value });
  }));
  submit('decision-form', () => guard('meeting-error', 'meeting-saved', async () => {
    await L.api('POST', caseApi() + '/decision', { note: $('decision-note').value || null });
    meeting = await L.api('GET', caseApi() + '/meeting');
    await loadMyCases();
  }));
  submit('observers-load', () => guard('observer-error', null, async () => { observerOffset = 0; await loadObservers(); }));
  $('observers-prev').addEventListener('click', () => guard('observer-error', null, async () => {
    observerOffset = Math.max(0, observerOffset - PAGE); await loadObservers(); }));
  $('observers-next').addEventListener('click', () => guard('observer-error', null, async () => {
    observerOffset += PAGE; await loadObservers(); }));
  submit('observer-form', () => guard('observer-error', 'observer-saved', async () => {
    try {
      await L.api('POST', API + '/commissions/' + $('observer-commission').value + '/meetings/'
        + $('observer-meeting').value + '/observers', { fullName: $('observer-name').value,
        identityDocument: $('observer-document').value, capacity: $('observer-capacity').value,
        organisation: $('observer-organisation').value || null, formerSubordinate: $('observer-former').checked });
    } finally {
      // A refused application is kept too: the list shows it with its reason either way.
      await loadObservers().catch(() => {});
    }
  }));
  submit('appeals-load', () => guard('appeal-error', null, loadAppeals));
  submit('appeal-form', () => guard('appeal-error', 'appeal-saved', async () => {
    await L.api('POST', API + '/cases/' + $('appeal-case').value + '/appeals', { grounds: $('appeal-grounds').value,
      filedOn: $('appeal-filed').value || null });
    await loadAppeals();
  }));
  submit('appeal-decision-form', () => guard('appeal-error', 'appeal-saved', async () => {
    await L.api('POST', API + '/appeals/' + $('appeal-decision-id').value + '/decision', {
      outcome: $('appeal-outcome').value, commissionId: Number($('appeal-commission').value),
      reason: $('appeal-reason').value || null });
    await loadAppeals();
  }));
  submit('cancel-form', () => guard('appeal-error', 'appeal-saved', async () => {
    await L.api('POST', API + '/cases/' + $('appeal-case').value + '/cancellation', {
      commissionId: Number($('cancel-commission').value), reason: $('cancel-reason').value });
    await loadAppeals();
  }));
  submit('account-form', () => guard('account-error', null, async () => {
    const a = await L.api('PUT', API + '/employees/' + $('account-employee').value + '/account',
      { username: $('account-username').value.trim() || null });
    $('account-state').textContent = a.username ? t('linkedTo').replace('{who}', a.username) : t('notLinked');
  }));
  await guard('meeting-error', null, async () => {
    commissions = await L.api('GET', API + '/commissions');
    await loadMyCases();
  });
});
