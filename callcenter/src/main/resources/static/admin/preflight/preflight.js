'use strict';
// IT staff's preflight page: every check of the installation (PBX, stores, this node) with
// what it found and what to change. The findings' own words come from the server in the
// page's language (Accept-Language); the page's words are here.

const CHECKS = ['ami-link', 'ami-read-classes', 'ami-actions', 'dialplan-agi', 'dialplan-default-queue',
  'dialplan-default-priority', 'dialplan-recording-dir', 'recording-dir', 'ari-credentials', 'pbx-logs',
  'redis-persistence', 'redis-eviction', 'database-app-role', 'database-pbx-role', 'clock-database',
  'clock-pbx', 'check'];

const TEXT = {
  ru: {
    title: 'Линия 102 — проверка установки', logout: 'Выйти из системы',
    heading: 'Станция, хранилища и этот узел настроены так, как ожидает приложение?',
    explain: 'Каждая строка — одна проверка: что найдено и что изменить. Проверка только читает и ничего не меняет.',
    lastRun: 'Последний запуск', run: 'Проверить снова', running: 'Проверка идёт…',
    check: 'Проверка', result: 'Результат', found: 'Что найдено', fix: 'Что изменить',
    cli: 'То же из командной строки: bin/line102 --preflight (код выхода 1, если есть ошибки).',
    'status.ok': 'норма', 'status.warn': 'предупреждение', 'status.fail': 'ошибка', 'status.skipped': 'пропущена',
    'overall.ok': 'Всё в порядке', 'overall.warn': 'Есть предупреждения', 'overall.fail': 'Есть ошибки',
    'check.ami-link': 'Вход в AMI', 'check.ami-read-classes': 'Классы событий AMI',
    'check.ami-actions': 'Разрешённые действия AMI', 'check.dialplan-agi': 'Адрес FastAGI в плане набора',
    'check.dialplan-default-queue': 'Очередь по умолчанию', 'check.dialplan-default-priority': 'Приоритет по умолчанию',
    'check.dialplan-recording-dir': 'Каталог записей в плане набора', 'check.recording-dir': 'Каталог записей',
    'check.ari-credentials': 'Учётные данные ARI', 'check.pbx-logs': 'Журналы CEL и queue_log',
    'check.redis-persistence': 'Сохранность Redis', 'check.redis-eviction': 'Вытеснение ключей Redis',
    'check.database-app-role': 'Роль приложения в базе', 'check.database-pbx-role': 'Роль станции в базе',
    'check.clock-database': 'Часы базы данных', 'check.clock-pbx': 'Часы станции', 'check.check': 'Сбой проверки'
  },
  kk: {
    title: '102 желісі — орнатуды тексеру', logout: 'Жүйеден шығу',
    heading: 'Станция, қоймалар және осы түйін қолданба күткендей бапталған ба?',
    explain: 'Әр жол — бір тексеру: не табылды және нені өзгерту керек. Тексеру тек оқиды, ештеңені өзгертпейді.',
    lastRun: 'Соңғы іске қосу', run: 'Қайта тексеру', running: 'Тексеру жүріп жатыр…',
    check: 'Тексеру', result: 'Нәтиже', found: 'Не табылды', fix: 'Не өзгерту керек',
    cli: 'Командалық жолдан да болады: bin/line102 --preflight (қате болса, шығу коды 1).',
    'status.ok': 'дұрыс', 'status.warn': 'ескерту', 'status.fail': 'қате', 'status.skipped': 'өткізілді',
    'overall.ok': 'Бәрі дұрыс', 'overall.warn': 'Ескертулер бар', 'overall.fail': 'Қателер бар',
    'check.ami-link': 'AMI жүйесіне кіру', 'check.ami-read-classes': 'AMI оқиға кластары',
    'check.ami-actions': 'Рұқсат етілген AMI әрекеттері', 'check.dialplan-agi': 'Теру жоспарындағы FastAGI мекенжайы',
    'check.dialplan-default-queue': 'Әдепкі кезек', 'check.dialplan-default-priority': 'Әдепкі басымдық',
    'check.dialplan-recording-dir': 'Теру жоспарындағы жазбалар каталогы', 'check.recording-dir': 'Жазбалар каталогы',
    'check.ari-credentials': 'ARI тіркелгі деректері', 'check.pbx-logs': 'CEL және queue_log журналдары',
    'check.redis-persistence': 'Redis сақталуы', 'check.redis-eviction': 'Redis кілттерін ығыстыру',
    'check.database-app-role': 'Дерекқордағы қолданба рөлі', 'check.database-pbx-role': 'Дерекқордағы станция рөлі',
    'check.clock-database': 'Дерекқор сағаты', 'check.clock-pbx': 'Станция сағаты', 'check.check': 'Тексеру ақауы'
  },
  en: {
    title: 'Line 102 — installation preflight', logout: 'Sign out',
    heading: 'Are the PBX, the stores and this node set up as the application expects?',
    explain: 'Each row is one check: what it found and what to change. The preflight only reads; it changes nothing.',
    lastRun: 'Last run', run: 'Run again', running: 'Checking…',
    check: 'Check', result: 'Result', found: 'Found', fix: 'What to change',
    cli: 'The same from the command line: bin/line102 --preflight (exit code 1 when a check fails).',
    'status.ok': 'OK', 'status.warn': 'WARN', 'status.fail': 'FAIL', 'status.skipped': 'SKIPPED',
    'overall.ok': 'All checks passed', 'overall.warn': 'Warnings', 'overall.fail': 'Failures',
    'check.ami-link': 'AMI login', 'check.ami-read-classes': 'AMI event classes',
    'check.ami-actions': 'AMI actions allowed', 'check.dialplan-agi': 'FastAGI address in the dialplan',
    'check.dialplan-default-queue': 'Default queue', 'check.dialplan-default-priority': 'Default priority',
    'check.dialplan-recording-dir': 'Recording directory in the dialplan', 'check.recording-dir': 'Recording directory',
    'check.ari-credentials': 'ARI credentials', 'check.pbx-logs': 'CEL and queue_log',
    'check.redis-persistence': 'Redis persistence', 'check.redis-eviction': 'Redis eviction',
    'check.database-app-role': 'Application database role', 'check.database-pbx-role': 'PBX database role',
    'check.clock-database': 'Database clock', 'check.clock-pbx': 'PBX clock', 'check.check': 'Check failure'
  }
};

const L = window.Line102;
const $ = L.$;
const t = L.t;
let answer = null;
let runs = 0;

function showError(e) {
  $('error').textContent = e ? e.message : '';
}

/** Runs every check now, in the page's language; an answer overtaken by a later run is dropped. */
async function run() {
  const mine = ++runs;
  $('run').disabled = true;
  $('running').hidden = false;
  try {
    const got = await L.api('GET', '/api/v1/admin/preflight', undefined, { 'Accept-Language': L.lang() });
    if (mine !== runs) return;
    answer = got;
    render();
    showError(null);
  } catch (e) {
    if (mine === runs) showError(e);
  } finally {
    if (mine === runs) {
      $('run').disabled = false;
      $('running').hidden = true;
    }
  }
}

function checkName(id) {
  return CHECKS.includes(id) ? t('check.' + id) : id;
}

function render() {
  if (!answer) return;
  const body = $('findings').querySelector('tbody');
  body.replaceChildren();
  answer.findings.forEach((f) => {
    const tr = document.createElement('tr');
    tr.dataset.id = f.id;
    tr.dataset.status = f.status;
    tr.className = 'finding-' + f.status;
    const name = L.cell(tr, checkName(f.id));
    const code = document.createElement('span');
    code.className = 'check-id';
    code.textContent = f.id;
    name.appendChild(code);
    const result = L.cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'status status-' + f.status;
    badge.textContent = t('status.' + f.status);
    result.appendChild(badge);
    L.cell(tr, f.message, 'message');
    L.cell(tr, f.fix || '', 'fix');
    body.appendChild(tr);
  });
  $('overall').textContent = t('overall.' + answer.status);
  $('overall').className = 'status status-' + answer.status;
  $('overall').dataset.status = answer.status;
  $('last-run').textContent = L.time(answer.at);
  $('last-run').dateTime = answer.at;
}

// The findings' words come from the server: another language asks for them again.
function onLanguage() {
  if (answer) {
    render();
    run();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('run').addEventListener('click', run);
  L.start(TEXT, onLanguage).then(run).catch(showError);
});
