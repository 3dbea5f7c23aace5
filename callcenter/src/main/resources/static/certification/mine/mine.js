// The employee's own certification file, read only: when they are due and why, each case with its
// stages, the service profile (which they acknowledge here under their own sign-in, agreeing or
// not), the decision and the certification sheet they sign within its working days. The server
// finds the file by the signed-in account; nobody else's is reachable. Texts: certification.* keys.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const API = '/api/v1/certification/me';
const PAGE = 10;
let lang = 'ru';
let file = null;
let offset = 0;
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  Object.entries(attrs || {}).forEach(([k, v]) => { e.setAttribute(k, v); });
  return e;
}

function entryText(e) {
  if (e.stage === 'DECISION') return t('pdf.decision.' + e.result);
  return t('pdf.result.' + e.result) + (e.score != null ? ' (' + e.score + ')' : '');
}

function profileBlock(box, c) {
  const p = c.profile;
  if (!p || !p.signedAt) {
    box.appendChild(el('p', t('mine.noProfile'), { 'data-part': 'profile' }));
    return;
  }
  const dl = el('dl', null, { 'data-part': 'profile' });
  Object.keys(p.sections).forEach((s) => {
    dl.appendChild(el('dt', t('section.' + s)));
    dl.appendChild(el('dd', p.sections[s]));
  });
  box.appendChild(el('h4', t('profileTitle')));
  box.appendChild(dl);
  const ack = p.acknowledgement;
  if (ack) {
    box.appendChild(el('p', t('acknowledgedOn').replace('{on}', ack.acknowledgedOn)
      + (ack.disagrees ? ' — ' + t('disagrees') + ': ' + ack.disagreement : ''), { 'data-part': 'acknowledgement' }));
    return;
  }
  const form = el('form', null, { 'data-part': 'ack-form' });
  const disagrees = el('input', null, { type: 'checkbox', 'data-field': 'disagrees' });
  const label = el('label');
  label.appendChild(disagrees);
  label.appendChild(el('span', ' ' + t('disagrees')));
  const reason = el('textarea', null, { maxlength: '4000', 'data-field': 'disagreement', placeholder: t('disagreement') });
  const added = el('textarea', null, { maxlength: '4000', 'data-field': 'added', placeholder: t('addedInformation') });
  const button = el('button', t('acknowledge'), { type: 'submit', 'data-action': 'acknowledge' });
  [label, reason, added, button].forEach((x) => form.appendChild(x));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(() => L.api('POST', API + '/cases/' + c.certificationCase.id + '/profile/acknowledgement', {
      disagrees: disagrees.checked, disagreement: reason.value, addedInformation: added.value }));
  });
  box.appendChild(form);
}

function sheetBlock(box, c) {
  const k = c.certificationCase;
  if (!k.decidedOn) return;
  if (c.sheet) {
    box.appendChild(el('p', t('mine.sheetSigned').replace('{on}', c.sheet.signedOn)
      + (c.sheet.late ? ' — ' + t('mine.late') : ''), { 'data-part': 'sheet' }));
    return;
  }
  box.appendChild(el('p', t('mine.signSheetBy').replace('{by}', c.sheetSignBy), { 'data-part': 'sheet' }));
  const b = el('button', t('mine.signSheet'), { type: 'button', 'data-action': 'sign-sheet' });
  b.addEventListener('click', () => guard(() => L.api('POST', API + '/cases/' + k.id + '/sheet/signature')));
  box.appendChild(b);
}

// The papers of the case as PDFs in Russian and Kazakh: the profile once signed, the rest once decided.
function documents(box, k) {
  const kinds = k.decidedOn ? ['profile', 'voting-list', 'minutes', 'sheet'] : ['profile'];
  const p = el('p', t('documents') + ': ', { 'data-part': 'documents' });
  kinds.forEach((kind) => ['ru', 'kk'].forEach((l) => {
    p.appendChild(el('a', t('doc.' + kind) + ' (' + l.toUpperCase() + ')', { target: '_blank',
      href: API + '/cases/' + k.id + '/documents/' + kind + '.pdf?lang=' + l, 'data-document': kind + '-' + l }));
    p.appendChild(document.createTextNode(' '));
  }));
  box.appendChild(p);
}

function draw() {
  $('file').hidden = !file;
  if (!file) return;
  const e = file.employee;
  $('employee-name').textContent = e.fullName;
  $('employee-no').textContent = e.personnelNo;
  $('due-status').textContent = t('dueStatus.' + e.dueStatus);
  $('due-on').textContent = e.dueOn || '—';
  $('latest-on').textContent = e.latestOn || '—';
  $('due-reason').textContent = e.dueReason ? t('dueReason.' + e.dueReason) : '—';
  const box = $('cases');
  box.textContent = '';
  file.cases.forEach((c) => {
    const k = c.certificationCase;
    const part = el('article', null, { 'data-case-id': k.id });
    part.appendChild(el('h4', t('caseNo') + ' ' + k.id + (k.meetingOn ? ' — ' + t('meetingOn') + ' ' + k.meetingOn : '')));
    const stages = el('ul', null, { 'data-part': 'stages' });
    c.entries.forEach((x) => stages.appendChild(el('li', t('mine.stage.' + x.stage) + ': ' + entryText(x))));
    part.appendChild(stages);
    if (k.cancelledOn) part.appendChild(el('p', t('mine.cancelled').replace('{on}', k.cancelledOn)));
    profileBlock(part, c);
    sheetBlock(part, c);
    documents(part, k);
    box.appendChild(part);
  });
  $('cases-prev').disabled = offset === 0;
  $('cases-next').disabled = file.cases.length < PAGE;
}

async function load() {
  try {
    file = await L.api('GET', API + '?limit=' + PAGE + '&offset=' + offset);
  } catch (e) {
    file = null;
    throw e;
  }
}

async function guard(f) {
  L.showError($('error'), null);
  $('saved').textContent = '';
  try {
    const changed = await f();
    await load();
    if (changed) $('saved').textContent = t('saved');
  } catch (e) { L.showError($('error'), e); }
  draw();
}

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  $('cases-prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); guard(() => null); });
  $('cases-next').addEventListener('click', () => { offset += PAGE; guard(() => null); });
  await guard(() => null);
});
