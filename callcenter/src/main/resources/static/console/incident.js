// The incident card on the operator's console: the draft the server opens when this
// operator answers a call, filled in here, saved with its version (a card changed
// elsewhere is never overwritten), submitted for registration until it has its KUI
// number; a repeat call is linked to the open card instead of registering a new one.
// It keeps its own texts (data-i, not data-t) so the console's translation and this
// one never overwrite each other.
import * as L from '/common/page.js';

const TEXT = L.texts('console.incident');
const PERSON = ['role', 'name', 'birthYear', 'iin', 'description'];
const VEHICLE = ['plate', 'make', 'model', 'colour', 'description'];
const ROLES = ['applicant', 'victim', 'suspect', 'witness', 'other'];
const POLL_MS = 1000;
const RINGING_POLL_MS = 5000;
const CALL_WATCH_MS = 60000;
// A ring whose stop never came (the socket dropped) is not followed for ever.
const RING_WATCH_MS = 600000;
// The server opens the draft on answer; only if it has not after this long does the page open it itself.
const OPEN_FALLBACK_MS = 4000;

let lang = localStorage.getItem('line102.lang') || 'ru';
let session = null;
let types = [];
let card = null;
let repeatOf = [];
let dirty = false;
let early = [];
let offered = null;
const watched = new Map();
let numberPoll = 0;
let message = { key: null, args: null };
// The call the screen-pop shows (ringing or talking), as console.js follows it: while one is
// on, the card shown is that call's card, a card without a call, or none, never another call's.
let popped = null;
const CARD_REFRESH_MS = 10000;

const $ = (id) => document.getElementById(id);
const t = (key, args) => {
  let s = (TEXT[lang] && TEXT[lang][key]) || TEXT.ru[key] || key;
  Object.keys(args || {}).forEach((k) => { s = s.replace('{' + k + '}', args[k]); });
  return s;
};

function translate() {
  document.querySelectorAll('#incident [data-i]').forEach((el) => { el.textContent = t(el.dataset.i); });
  if (lastErrors) showErrors(lastErrors);
  fillChoices();
  if (card) {
    rows('persons', PERSON, readRows('persons'));
    rows('vehicles', VEHICLE, readRows('vehicles'));
  }
  renderCard();
  renderMessage();
  loadDrafts();
}

function say(key, args) {
  message = { key, args };
  renderMessage();
}

function renderMessage() {
  $('inc-message').textContent = message.key ? t(message.key, message.args) : '';
}

function fail(e) {
  // Kept as code and args by page.js, so a switch of language shows it again in the new one.
  L.showError($('inc-error'), e || null);
}

function option(select, value, text, selected) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  select.appendChild(o);
}

function typeName(type) {
  return (type.names && (type.names[lang] || type.names.ru)) || type.code;
}

function fillChoices() {
  const category = $('inc-category');
  const chosenCategory = category.value;
  category.replaceChildren();
  option(category, '', t('choose'), chosenCategory === '');
  ['CRIMINAL_OFFENCE', 'ADMINISTRATIVE_OFFENCE', 'INCIDENT', 'OTHER']
    .forEach((c) => option(category, c, t(c), c === chosenCategory));
  fillTypes($('inc-typeCode').value);
  const priority = $('inc-priority');
  const chosenPriority = priority.value;
  priority.replaceChildren();
  option(priority, '', t('choose'), chosenPriority === '');
  [1, 2, 3, 4].forEach((p) => option(priority, String(p), t('p' + p), String(p) === chosenPriority));
}

/** Only the types of the chosen category (all of them while none is chosen). */
function fillTypes(chosen) {
  const select = $('inc-typeCode');
  const category = $('inc-category').value;
  select.replaceChildren();
  option(select, '', t('choose'), !chosen);
  types.filter((ty) => !category || ty.category === category)
    .forEach((ty) => option(select, ty.code, typeName(ty), ty.code === chosen));
}

// ---- reading and writing the form ----

function setValue(id, v) {
  $(id).value = v == null ? '' : String(v);
}

function renderCard() {
  const form = $('inc-form');
  form.hidden = !card;
  const call = callOf(card);
  if (call) form.dataset.callId = call;
  else delete form.dataset.callId;
  $('inc-status').textContent = card ? '(' + t(card.status) + ')' : '';
  $('inc-kui').textContent = card && card.kuiNumber ? card.kuiNumber : '';
  renderRepeat();
  if (!card) return;
  const editable = card.status === 'DRAFT' && card.createdBy === session.username;
  form.querySelectorAll('input, select, textarea, button').forEach((el) => { el.disabled = !editable; });
}

function fillForm() {
  if (!card) { renderCard(); return; }
  ['callerNumber', 'callerName', 'callerAddress', 'sceneAddress', 'sceneLat', 'sceneLon', 'description',
    'operatorNotes'].forEach((f) => setValue('inc-' + f, card[f]));
  $('inc-sceneUnknown').checked = !!card.sceneUnknown;
  setValue('inc-category', card.category);
  fillTypes(card.typeCode || '');
  setValue('inc-priority', card.priority);
  rows('persons', PERSON, card.persons || []);
  rows('vehicles', VEHICLE, card.vehicles || []);
  clearErrors();
  dirty = false;
  renderCard();
}

function rows(list, fields, items) {
  const body = $('inc-' + list).querySelector('tbody');
  body.replaceChildren();
  items.forEach((item) => addRow(list, fields, item));
}

function addRow(list, fields, item) {
  const body = $('inc-' + list).querySelector('tbody');
  const tr = document.createElement('tr');
  const index = body.children.length;
  fields.forEach((f) => {
    const td = document.createElement('td');
    let input;
    if (f === 'role') {
      input = document.createElement('select');
      option(input, '', t('none'), !item.role);
      ROLES.forEach((r) => option(input, r, t(r), r === item.role));
    } else {
      input = document.createElement('input');
      input.value = item[f] == null ? '' : String(item[f]);
      input.autocomplete = 'off';
      if (f === 'birthYear') input.inputMode = 'numeric';
    }
    input.dataset.field = f;
    input.setAttribute('aria-label', t(f === 'description' ? 'notes' : f) + ' ' + (index + 1));
    input.addEventListener('input', () => { dirty = true; });
    td.appendChild(input);
    const error = document.createElement('span');
    error.className = 'field-error';
    error.dataset.errorFor = list + '[' + index + '].' + f;
    td.appendChild(error);
    tr.appendChild(td);
  });
  const td = document.createElement('td');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'inc-remove';
  remove.textContent = t('remove');
  remove.addEventListener('click', () => {
    const kept = readRows(list).filter((unused, i) => i !== index);
    rows(list, fields, kept);
    dirty = true;
  });
  td.appendChild(remove);
  const error = document.createElement('span');
  error.className = 'field-error';
  error.dataset.errorFor = list + '[' + index + ']';
  td.appendChild(error);
  tr.appendChild(td);
  body.appendChild(tr);
}

/** The rows as entered, keeping what is typed (even wrong) so the server can say what is wrong. */
function readRows(list) {
  return [...$('inc-' + list).querySelectorAll('tbody tr')].map((tr) => {
    const item = {};
    tr.querySelectorAll('[data-field]').forEach((input) => {
      const v = input.value.trim();
      if (v === '') return;
      if (input.dataset.field === 'birthYear' && /^\d+$/.test(v)) item.birthYear = Number(v);
      else item[input.dataset.field] = v;
    });
    return item;
  });
}

function number(id, field, local) {
  const v = $(id).value.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    local.push({ field, message: t('notNumber') });
    return null;
  }
  return n;
}

function readForm(local) {
  const text = (id) => $(id).value.trim();
  const persons = readRows('persons').filter((p) => Object.keys(p).length > 0);
  const vehicles = readRows('vehicles').filter((v) => Object.keys(v).length > 0);
  // A typed birth year that is not a number would be sent as text; the server names the field.
  return {
    version: card.version,
    callerNumber: text('inc-callerNumber'), callerName: text('inc-callerName'),
    callerAddress: text('inc-callerAddress'), category: $('inc-category').value || null,
    typeCode: $('inc-typeCode').value || null,
    priority: $('inc-priority').value ? Number($('inc-priority').value) : null,
    sceneAddress: text('inc-sceneAddress') || null, sceneLat: number('inc-sceneLat', 'sceneLat', local),
    sceneLon: number('inc-sceneLon', 'sceneLon', local), sceneUnknown: $('inc-sceneUnknown').checked,
    description: text('inc-description') || null, persons, vehicles,
    operatorNotes: text('inc-operatorNotes') || null
  };
}

let lastErrors = null;

function clearErrors() {
  lastErrors = null;
  wipeErrors();
}

function wipeErrors() {
  L.showError($('inc-error'), null);
  document.querySelectorAll('#incident .field-error').forEach((el) => { el.textContent = ''; });
  document.querySelectorAll('#incident [aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/** Each error next to its field: the exact one, else its row, else its list; what is left goes on top. */
function showErrors(errors) {
  wipeErrors();
  lastErrors = errors;
  const left = [];
  errors.forEach((error) => {
    // The server's text is in the language of the request; its code renders it in the current one.
    const e = { field: error.field, message: L.fieldText(error) };
    const field = e.field || '';
    const candidates = [field, field.replace(/\.[^.\]]+$/, ''), field.replace(/\[.*$/, '')];
    const target = candidates.map((f) => document.querySelector('#incident [data-error-for="' + CSS.escape(f) + '"]'))
      .find((el) => el);
    if (!target) { left.push(field + ': ' + e.message); return; }
    target.textContent = (target.textContent ? target.textContent + '; ' : '') + e.message;
    const input = target.previousElementSibling;
    if (input && /^(INPUT|SELECT|TEXTAREA)$/.test(input.tagName)) input.setAttribute('aria-invalid', 'true');
  });
  $('inc-error').textContent = t('invalid') + (left.length ? ' — ' + left.join('; ') : '');
}

// ---- loading cards ----

/** Whether this card may be shown now: not the card of a call other than the one on the screen-pop. */
function fitsPop(incident) {
  const call = callOf(incident);
  return !popped || !call || call === popped;
}

function show(incident, candidates) {
  if (!fitsPop(incident)) {
    say('notThisCall');
    return false;
  }
  card = incident;
  repeatOf = candidates || [];
  $('inc-offer').hidden = true;
  offered = null;
  fail(null);
  fillForm();
  if (card.status === 'SUBMITTED' && !card.kuiNumber) awaitNumber();
  return true;
}

async function reload() {
  const fresh = await L.api('GET', '/api/v1/incidents/' + card.id);
  show(fresh, repeatOf);
}

function callOf(incident) {
  return incident && incident.calls && incident.calls.length ? incident.calls[0].callId : null;
}

function renderRepeat() {
  const box = $('inc-repeat');
  const list = $('inc-repeat-list');
  list.replaceChildren();
  const linkable = card && card.status === 'DRAFT' && callOf(card) && repeatOf.length > 0;
  box.hidden = !linkable;
  if (!linkable) return;
  repeatOf.forEach((r) => {
    const li = document.createElement('li');
    const what = types.find((ty) => ty.code === r.typeCode);
    const label = r.kuiNumber || t('awaitingNumber');
    const info = document.createElement('span');
    info.textContent = [L.time(r.createdAt), what ? typeName(what) : '', r.sceneAddress || '',
      t(r.status)].filter((s) => s).join(' · ') + ' ';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'inc-link';
    button.dataset.incidentId = r.id;
    button.textContent = t('linkTo', { kui: label });
    button.addEventListener('click', () => linkTo(r));
    li.append(info, button);
    list.appendChild(li);
  });
}

async function linkTo(target) {
  fail(null);
  try {
    const linked = await L.api('POST', '/api/v1/incidents/' + target.id + '/calls', { callId: callOf(card) });
    card = null;
    repeatOf = [];
    renderCard();
    say('linked', { kui: linked.kuiNumber || t('awaitingNumber') });
    loadDrafts();
  } catch (e) {
    fail(e);
  }
}

async function loadDrafts() {
  if (!session) return;
  try {
    const page = await L.api('GET', '/api/v1/incidents?status=DRAFT&size=50');
    const select = $('inc-drafts');
    const chosen = select.value;
    select.replaceChildren();
    // Only this operator's own drafts: the cards of calls others answered are not theirs to finish.
    const mine = page.items.filter((d) => d.createdBy === session.username);
    mine.forEach((d) => option(select, d.id, L.time(d.createdAt) + ' — '
      + (d.callerNumber || t('noCall')), d.id === chosen));
    $('inc-resume').disabled = mine.length === 0;
  } catch (e) {
    fail(e);
  }
}

/** Before another card takes the form: what was typed into this draft is saved, or the switch is refused. */
async function keepTyped() {
  if (!card || !dirty || card.status !== 'DRAFT' || card.createdBy !== session.username) return true;
  return (await save()) !== null;
}

async function openByHand() {
  if (!(await keepTyped())) return;
  fail(null);
  try {
    const opened = await L.api('POST', '/api/v1/incidents', {});
    show(opened.incident, opened.repeatOf);
    say(null);
    loadDrafts();
    $('inc-category').focus();
  } catch (e) {
    fail(e);
  }
}

async function resume() {
  const id = $('inc-drafts').value;
  if (!id || !(await keepTyped())) return;
  fail(null);
  try {
    const incident = await L.api('GET', '/api/v1/incidents/' + id);
    const call = callOf(incident);
    let candidates = [];
    if (call) candidates = (await L.api('GET', '/api/v1/incidents/of-call/' + call)).repeatOf;
    if (show(incident, candidates)) say(null);
  } catch (e) {
    fail(e);
  }
}

// ---- the call on the screen-pop ----

/**
 * A ring of another call than the card's: the card is put aside (what was typed is saved
 * first: a draft keeps whatever is filled) so the card and the pop never show two calls.
 */
async function popChanged(callId) {
  if (popped === callId) return;
  popped = callId;
  if (!card || fitsPop(card)) return;
  // Taken off the screen at once, in the same turn as the pop's change; what was typed is sent after.
  const aside = card;
  const typed = dirty && card.status === 'DRAFT' && card.createdBy === session.username ? readForm([]) : null;
  card = null;
  repeatOf = [];
  dirty = false;
  $('inc-offer').hidden = true;
  offered = null;
  clearErrors();
  renderCard();
  say('setAside', { number: aside.callerNumber || t('noCall') });
  if (typed) {
    try {
      await L.api('PUT', '/api/v1/incidents/' + aside.id, typed, { 'If-Match': '"' + aside.version + '"' });
    } catch (e) {
      fail(e);
    }
  }
  loadDrafts();
}

/** The call ended: a draft being typed is saved now, so the end of its wrap-up finds it touched. */
function popEnded(callId) {
  if (popped === callId) popped = null;
  if (card && callOf(card) === callId && dirty && card.status === 'DRAFT'
    && card.createdBy === session.username) {
    save();
  }
}

/** A draft left as opened is cancelled after its call's wrap-up (by the server): the page learns it. */
async function refreshCard() {
  if (!card || card.status !== 'DRAFT' || !session) return;
  if (dirty && card.version === 1 && card.createdBy === session.username && callOf(card)
    && callOf(card) !== popped) {
    // Its call is over and it was typed into but never saved: saved once now, so the end of the
    // wrap-up does not take it for untouched.
    save();
    return;
  }
  if (dirty) return;
  const id = card.id;
  try {
    const fresh = await L.api('GET', '/api/v1/incidents/' + id);
    if (!card || card.id !== id || dirty || fresh.version === card.version) return;
    if (fresh.status === 'CANCELLED') {
      card = null;
      repeatOf = [];
      renderCard();
      say('cancelledUntouched');
      loadDrafts();
    } else {
      card = fresh;
      fillForm();
    }
  } catch (e) {
    // Asked again at the next tick.
  }
}

// ---- the answered call ----

/**
 * Follows a call rung at this phone until its card is found. The screen-pop sends a
 * call's ring again, with the new event's time, when this phone answers it: from
 * then on the card (opened by the server on answer) is asked for every second;
 * before that only now and then, for a console that connected mid-call.
 */
function watchCall(m) {
  const callId = m.callId;
  if (card && callOf(card) === callId) return;
  let w = watched.get(callId);
  if (!w) {
    w = { since: Date.now(), rangAt: m.rangAt, answeredAt: null, timer: null, busy: false };
    watched.set(callId, w);
    w.timer = setInterval(() => pollCall(callId, w), RINGING_POLL_MS);
    pollCall(callId, w);
  } else if (!w.answeredAt && m.rangAt !== w.rangAt) {
    w.answeredAt = Date.now();
    w.since = w.answeredAt;
    clearInterval(w.timer);
    w.timer = setInterval(() => pollCall(callId, w), POLL_MS);
    pollCall(callId, w);
  }
}

/** A call that stopped ringing here without being answered here is not this operator's. */
function stopped(callId) {
  const w = watched.get(callId);
  if (w && !w.answeredAt) unwatch(callId);
}

function unwatch(callId) {
  const w = watched.get(callId);
  if (w) clearInterval(w.timer);
  watched.delete(callId);
}

async function pollCall(callId, w) {
  if (w.busy) return;
  if (Date.now() - w.since > (w.answeredAt ? CALL_WATCH_MS : RING_WATCH_MS)) { unwatch(callId); return; }
  w.busy = true;
  try {
    const found = await L.api('GET', '/api/v1/incidents/of-call/' + callId);
    unwatch(callId);
    arrived(found.incident, found.repeatOf);
  } catch (e) {
    if (e.status === 404 && w.answeredAt && Date.now() - w.answeredAt > OPEN_FALLBACK_MS) {
      try {
        const opened = await L.api('POST', '/api/v1/incidents', { callId });
        unwatch(callId);
        arrived(opened.incident, opened.repeatOf);
      } catch (e2) {
        fail(e2);
      }
    } else if (e.status !== 404) {
      fail(e);
    }
  } finally {
    w.busy = false;
  }
}

function arrived(incident, candidates) {
  if (incident.createdBy !== session.username) {
    say('otherOperator', { who: incident.createdBy });
    return;
  }
  loadDrafts();
  if (!fitsPop(incident)) {
    // The call is no longer on the pop: its draft waits in the list.
    return;
  }
  if (card && card.status === 'DRAFT' && dirty) {
    // Never drop what the operator is typing: offer the new card instead.
    offered = { incident, candidates };
    $('inc-offer').hidden = false;
    return;
  }
  show(incident, candidates);
  say('opened');
}

// ---- save, submit, cancel ----

async function save() {
  fail(null);
  const local = [];
  const body = readForm(local);
  if (local.length) { showErrors(local); return null; }
  try {
    const saved = await L.api('PUT', '/api/v1/incidents/' + card.id, body, { 'If-Match': '"' + card.version + '"' });
    card = saved;
    dirty = false;
    clearErrors();
    renderCard();
    say('saved');
    return saved;
  } catch (e) {
    await refused(e);
    return null;
  }
}

async function refused(e) {
  if (e.code === 'stale-version') {
    const version = e.problem && e.problem.currentVersion;
    try { await reload(); } catch (e2) { fail(e2); return; }
    say(null);
    $('inc-error').textContent = t('stale', { v: version == null ? card.version : version });
  } else if (e.problem && Array.isArray(e.problem.errors) && e.problem.errors.length) {
    showErrors(e.problem.errors);
  } else {
    fail(e);
  }
}

async function submit() {
  const saved = await save();
  if (!saved) return;
  try {
    const answer = await L.api('POST', '/api/v1/incidents/' + card.id + '/submit', { version: card.version },
      { 'If-Match': '"' + card.version + '"' });
    card = answer.incident;
    const others = (answer.repeatOf || []).map((r) => r.kuiNumber || t('awaitingNumber'));
    repeatOf = [];
    renderCard();
    say('submitted');
    if (others.length) $('inc-error').textContent = t('stillOpen', { list: others.join(', ') });
    loadDrafts();
    awaitNumber();
  } catch (e) {
    await refused(e);
  }
}

/** Registration is a route of its own: ask for the card a few times until it has its number. */
function awaitNumber() {
  const id = card.id;
  const started = Date.now();
  const ticket = ++numberPoll;
  say('waitingNumber');
  const tick = async () => {
    if (ticket !== numberPoll || !card || card.id !== id) return;
    try {
      const fresh = await L.api('GET', '/api/v1/incidents/' + id);
      if (!card || card.id !== id) return;
      card = fresh;
      renderCard();
      if (fresh.kuiNumber) { say('registered', { kui: fresh.kuiNumber }); return; }
    } catch (e) {
      fail(e);
    }
    if (Date.now() - started < 20000) setTimeout(tick, 500);
    else say('notYetNumber');
  };
  setTimeout(tick, 300);
}

async function cancel() {
  fail(null);
  try {
    await L.api('POST', '/api/v1/incidents/' + card.id + '/cancel', { version: card.version },
      { 'If-Match': '"' + card.version + '"' });
    card = null;
    repeatOf = [];
    renderCard();
    say('cancelled');
    loadDrafts();
  } catch (e) {
    await refused(e);
  }
}

document.addEventListener('line102:screenpop', (event) => {
  const m = event.detail.message;
  if (!m.callId) return;
  // The screen-pop may connect before this script has its session: follow those calls once it has.
  if (!session) { early.push(m); return; }
  follow(m);
});

function follow(m) {
  if (m.type === 'ring') {
    popChanged(m.callId);
    watchCall(m);
  } else if (m.type === 'stop') {
    popEnded(m.callId);
    stopped(m.callId);
  }
}

L.whenReady(() => {
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    translate();
  }));
  $('inc-category').addEventListener('change', () => fillTypes($('inc-typeCode').value));
  $('inc-form').addEventListener('input', () => { dirty = true; });
  $('inc-form').addEventListener('submit', (e) => e.preventDefault());
  $('inc-person-add').addEventListener('click', () => { addRow('persons', PERSON, {}); dirty = true; });
  $('inc-vehicle-add').addEventListener('click', () => { addRow('vehicles', VEHICLE, {}); dirty = true; });
  $('inc-save').addEventListener('click', save);
  $('inc-submit').addEventListener('click', submit);
  $('inc-cancel').addEventListener('click', cancel);
  $('inc-new').addEventListener('click', openByHand);
  $('inc-resume').addEventListener('click', resume);
  $('inc-offer-open').addEventListener('click', async () => {
    if (offered && (await keepTyped()) && show(offered.incident, offered.candidates)) say('opened');
  });
  Promise.all([L.loadSession(), L.api('GET', '/api/v1/incidents/types')]).then(([s, ty]) => {
    session = s;
    types = ty;
    translate();
    early.forEach(follow);
    early = [];
    setInterval(refreshCard, CARD_REFRESH_MS);
  }).catch(fail);
});
