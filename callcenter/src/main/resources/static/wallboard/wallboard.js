'use strict';
// The supervisors' wallboard: every queue (calls waiting, longest wait, members) and every
// operator's state and since when, read every two seconds from the live copies all nodes share.

const TEXT = {
  ru: { title: 'Линия 102 — табло дежурного', logout: 'Выйти из системы', queues: 'Очереди', queue: 'Очередь',
    waiting: 'Ждут', longest: 'Дольше всех, с', members: 'Операторов', available: 'Свободны',
    serviceLevel: 'Уровень обслуживания за сутки', answered: 'Принято', abandoned: 'Потеряно', pbxAt: 'Данные АТС на', operators: 'Операторы', operator: 'Оператор',
    state: 'Состояние', reason: 'Причина', since: 'С', for: 'Длительность', workstation: 'Рабочее место',
    'state.offline': 'не в очереди', 'state.ready': 'готов', 'state.paused': 'пауза', 'state.wrap-up': 'поствызов',
    break: 'перерыв', meal: 'приём пищи', training: 'обучение', technical: 'техническая', 'wrap-up': 'поствызов',
    'no-queue': 'нет очереди', 'not-in-pbx': 'нет в АТС', 'signed-out': 'вышел', moved: 'пересел',
    disabled: 'место отключено', 'not-signed-in': 'не на месте' },
  kk: { title: '102 желісі — кезекшінің таблосы', logout: 'Жүйеден шығу', queues: 'Кезектер', queue: 'Кезек',
    waiting: 'Күтуде', longest: 'Ең ұзақ күту, с', members: 'Операторлар', available: 'Бос',
    serviceLevel: 'Тәуліктегі қызмет көрсету деңгейі', answered: 'Қабылданды', abandoned: 'Жоғалған', pbxAt: 'АТС деректері', operators: 'Операторлар', operator: 'Оператор',
    state: 'Күйі', reason: 'Себебі', since: 'Бастап', for: 'Ұзақтығы', workstation: 'Жұмыс орны',
    'state.offline': 'кезекте емес', 'state.ready': 'дайын', 'state.paused': 'үзіліс',
    'state.wrap-up': 'қоңыраудан кейін', break: 'демалыс', meal: 'тамақтану', training: 'оқу',
    technical: 'техникалық', 'wrap-up': 'қоңыраудан кейін', 'no-queue': 'кезек жоқ', 'not-in-pbx': 'АТС-та жоқ',
    'signed-out': 'шықты', moved: 'ауысты', disabled: 'орын өшірілді', 'not-signed-in': 'орнында жоқ' },
  en: { title: 'Line 102 — supervisor wallboard', logout: 'Sign out', queues: 'Queues', queue: 'Queue',
    waiting: 'Waiting', longest: 'Longest wait, s', members: 'Operators', available: 'Available',
    serviceLevel: 'Service level this watch', answered: 'Answered', abandoned: 'Abandoned', pbxAt: 'PBX figures at', operators: 'Operators', operator: 'Operator',
    state: 'State', reason: 'Reason', since: 'Since', for: 'For', workstation: 'Workstation',
    'state.offline': 'not in a queue', 'state.ready': 'ready', 'state.paused': 'paused', 'state.wrap-up': 'wrap-up',
    break: 'break', meal: 'meal', training: 'training', technical: 'technical', 'wrap-up': 'wrap-up',
    'no-queue': 'no queue', 'not-in-pbx': 'not in the PBX', 'signed-out': 'signed out', moved: 'moved',
    disabled: 'desk disabled', 'not-signed-in': 'not at a desk' }
};

let lang = localStorage.getItem('line102.lang') || 'ru';
let live = null;
let operators = [];
const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;

async function get(path) {
  const r = await fetch(path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const json = await r.json();
  if (!r.ok) throw new Error(json.detail || r.statusText);
  return json;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function duration(since) {
  const s = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  const h = Math.floor(s / 3600);
  const m = String(Math.floor(s / 60) % 60).padStart(2, '0');
  return (h > 0 ? h + ':' : '') + m + ':' + String(s % 60).padStart(2, '0');
}

function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');
  const qBody = $('queues').querySelector('tbody');
  qBody.replaceChildren();
  ((live && live.queues) || []).forEach((q) => {
    const tr = document.createElement('tr');
    tr.dataset.queue = q.name;
    cell(tr, q.name);
    cell(tr, String(q.waiting), q.waiting > 0 ? 'busy' : '');
    cell(tr, String(q.longestWaitSeconds), q.longestWaitSeconds >= q.serviceLevelSeconds ? 'busy' : '');
    cell(tr, String(q.members.length));
    cell(tr, String(q.members.filter((m) => !m.paused && !m.inCall).length));
    // The watch's service level by the statistics' definition (docs/statistics.md), never above 100 %.
    cell(tr, q.serviceLevel == null ? '—' : q.serviceLevel.toFixed(1) + ' % / ' + q.serviceLevelSeconds + ' s');
    cell(tr, String(q.answered));
    cell(tr, String(q.abandoned));
    qBody.appendChild(tr);
  });
  $('pbx-at').textContent = live && live.statusAt ? new Date(live.statusAt).toLocaleTimeString(lang) : '—';
  const oBody = $('operators').querySelector('tbody');
  oBody.replaceChildren();
  operators.filter((o) => o.workstation || o.state !== 'offline').forEach((o) => {
    const tr = document.createElement('tr');
    tr.dataset.operator = o.username;
    cell(tr, o.displayName || o.username);
    const st = cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'state ' + o.state;
    badge.textContent = t('state.' + o.state);
    st.appendChild(badge);
    cell(tr, o.reason ? t(o.reason) : '');
    cell(tr, new Date(o.since).toLocaleTimeString(lang));
    cell(tr, duration(o.since));
    cell(tr, o.workstation || '');
    cell(tr, (o.queues || []).join(', '));
    oBody.appendChild(tr);
  });
}

async function refresh() {
  try {
    [live, operators] = await Promise.all([get('/api/v1/queues/live'), get('/api/v1/operators/states')]);
    $('error').textContent = '';
  } catch (e) {
    $('error').textContent = e.message;
  }
  render();
}

document.addEventListener('DOMContentLoaded', async () => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    render();
  }));
  try {
    const s = await get('/api/v1/session');
    $('who').textContent = s.username;
    $('logout-csrf').value = s.csrfToken || '';
  } catch (e) {
    $('error').textContent = e.message;
  }
  render();
  refresh();
  setInterval(refresh, 2000);
});
