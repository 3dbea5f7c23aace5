// IT staff's page: the routing rules and the queue configuration, each edited as a form (or as JSON),
// checked, saved as a new version (against the version loaded: a stale edit is refused),
// restored from history; the dry run says where a number would go now.
import * as L from '/common/page.js';
import { Forms, blockOf, placeServerErrors, queueBlock, queueErrors, queueSelect, readQueue, readRule, ruleBlock,
  ruleErrors, showErrors } from '/routing/forms.js';

const TEXT = L.texts('routing');

let lang = localStorage.getItem('line102.lang') || 'ru';
let csrf = null;
const base = { rules: null, queues: null };
const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;
const state = { rules: { defaultQueue: '', defaultPriority: 0, rules: [] }, queues: { queues: [] },
  rulesErrors: {}, queuesErrors: {} };

// The form is what is validated and saved; the JSON text follows it and can be loaded back into it.
function readRulesForm() {
  return { defaultQueue: $('rules-default-queue').value, defaultPriority: Number($('rules-default-priority').value || 0),
    rules: [...$('rules-list').children].map((b, i) => readRule(b, i)) };
}

function readQueuesForm() {
  return { queues: [...$('queues-list').children].map((b, i) => readQueue(b, i)) };
}

function renderRules(set) {
  state.rules = set;
  const dq = $('rules-default-queue');
  dq.replaceChildren(...queueSelect(set.defaultQueue, false).children);
  dq.value = set.defaultQueue || '';
  $('rules-default-priority').value = set.defaultPriority ?? 0;
  const rules = set.rules || [];
  const move = (i, d) => () => {
    const now = readRulesForm();
    const [r] = now.rules.splice(i, 1);
    now.rules.splice(i + d, 0, r);
    renderRules(now);
  };
  $('rules-list').replaceChildren(...rules.map((r, i) => ruleBlock(r, i, rules.length, {
    up: move(i, -1), down: move(i, 1),
    remove: () => { const now = readRulesForm(); now.rules.splice(i, 1); renderRules(now); },
  })));
  state.rulesErrors = {};
  showErrors($('rules-form'), state.rulesErrors);
  $('rules-json').value = JSON.stringify(set, null, 2);
}

function renderQueues(config) {
  state.queues = config;
  const queues = config.queues || [];
  $('queues-list').replaceChildren(...queues.map((q, i) => queueBlock(q, i, {
    remove: () => { const now = readQueuesForm(); now.queues.splice(i, 1); renderQueues(now); },
  })));
  state.queuesErrors = {};
  showErrors($('queues-form'), state.queuesErrors);
  $('queues-json').value = JSON.stringify(config, null, 2);
}

// Checks the form where it can before the server does; false when a field is wrong.
function formRules(listId) {
  const set = readRulesForm();
  state.rulesErrors = ruleErrors(set);
  showErrors($('rules-form'), state.rulesErrors);
  $('rules-json').value = JSON.stringify(set, null, 2);
  if (Object.keys(state.rulesErrors).length) {
    show(listId, [['violation', t('fieldErrors')]]);
    return null;
  }
  return set;
}

function formQueues(listId) {
  const config = readQueuesForm();
  state.queuesErrors = queueErrors(config);
  showErrors($('queues-form'), state.queuesErrors);
  $('queues-json').value = JSON.stringify(config, null, 2);
  if (Object.keys(state.queuesErrors).length) {
    show(listId, [['violation', t('fieldErrors')]]);
    return null;
  }
  return config;
}

async function api(method, path, body, raw) {
  const headers = { 'Accept': raw ? 'text/plain' : 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers[csrf.header] = csrf.token;
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const text = await r.text();
  if (raw && r.ok) return text;
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const e = new Error((json && json.code ? L.problemText(json) : json && json.detail) || r.statusText);
    e.problem = json && json.code ? json : null;
    e.errors = (json && json.errors) || [];
    throw e;
  }
  return json;
}

// Each item is [class, text] or [class, () => text]: a function is called again in each new language.
function show(listId, items) {
  const list = $(listId);
  list.replaceChildren();
  items.forEach(([cls, text]) => {
    const li = document.createElement('li');
    li.className = cls;
    if (typeof text === 'function') li.line102Text = text;
    li.textContent = typeof text === 'function' ? text() : text;
    list.appendChild(li);
  });
}

function retranslateLists() {
  document.querySelectorAll('li').forEach((li) => { if (li.line102Text) li.textContent = li.line102Text(); });
}

// The server's field problems (or warnings) as list items in the current language, each with the
// block it belongs to (#3) when the form has no field of its own for it.
const problemItems = (cls, problems, prefix) => problems.map((p) => [cls, () =>
  (prefix ? t(prefix) + ': ' : '') + (blockOf(p.field) ? blockOf(p.field) + ' ' : '') + L.fieldText(p)]);

// The server's errors at their fields; what has no field of its own is listed too.
function serverErrors(which, listId, problems, extra) {
  const form = which === 'rules' ? $('rules-form') : $('queues-form');
  const placed = placeServerErrors(form, problems);
  state[which + 'Errors'] = placed.errors;
  showErrors(form, placed.errors);
  show(listId, [['violation', () => t('fieldErrors')]].concat(problemItems('violation', placed.unplaced))
    .concat(extra || []));
}

function parse(textareaId, listId) {
  try {
    return JSON.parse($(textareaId).value);
  } catch (e) {
    show(listId, [['violation', t('badJson') + ': ' + e.message]]);
    return null;
  }
}

// A refused setting: each error at its field (and listed when the form has no field for it); any
// other problem by its message, in the current language. A refused restore names the fields of the
// old version, not of the form: its errors are only listed.
function failed(listId, e, notTheForm) {
  if (notTheForm && e.errors && e.errors.length) {
    show(listId, problemItems('violation', e.errors));
    return;
  }
  if (e.errors && e.errors.length && e.errors[0].code) {
    serverErrors(listId === 'rules-result' ? 'rules' : 'queues', listId, e.errors);
    return;
  }
  show(listId, [['violation', e.problem ? () => L.problemText(e.problem) : e.message]]);
}

function versionsTable(tableId, versions, onRestore) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren();
  versions.forEach((v) => {
    const tr = document.createElement('tr');
    [String(v.version), L.time(v.createdAt), v.createdBy,
      (v.comment ? v.comment + ': ' : '') + (v.changes || []).join('; ')].forEach((text) => {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    const td = document.createElement('td');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.t = 'restore';
    b.dataset.version = v.version;
    b.textContent = t('restore');
    b.addEventListener('click', () => onRestore(v.version));
    td.appendChild(b);
    tr.appendChild(td);
    body.appendChild(tr);
  });
}

async function loadRules() {
  const current = await api('GET', '/api/v1/routing/rules');
  base.rules = current.version;
  $('rules-version').textContent = current.version;
  renderRules(current.ruleSet);
  versionsTable('rules-versions', await api('GET', '/api/v1/routing/versions?limit=20'), async (n) => {
    try {
      const v = await api('POST', '/api/v1/routing/versions/' + n + '/restore');
      await loadRules();
      show('rules-result', [['ok', t('saved') + ' ' + v.version]]);
    } catch (e) { failed('rules-result', e, true); }
  });
}

async function validateRules() {
  const set = formRules('rules-result');
  if (!set) return;
  try {
    const r = await api('POST', '/api/v1/routing/validate', set);
    if (r.errors.length) serverErrors('rules', 'rules-result', r.errors);
    else show('rules-result', [['ok', () => t('valid')]].concat(problemItems('warning', r.warnings, 'warning')));
  } catch (e) { failed('rules-result', e); }
}

async function saveRules() {
  const set = formRules('rules-result');
  if (!set) return;
  try {
    const v = await api('PUT', '/api/v1/routing/rules', { ruleSet: set, comment: $('rules-comment').value,
      baseVersion: base.rules });
    await loadRules();
    show('rules-result', [['ok', () => t('saved') + ' ' + v.version]].concat(
      problemItems('warning', v.warnings || [], 'warning')));
  } catch (e) { failed('rules-result', e); }
}

async function dryRun() {
  const q = new URLSearchParams({ number: $('dry-number').value });
  if ($('dry-language').value.trim()) q.set('language', $('dry-language').value.trim());
  try {
    const r = await api('GET', '/api/v1/routing/dry-run?' + q);
    $('dry-result').textContent = t('queue') + ' ' + r.queue + ', ' + t('priority') + ' ' + r.priority + ', '
      + (r.rule ? t('rule') + ' ' + r.rule : r.reason);
  } catch (e) { $('dry-result').textContent = e.message; }
}

async function loadQueues() {
  const current = await api('GET', '/api/v1/queues/config');
  base.queues = current.version;
  $('queues-version').textContent = current.version;
  renderQueues(current.config);
  renderRules(readRulesForm());
  $('queues-conf').textContent = await api('GET', '/api/v1/queues/queues.conf', undefined, true);
  versionsTable('queues-versions', await api('GET', '/api/v1/queues/config/versions?limit=20'), async (n) => {
    try {
      const v = await api('POST', '/api/v1/queues/config/versions/' + n + '/restore');
      await loadQueues();
      show('queues-result', [['ok', t('saved') + ' ' + v.version]]);
    } catch (e) { failed('queues-result', e, true); }
  });
}

async function validateQueues() {
  const config = formQueues('queues-result');
  if (!config) return;
  try {
    const r = await api('POST', '/api/v1/queues/config/validate', config);
    if (r.errors.length) serverErrors('queues', 'queues-result', r.errors);
    else show('queues-result', [['ok', () => t('valid')]]);
  } catch (e) { failed('queues-result', e); }
}

async function saveQueues() {
  const config = formQueues('queues-result');
  if (!config) return;
  try {
    const v = await api('PUT', '/api/v1/queues/config', { config, comment: $('queues-comment').value,
      baseVersion: base.queues });
    await loadQueues();
    show('queues-result', [['ok', t('saved') + ' ' + v.version]]);
  } catch (e) { failed('queues-result', e); }
}

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.title = t('title');
  showErrors($('rules-form'), state.rulesErrors);
  showErrors($('queues-form'), state.queuesErrors);
  retranslateLists();
}

function loadJson(textareaId, listId, render) {
  const value = parse(textareaId, listId);
  if (value) {
    render(value);
    show(listId, [['ok', t('jsonLoaded')]]);
  }
}

L.whenReady(async () => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('line102.lang', lang);
    translate();
  }));
  $('rules-validate').addEventListener('click', validateRules);
  $('rules-save').addEventListener('click', saveRules);
  $('rules-reload').addEventListener('click', () => loadRules().catch((e) => failed('rules-result', e)));
  $('dry-run').addEventListener('click', dryRun);
  $('queues-validate').addEventListener('click', validateQueues);
  $('queues-save').addEventListener('click', saveQueues);
  $('rule-add').addEventListener('click', () => {
    const now = readRulesForm();
    now.rules.push({ name: '', when: {}, queue: now.defaultQueue, priority: 0 });
    renderRules(now);
  });
  $('queue-add').addEventListener('click', () => {
    const now = readQueuesForm();
    now.queues.push({ name: '', strategy: 'linear', timeoutSeconds: 15, retrySeconds: 1, wrapUpSeconds: 0,
      serviceLevelSeconds: 20, maxLen: 0, everyOperator: false, members: [] });
    renderQueues(now);
  });
  $('rules-json-load').addEventListener('click', () => loadJson('rules-json', 'rules-result', renderRules));
  $('queues-json-load').addEventListener('click', () => loadJson('queues-json', 'queues-result', renderQueues));
  Forms.t = t;
  Forms.queueNames = () => (state.queues.queues || []).map((q) => q.name).filter((n) => n);
  Forms.onChange = () => {
    $('rules-json').value = JSON.stringify(readRulesForm(), null, 2);
    $('queues-json').value = JSON.stringify(readQueuesForm(), null, 2);
  };
  translate();
  try {
    const s = await api('GET', '/api/v1/session');
    csrf = s.csrfHeader ? { header: s.csrfHeader, token: s.csrfToken } : null;
    $('who').textContent = s.username;
    $('logout-csrf').value = s.csrfToken || '';
    await Promise.all([loadRules(), loadQueues()]);
  } catch (e) {
    show('rules-result', [['violation', e.message]]);
  }
});
