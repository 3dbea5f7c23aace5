'use strict';
// The certification page: the due list, a stage result and the commission's decision.
// Every text is here, in ru, kk and en (until the shared bundle of the new shell).
(function () {
  const L = window.Line102;
  const texts = {
    ru: { title: 'Линия 102 — аттестация сотрудников', logout: 'Выйти', dueList: 'Подлежат аттестации в ближайшие 30 дней и просроченные',
      personnelNo: 'Табельный номер', fullName: 'ФИО', status: 'Статус', dueOn: 'Срок с', latestOn: 'Срок по',
      stageTitle: 'Результат этапа', caseNo: 'Аттестация №', result: 'Результат', score: 'Баллы', save: 'Записать',
      decisionTitle: 'Решение комиссии', votes: 'член=РЕШЕНИЕ, по одному в строке', decide: 'Принять решение',
      saved: 'Записано', UPCOMING: 'предстоит', DUE: 'подлежит', OVERDUE: 'просрочена' },
    kk: { title: '102 желісі — қызметкерлерді аттестаттау', logout: 'Шығу', dueList: 'Алдағы 30 күнде аттестатталуға жататындар және мерзімі өткендер',
      personnelNo: 'Табель нөмірі', fullName: 'Аты-жөні', status: 'Мәртебесі', dueOn: 'Мерзімі басталуы', latestOn: 'Мерзімі аяқталуы',
      stageTitle: 'Кезең нәтижесі', caseNo: 'Аттестаттау №', result: 'Нәтиже', score: 'Ұпай', save: 'Жазу',
      decisionTitle: 'Комиссия шешімі', votes: 'мүше=ШЕШІМ, әр жолда біреуден', decide: 'Шешім қабылдау',
      saved: 'Жазылды', UPCOMING: 'алдағы', DUE: 'жатады', OVERDUE: 'мерзімі өткен' },
    en: { title: 'Line 102 — certification of employees', logout: 'Sign out', dueList: 'Due within 30 days and overdue',
      personnelNo: 'Personnel no.', fullName: 'Full name', status: 'Status', dueOn: 'Due from', latestOn: 'Due by',
      stageTitle: 'Stage result', caseNo: 'Certification no.', result: 'Result', score: 'Score', save: 'Record',
      decisionTitle: 'Commission decision', votes: 'member=DECISION, one per line', decide: 'Decide',
      saved: 'Recorded', UPCOMING: 'upcoming', DUE: 'due', OVERDUE: 'overdue' },
  };
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

  document.addEventListener('DOMContentLoaded', async () => {
    await L.start(texts, (l) => { lang = l; draw(); });
    lang = document.documentElement.lang;
    $('stage-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const score = $('stage-score').value;
      guard(() => L.api('POST', '/api/v1/certification/cases/' + $('stage-case').value + '/stages',
        { stage: $('stage-name').value, result: $('stage-result').value, score: score === '' ? null : Number(score) }));
    });
    $('decision-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const votes = {};
      $('decision-votes').value.split('\n').map((l) => l.trim()).filter(Boolean).forEach((l) => {
        const [who, d] = l.split('=');
        votes[who.trim()] = (d || '').trim();
      });
      guard(() => L.api('POST', '/api/v1/certification/cases/' + $('decision-case').value + '/decision',
        { present: Object.keys(votes), votes }));
    });
    try { rows = await L.api('GET', '/api/v1/certification/due?days=30&limit=500'); draw(); }
    catch (e) { $('error').textContent = e.message; }
  });
})();
