'use strict';
// The duty officer's daily operational report: every registered card of a watch with its
// outcome, the totals, links to the PDF and CSV, and the sign-off that freezes it.

const TEXT = {
  ru: {
    title: 'Линия 102 — суточная оперативная сводка', logout: 'Выйти из системы',
    watchOf: 'Дежурные сутки, начавшиеся', open: 'Показать', watch: 'Дежурные сутки', pdf: 'Сводка в PDF',
    csv: 'Сводка в CSV (Excel)', signOff: 'Подписать сводку', no: '№', kui: 'Номер КУИ',
    registeredAt: 'Зарегистрировано', type: 'Вид', priority: 'Приоритет', address: 'Адрес', caller: 'Заявитель',
    status: 'Состояние', result: 'Результат', units: 'Наряды', repeats: 'Повторные',
    noLines: 'За эти сутки зарегистрированных карточек нет', totals: 'Итоги',
    repeatAddresses: 'Повторные обращения', addenda: 'Изменения после подписания (не входят в подписанную сводку)',
    stateOpen: 'Не подписана', stateRunning: 'Не подписана: сутки ещё идут', signedBy: 'Подписана: ',
    confirm: 'Подписать сводку? После подписания карточки этих суток изменить нельзя.',
    cards: 'Всего карточек', repeatCalls: 'Повторных обращений', none: 'нет', sceneUnknown: 'место неизвестно',
    CRIMINAL_OFFENCE: 'Уголовное правонарушение', ADMINISTRATIVE_OFFENCE: 'Административное правонарушение',
    INCIDENT: 'Происшествие', OTHER: 'Прочее', REGISTERED: 'зарегистрирована', DISPATCHED: 'наряд направлен',
    ARRIVED: 'наряд на месте', WORKED_OFF: 'отработана', CLOSED: 'закрыта'
  },
  kk: {
    title: '102 желісі — тәуліктік жедел жиынтық', logout: 'Жүйеден шығу',
    watchOf: 'Басталған кезекшілік тәулігі', open: 'Көрсету', watch: 'Кезекшілік тәулігі', pdf: 'Жиынтық PDF',
    csv: 'Жиынтық CSV (Excel)', signOff: 'Жиынтыққа қол қою', no: '№', kui: 'КУИ нөмірі',
    registeredAt: 'Тіркелді', type: 'Түрі', priority: 'Басымдық', address: 'Мекенжай', caller: 'Өтініш беруші',
    status: 'Күйі', result: 'Нәтиже', units: 'Жасақтар', repeats: 'Қайталама',
    noLines: 'Бұл тәулікте тіркелген карточка жоқ', totals: 'Қорытынды',
    repeatAddresses: 'Қайталама өтініштер', addenda: 'Қол қойылғаннан кейінгі өзгерістер (қол қойылған жиынтыққа кірмейді)',
    stateOpen: 'Қол қойылмаған', stateRunning: 'Қол қойылмаған: тәулік әлі жүріп жатыр', signedBy: 'Қол қойылған: ',
    confirm: 'Жиынтыққа қол қоясыз ба? Қол қойылғаннан кейін осы тәуліктің карточкаларын өзгертуге болмайды.',
    cards: 'Барлық карточкалар', repeatCalls: 'Қайталама өтініштер', none: 'жоқ', sceneUnknown: 'орны белгісіз',
    CRIMINAL_OFFENCE: 'Қылмыстық құқық бұзушылық', ADMINISTRATIVE_OFFENCE: 'Әкімшілік құқық бұзушылық',
    INCIDENT: 'Оқиға', OTHER: 'Басқа', REGISTERED: 'тіркелді', DISPATCHED: 'жасақ жіберілді',
    ARRIVED: 'жасақ орнында', WORKED_OFF: 'пысықталды', CLOSED: 'жабылды'
  },
  en: {
    title: 'Line 102 — daily operational report', logout: 'Sign out',
    watchOf: 'Watch starting on', open: 'Show', watch: 'Watch', pdf: 'Report as PDF',
    csv: 'Report as CSV (Excel)', signOff: 'Sign the report off', no: 'No.', kui: 'KUI number',
    registeredAt: 'Registered', type: 'Type', priority: 'Priority', address: 'Address', caller: 'Caller',
    status: 'State', result: 'Result', units: 'Units', repeats: 'Repeat calls',
    noLines: 'No card was registered in this watch', totals: 'Totals',
    repeatAddresses: 'Repeat calls', addenda: 'Changes after the sign-off (not part of the signed report)',
    stateOpen: 'Not signed', stateRunning: 'Not signed: the watch is still running', signedBy: 'Signed: ',
    confirm: 'Sign the report off? The cards of this watch can no longer be changed afterwards.',
    cards: 'Cards', repeatCalls: 'Repeat calls', none: 'none', sceneUnknown: 'scene unknown',
    CRIMINAL_OFFENCE: 'Criminal offence', ADMINISTRATIVE_OFFENCE: 'Administrative offence',
    INCIDENT: 'Incident', OTHER: 'Other', REGISTERED: 'registered', DISPATCHED: 'units sent',
    ARRIVED: 'units on scene', WORKED_OFF: 'worked off', CLOSED: 'closed'
  }
};

const L = window.Line102;
const $ = L.$;
const t = L.t;
let report = null;

function showError(e) {
  $('error').textContent = e ? e.message : '';
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

document.addEventListener('DOMContentLoaded', () => {
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
