'use strict';
// IT staff's page: the routing rules and the queue configuration, each edited as JSON,
// checked, saved as a new version (against the version loaded: a stale edit is refused),
// restored from history; the dry run says where a number would go now.

const TEXT = Line102.texts('routing');

let lang = localStorage.getItem('line102.lang') || 'ru';
let csrf = null;
const base = { rules: null, queues: null };
const $ = (id) => document.getElementById(id);
const t = (key) => (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;

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
    const e = new Error((json && json.detail) || r.statusText);
    e.violations = (json && json.violations) || [];
    throw e;
  }
  return json;
}

function show(listId, items) {
  const list = $(listId);
  list.replaceChildren();
  items.forEach(([cls, text]) => {
    const li = document.createElement('li');
    li.className = cls;
    li.textContent = text;
    list.appendChild(li);
  });
}

function parse(textareaId, listId) {
  try {
    return JSON.parse($(textareaId).value);
  } catch (e) {
    show(listId, [['violation', t('badJson') + ': ' + e.message]]);
    return null;
  }
}

// A refused setting lists its violations one by one; its detail repeats them all on one line.
function failed(listId, e) {
  show(listId, e.violations.length ? e.violations.map((v) => ['violation', v]) : [['violation', e.message]]);
}

function versionsTable(tableId, versions, onRestore) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren();
  versions.forEach((v) => {
    const tr = document.createElement('tr');
    [String(v.version), new Date(v.createdAt).toLocaleString(lang), v.createdBy,
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
  $('rules-json').value = JSON.stringify(current.ruleSet, null, 2);
  versionsTable('rules-versions', await api('GET', '/api/v1/routing/versions?limit=20'), async (n) => {
    try {
      const v = await api('POST', '/api/v1/routing/versions/' + n + '/restore');
      await loadRules();
      show('rules-result', [['ok', t('saved') + ' ' + v.version]]);
    } catch (e) { failed('rules-result', e); }
  });
}

async function validateRules() {
  const set = parse('rules-json', 'rules-result');
  if (!set) return;
  try {
    const r = await api('POST', '/api/v1/routing/validate', set);
    show('rules-result', r.violations.length ? r.violations.map((v) => ['violation', v])
      : [['ok', t('valid')]].concat(r.warnings.map((w) => ['warning', t('warning') + ': ' + w])));
  } catch (e) { failed('rules-result', e); }
}

async function saveRules() {
  const set = parse('rules-json', 'rules-result');
  if (!set) return;
  try {
    const v = await api('PUT', '/api/v1/routing/rules', { ruleSet: set, comment: $('rules-comment').value,
      baseVersion: base.rules });
    await loadRules();
    show('rules-result', [['ok', t('saved') + ' ' + v.version]].concat(
      (v.warnings || []).map((w) => ['warning', t('warning') + ': ' + w])));
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
  $('queues-json').value = JSON.stringify(current.config, null, 2);
  $('queues-conf').textContent = await api('GET', '/api/v1/queues/queues.conf', undefined, true);
  versionsTable('queues-versions', await api('GET', '/api/v1/queues/config/versions?limit=20'), async (n) => {
    try {
      const v = await api('POST', '/api/v1/queues/config/versions/' + n + '/restore');
      await loadQueues();
      show('queues-result', [['ok', t('saved') + ' ' + v.version]]);
    } catch (e) { failed('queues-result', e); }
  });
}

async function validateQueues() {
  const config = parse('queues-json', 'queues-result');
  if (!config) return;
  try {
    const r = await api('POST', '/api/v1/queues/config/validate', config);
    show('queues-result', r.violations.length ? r.violations.map((v) => ['violation', v]) : [['ok', t('valid')]]);
  } catch (e) { failed('queues-result', e); }
}

async function saveQueues() {
  const config = parse('queues-json', 'queues-result');
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
}

Line102.whenReady(async () => {
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
