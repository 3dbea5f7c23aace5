// The rule set and the queue configuration as forms: each form builds the same JSON the API takes,
// and a JSON text can be loaded back into it (import/export). Field problems the page can see
// before asking the server are shown beside the field, by message key; those only the server
// knows come back as field problems (field path, code, args) and are shown there too, rendered
// from field.<code>. Either way a language change re-translates them.
import * as L from '/common/page.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const STRATEGIES = ['linear', 'ringall', 'rrmemory', 'leastrecent', 'fewestcalls', 'random', 'wrandom'];

const Forms = {
  queueNames: () => [],
  t: (k) => k,
  onChange: () => {},
};

function el(tag, attrs, children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'text') e.textContent = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v);
  });
  (children || []).forEach((c) => e.appendChild(c));
  return e;
}

// One labelled input; `path` names the field as the JSON does (rules[0].when.from) and is the
// key field errors are put under.
function field(path, labelKey, input) {
  input.dataset.path = path;
  input.id = 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
  input.addEventListener('input', () => Forms.onChange());
  input.addEventListener('change', () => Forms.onChange());
  return el('div', { class: 'field' }, [
    el('label', { for: input.id, 'data-t': labelKey, text: Forms.t(labelKey) }), input,
    el('span', { class: 'field-error', role: 'alert', 'data-error-for': path })]);
}

const list = (v) => (v || []).join(', ');
const splitList = (s) => s.split(',').map((x) => x.trim()).filter((x) => x);
const num = (input) => (input.value.trim() === '' ? null : Number(input.value));

function queueSelect(value, allowNone) {
  const s = el('select');
  if (allowNone) s.appendChild(el('option', { value: '', text: '—' }));
  const names = Forms.queueNames();
  (names.includes(value) || !value ? names : names.concat([value]))
    .forEach((n) => s.appendChild(el('option', { value: n, text: n })));
  s.value = value || '';
  return s;
}

function ruleBlock(rule, i, count, actions) {
  const w = rule.when || {};
  const p = 'rules[' + i + ']';
  const days = el('fieldset', { class: 'days' }, [el('legend', { 'data-t': 'f.days', text: Forms.t('f.days') })]);
  DAYS.forEach((d) => {
    const c = el('input', { type: 'checkbox', value: d });
    c.checked = (w.days || []).includes(d);
    c.addEventListener('change', () => Forms.onChange());
    days.appendChild(el('label', {}, [c, el('span', { 'data-t': 'day.' + d, text: Forms.t('day.' + d) })]));
  });
  days.appendChild(el('span', { class: 'field-error', role: 'alert', 'data-error-for': p + '.when.days' }));
  const abandoned = el('input', { type: 'checkbox' });
  abandoned.checked = w.abandonedWithinHour === true;
  const load = w.queueLoad || {};
  const btn = (key, fn, disabled) => {
    const b = el('button', { type: 'button', 'data-t': key, text: Forms.t(key), class: 'rule-' + key.split('.')[1] });
    b.disabled = disabled;
    b.addEventListener('click', fn);
    return b;
  };
  return el('fieldset', { class: 'rule', 'data-index': String(i) }, [
    el('legend', { text: '#' + (i + 1) }),
    el('span', { class: 'field-error rule-error', role: 'alert', 'data-error-for': p }),
    field(p + '.name', 'f.name', el('input', { value: rule.name || '', size: '20' })),
    field(p + '.queue', 'f.queue', queueSelect(rule.queue, false)),
    field(p + '.priority', 'f.priority', el('input', { type: 'number', min: '0', max: '10', value: String(rule.priority ?? 0) })),
    field(p + '.when.numberPrefixes', 'f.numberPrefixes', el('input', { value: list(w.numberPrefixes), placeholder: '+7701, +77172' })),
    field(p + '.when.numberStatus', 'f.numberStatus', el('input', { value: list(w.numberStatus), placeholder: 'valid, withheld, short, invalid' })),
    field(p + '.when.languages', 'f.languages', el('input', { value: list(w.languages), placeholder: 'kk, ru' })),
    field(p + '.when.minCallsLast24h', 'f.minCallsLast24h', el('input', { type: 'number', min: '1', max: '1000', value: w.minCallsLast24h ?? '' })),
    field(p + '.when.abandonedWithinHour', 'f.abandonedWithinHour', abandoned),
    days,
    field(p + '.when.from', 'f.from', el('input', { type: 'time', value: (w.from || '').slice(0, 5) })),
    field(p + '.when.to', 'f.to', el('input', { type: 'time', value: (w.to || '').slice(0, 5) })),
    field(p + '.when.queueLoad.queue', 'f.loadQueue', queueSelect(load.queue, true)),
    field(p + '.when.queueLoad.minWaiting', 'f.minWaiting', el('input', { type: 'number', min: '1', value: load.minWaiting ?? '' })),
    field(p + '.when.queueLoad.minLongestWaitSeconds', 'f.minLongestWait', el('input', { type: 'number', min: '1', value: load.minLongestWaitSeconds ?? '' })),
    el('p', {}, [btn('f.up', actions.up, i === 0), btn('f.down', actions.down, i === count - 1), btn('f.remove', actions.remove, false)]),
  ]);
}

function readRule(block, i) {
  const p = 'rules[' + i + ']';
  const v = (path) => block.querySelector('[data-path="' + p + path + '"]');
  const when = {};
  const lists = ['numberPrefixes', 'numberStatus', 'languages'];
  lists.forEach((k) => { const l = splitList(v('.when.' + k).value); if (l.length) when[k] = l; });
  if (num(v('.when.minCallsLast24h')) !== null) when.minCallsLast24h = num(v('.when.minCallsLast24h'));
  if (v('.when.abandonedWithinHour').checked) when.abandonedWithinHour = true;
  const days = [...block.querySelectorAll('.days input:checked')].map((c) => c.value);
  if (days.length) when.days = days;
  if (v('.when.from').value) when.from = v('.when.from').value;
  if (v('.when.to').value) when.to = v('.when.to').value;
  const load = {};
  if (v('.when.queueLoad.queue').value) load.queue = v('.when.queueLoad.queue').value;
  if (num(v('.when.queueLoad.minWaiting')) !== null) load.minWaiting = num(v('.when.queueLoad.minWaiting'));
  if (num(v('.when.queueLoad.minLongestWaitSeconds')) !== null) {
    load.minLongestWaitSeconds = num(v('.when.queueLoad.minLongestWaitSeconds'));
  }
  if (Object.keys(load).length) when.queueLoad = load;
  return { name: v('.name').value.trim(), when, queue: v('.queue').value, priority: num(v('.priority')) ?? 0 };
}

// Problems the form itself can name: message keys by field path.
function ruleErrors(set) {
  const errors = {};
  set.rules.forEach((r, i) => {
    const p = 'rules[' + i + ']';
    if (!r.name) errors[p + '.name'] = 'e.required';
    if (!r.queue) errors[p + '.queue'] = 'e.required';
    if (r.priority < 0 || r.priority > 10 || !Number.isInteger(r.priority)) errors[p + '.priority'] = 'e.priority';
    const w = r.when;
    if (w.from && !w.to) errors[p + '.when.to'] = 'e.timePair';
    if (w.to && !w.from) errors[p + '.when.from'] = 'e.timePair';
    if (w.from && w.from === w.to) errors[p + '.when.to'] = 'e.timeEqual';
    const m = w.minCallsLast24h;
    if (m !== undefined && (m < 1 || m > 1000 || !Number.isInteger(m))) errors[p + '.when.minCallsLast24h'] = 'e.range1000';
    (w.numberPrefixes || []).forEach((x) => {
      if (!/^\+\d{1,14}$/.test(x)) errors[p + '.when.numberPrefixes'] = 'e.prefix';
    });
    (w.languages || []).forEach((x) => {
      if (!/^[a-z]{2,3}$/.test(x)) errors[p + '.when.languages'] = 'e.language';
    });
    (w.numberStatus || []).forEach((x) => {
      if (!['valid', 'withheld', 'short', 'invalid'].includes(x)) errors[p + '.when.numberStatus'] = 'e.status';
    });
    const l = w.queueLoad;
    if (l) {
      if (!l.queue) errors[p + '.when.queueLoad.queue'] = 'e.required';
      if (l.minWaiting === undefined && l.minLongestWaitSeconds === undefined) errors[p + '.when.queueLoad.minWaiting'] = 'e.loadThreshold';
      if (l.minWaiting !== undefined && l.minWaiting < 1) errors[p + '.when.queueLoad.minWaiting'] = 'e.atLeast1';
      if (l.minLongestWaitSeconds !== undefined && l.minLongestWaitSeconds < 1) errors[p + '.when.queueLoad.minLongestWaitSeconds'] = 'e.atLeast1';
    }
  });
  return errors;
}

function queueBlock(q, i, actions) {
  const p = 'queues[' + i + ']';
  const strategy = el('select');
  (STRATEGIES.includes(q.strategy) || !q.strategy ? STRATEGIES : STRATEGIES.concat([q.strategy]))
    .forEach((s) => strategy.appendChild(el('option', { value: s, text: s })));
  strategy.value = q.strategy || 'linear';
  const every = el('input', { type: 'checkbox' });
  every.checked = q.everyOperator === true;
  const n = (key, label, min) => field(p + '.' + key, label,
    el('input', { type: 'number', min: String(min), value: String(q[key] ?? 0) }));
  const remove = el('button', { type: 'button', 'data-t': 'f.remove', text: Forms.t('f.remove'), class: 'queue-remove' });
  remove.addEventListener('click', actions.remove);
  return el('fieldset', { class: 'queue', 'data-index': String(i) }, [
    el('legend', { text: q.name || '#' + (i + 1) }),
    el('span', { class: 'field-error queue-error', role: 'alert', 'data-error-for': p }),
    field(p + '.name', 'f.name', el('input', { value: q.name || '', size: '16' })),
    field(p + '.strategy', 'f.strategy', strategy),
    n('timeoutSeconds', 'f.timeout', 1), n('retrySeconds', 'f.retry', 0), n('wrapUpSeconds', 'f.wrapUp', 0),
    n('serviceLevelSeconds', 'f.serviceLevel', 1), n('maxLen', 'f.maxLen', 0),
    field(p + '.everyOperator', 'f.everyOperator', every),
    field(p + '.members', 'f.members', el('input', { size: '30', placeholder: 'ivanov:0, petrov:1',
      value: (q.members || []).map((m) => m.operator + ':' + m.penalty).join(', ') })),
    el('p', {}, [remove]),
  ]);
}

function readQueue(block, i) {
  const p = 'queues[' + i + ']';
  const v = (k) => block.querySelector('[data-path="' + p + '.' + k + '"]');
  const members = splitList(v('members').value).map((m) => {
    const [operator, penalty] = m.split(':').map((x) => x.trim());
    return { operator, penalty: penalty === undefined || penalty === '' ? 0 : Number(penalty) };
  });
  return { name: v('name').value.trim(), strategy: v('strategy').value, timeoutSeconds: num(v('timeoutSeconds')) ?? 0,
    retrySeconds: num(v('retrySeconds')) ?? 0, wrapUpSeconds: num(v('wrapUpSeconds')) ?? 0,
    serviceLevelSeconds: num(v('serviceLevelSeconds')) ?? 0, maxLen: num(v('maxLen')) ?? 0,
    everyOperator: v('everyOperator').checked, members };
}

function queueErrors(config) {
  const errors = {};
  config.queues.forEach((q, i) => {
    const p = 'queues[' + i + ']';
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(q.name)) errors[p + '.name'] = 'e.queueName';
    ['timeoutSeconds', 'retrySeconds', 'wrapUpSeconds', 'serviceLevelSeconds', 'maxLen'].forEach((k) => {
      if (!Number.isInteger(q[k]) || q[k] < 0) errors[p + '.' + k] = 'e.notNegative';
    });
    if (q.members.some((m) => !m.operator || !Number.isInteger(m.penalty) || m.penalty < 0)) {
      errors[p + '.members'] = 'e.members';
    }
  });
  return errors;
}

// The text of an error at a field: the page's own checks are message keys, the server's are field
// problems ({field, code, args}) rendered from the bundle's field.<code> in the current language.
function errorText(e) {
  return typeof e === 'string' ? Forms.t(e) : L.fieldText(e);
}

// Puts each error beside its field; errors are keys or field problems, never texts, so showErrors
// after a language change re-translates them.
function showErrors(root, errors) {
  root.querySelectorAll('.field-error').forEach((s) => {
    const e = errors[s.dataset.errorFor];
    s.textContent = e ? errorText(e) : '';
    const input = root.querySelector('[data-path="' + s.dataset.errorFor + '"]');
    if (input) input.setAttribute('aria-invalid', e ? 'true' : 'false');
  });
}

// The server's field problems put at the form's fields: each at its own field, else at the nearest
// enclosing one the form has (queues[0].members[2].operator at queues[0].members, rules[3].when at
// rules[3]); what has no place in the form is returned to be listed.
function enclosing(path) {
  const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return up === path ? '' : up;
}

function placeServerErrors(root, problems) {
  const errors = {};
  const unplaced = [];
  (problems || []).forEach((p) => {
    let path = p.field || '';
    while (path && !root.querySelector('[data-error-for="' + path + '"]')) path = enclosing(path);
    if (path && !errors[path]) errors[path] = p;
    else unplaced.push(p);
  });
  return { errors, unplaced };
}

// "#3" for a problem of rules[2] or queues[2] (how the form numbers its blocks), '' otherwise.
function blockOf(field) {
  const m = /^(?:rules|queues)\[(\d+)\]/.exec(field || '');
  return m ? '#' + (Number(m[1]) + 1) : '';
}

export { Forms, blockOf, placeServerErrors, queueBlock, queueErrors, queueSelect, readQueue, readRule, ruleBlock, ruleErrors,
  showErrors };
