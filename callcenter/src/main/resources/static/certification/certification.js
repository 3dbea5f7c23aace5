// The certification page: the due list and a stage result (the meeting and its vote: hearing.js).
// Every text is a certification.* key of the one message bundle (ru, kk, en).
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
let rows = [];
let lang = 'ru';
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;

function draw() {
  const body = $('due');
  body.textContent = '';
  rows.forEach((e) => {
    const tr = document.createElement('tr');
    tr.dataset.employeeId = e.id;
    [e.personnelNo, e.fullName, t(e.dueStatus), e.dueOn, e.latestOn].forEach((v) => {
      const td = document.createElement('td');
      td.textContent = v == null ? '' : v;
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
}

async function guard(f) {
  $('error').textContent = '';
  try { await f(); $('saved').textContent = t('saved'); } catch (e) { $('error').textContent = e.message; }
}

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = document.documentElement.lang;
  $('stage-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const score = $('stage-score').value;
    guard(() => L.api('POST', '/api/v1/certification/cases/' + $('stage-case').value + '/stages',
      { stage: $('stage-name').value, result: $('stage-result').value, score: score === '' ? null : Number(score) }));
  });
  try { rows = await L.api('GET', '/api/v1/certification/due?days=30&limit=500'); draw(); }
  catch (e) { $('error').textContent = e.message; }
});
