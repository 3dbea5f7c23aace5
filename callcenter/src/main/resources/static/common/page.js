// What every page of ours needs: the texts of the one message bundle (/i18n/{lang}.json,
// the same files the server renders its problem details from), the signed-in session,
// the shell's header (the pages this role may open, the user, the language switch,
// sign-out), and JSON calls to the API with the CSRF token. An ES module: a page's own
// module imports what it uses (import * as L from '/common/page.js'); no inline scripts,
// the Content-Security-Policy forbids them. A page asks for its texts with
// L.texts('prefix') and starts with L.whenReady(fn): fn runs once the DOM and the bundles
// are there. A page that only needs the shell (sign-in, error pages) loads this module alone.

const LANGS = ['ru', 'kk', 'en'];
const COOKIE = 'line102.lang';
const bundles = { ru: {}, kk: {}, en: {} };
const views = [];
let texts = { ru: {} };
let session = null;
const listeners = [];

function cookieLang() {
  const m = document.cookie.match(/(?:^|;\s*)line102\.lang=([a-z]{2})/);
  return m && LANGS.includes(m[1]) ? m[1] : null;
}
// The cookie is what the server renders its messages in; the pages' own scripts read localStorage.
// Without either, the page's own lang: the server-written pages (sign-in, errors) carry the language
// it chose from Accept-Language, the static ones say ru.
let lang = cookieLang() || localStorage.getItem('line102.lang') || document.documentElement.lang || 'ru';
if (!LANGS.includes(lang)) lang = 'ru';
remember(lang);

function remember(l) {
  localStorage.setItem('line102.lang', l);
  document.cookie = COOKIE + '=' + l + '; path=/; max-age=31536000; SameSite=Lax';
}

const $ = (id) => document.getElementById(id);

/** A text of the bundle by its full key, '{0}'/'{name}' filled from args, MessageFormat's '' read as '. */
function text(key, args, l) {
  const b = bundles[l || lang];
  let s = (b && b[key]) || bundles.ru[key];
  if (s === undefined) return key;
  if (args) {
    Object.keys(args).forEach((k) => { s = s.split('{' + k + '}').join(args[k] == null ? '' : String(args[k])); });
  }
  return s.replace(/''/g, "'");
}

const t = (key) => (texts[lang] && texts[lang][key]) || (texts.ru && texts.ru[key])
  || (bundles.ru['common.' + key] !== undefined ? text('common.' + key) : key);

/** A page's texts: {ru:{…}, kk:{…}, en:{…}} with the keys under 'prefix.' (filled once the bundles are in). */
function pageTexts(prefix) {
  const view = { ru: {}, kk: {}, en: {} };
  views.push([prefix + '.', view]);
  fill();
  return view;
}

function fill() {
  views.forEach(([prefix, view]) => LANGS.forEach((l) => Object.keys(bundles[l]).forEach((k) => {
    if (k.startsWith(prefix)) view[l][k.slice(prefix.length)] = bundles[l][k];
  })));
}

const loaded = Promise.all(LANGS.map((l) => fetch('/i18n/' + l + '.json', { credentials: 'same-origin' })
  .then((r) => { if (!r.ok) throw new Error('bundle ' + l + ': ' + r.status); return r.json(); })
  .then((b) => { bundles[l] = b; }))).then(fill);
const domReady = new Promise((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
  else resolve();
});
const ready = Promise.all([loaded, domReady]).then(shell);
let shellUp = false;
// The language buttons listen from the first moment (module scripts run once the DOM is parsed):
// a choice made before the bundles are in is not lost, shell() then shows the page in it.
document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang)));

function whenReady(f) {
  ready.then(f).catch((e) => console.error('page start', e));
}

/** The message of a problem document in the current language: from its code and args, not its old text. */
function problemText(problem) {
  if (!problem || !problem.code) return problem && problem.detail;
  const key = problem.key || 'problem.' + problem.code;
  if (!bundles[lang][key] && !bundles.ru[key]) return problem.detail;
  return text(key, problem.args);
}

/** A field error of a problem ({field, code, args}) in the current language. */
function fieldText(error) {
  if (error && error.code && (bundles[lang]['field.' + error.code] || bundles.ru['field.' + error.code])) {
    return text('field.' + error.code, error.args);
  }
  return error && error.message;
}

/** Shows an error (an API error, a problem, or null to clear) in el, and again in each new language. */
function showError(el, e) {
  if (!el) return;
  el.line102Problem = e ? (e.problem && e.problem.code ? e.problem : (e.code && e.detail !== undefined ? e : null)) : null;
  el.textContent = e ? (el.line102Problem ? problemText(el.line102Problem) : (e.message || String(e))) : '';
  el.line102Shown = el.textContent;
}

/** Problems shown by showError, in the new language; one whose text a page has since replaced is left alone. */
function rerenderErrors() {
  document.querySelectorAll('*').forEach((el) => {
    if (!el.line102Problem) return;
    if (el.textContent !== el.line102Shown) { el.line102Problem = null; return; }
    el.textContent = problemText(el.line102Problem);
    el.line102Shown = el.textContent;
  });
}

function translateShell() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-c]').forEach((el) => { el.textContent = text('common.' + el.dataset.c); });
  document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  document.querySelectorAll('#line102-pages a').forEach((a) => { a.textContent = text(a.dataset.page); });
  if ($('line102-zone')) $('line102-zone').textContent = text('common.zoneNote', { 0: zone() });
  rerenderErrors();
}

function translate() {
  translateShell();
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll('[data-t-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.tPlaceholder); });
  if (texts.ru && texts.ru.title) document.title = t('title');
  listeners.forEach((f) => f(lang));
}

function setLang(l) {
  if (!LANGS.includes(l)) return;
  lang = l;
  remember(l);
  if (shellUp) translateShell();
}

/** Every page, once the bundles are in: the shell in the chosen language, the header gets its links. */
function shell() {
  shellUp = true;
  translateShell();
  if (document.body.dataset.public === undefined) {
    loadSession().catch((e) => console.error('session', e));
  }
}

let sessionPromise = null;
function loadSession() {
  if (!sessionPromise) {
    sessionPromise = api('GET', '/api/v1/session').then((s) => {
      session = s;
      header(s);
      return s;
    });
  }
  return sessionPromise;
}

/** The pages this role may open, as the server lists them, in the page's header. */
function header(s) {
  const top = document.querySelector('body > header');
  if (!top || $('line102-pages') || !s.pages) return;
  const nav = document.createElement('nav');
  nav.id = 'line102-pages';
  nav.setAttribute('aria-label', 'pages');
  s.pages.forEach((p) => {
    const a = document.createElement('a');
    a.href = p.path;
    a.dataset.page = p.titleKey;
    a.textContent = text(p.titleKey);
    if (location.pathname === p.path || location.pathname.startsWith(p.path + '/')) a.setAttribute('aria-current', 'page');
    nav.appendChild(a);
  });
  top.appendChild(nav);
  // Every time on our pages is the centre's wall clock: say which, once, where every page shows it.
  const zoneNote = document.createElement('small');
  zoneNote.id = 'line102-zone';
  zoneNote.textContent = text('common.zoneNote', { 0: zone() });
  top.appendChild(zoneNote);
  if ($('who') && !$('who').textContent) $('who').textContent = s.username;
  if ($('logout-csrf')) $('logout-csrf').value = s.csrfToken || '';
}

/** The Error a failed call throws: its message in the current language, the problem kept to render it again. */
function problemError(json, r) {
  const error = new Error((json && problemText(json)) || r.statusText || String(r.status));
  error.status = r.status;
  error.code = json && json.code;
  error.problem = json;
  return error;
}

/** Calls the API; a problem's message is rendered from its code in the current language. */
async function api(method, path, body, extraHeaders) {
  const headers = Object.assign({ 'Accept': 'application/json' }, extraHeaders || {});
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A change needs the session's CSRF token: one asked for before the session is in waits for it.
  if (method !== 'GET' && !session && path !== '/api/v1/session') await loadSession();
  if (method !== 'GET' && session && session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const raw = await r.text();
  let json = null;
  try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
  if (!r.ok) throw problemError(json, r);
  return json === null && raw ? raw : json;
}

async function start(given, onLanguage) {
  await ready;
  texts = given;
  if (onLanguage) listeners.push(onLanguage);
  document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => translate()));
  translate();
  const s = await loadSession();
  if ($('who')) $('who').textContent = s.username;
  if ($('logout-csrf')) $('logout-csrf').value = s.csrfToken || '';
  return s;
}

/** A WebSocket to {@code path} on this host that reconnects with growing waits while the page is open. */
function socket(path, onMessage, onState) {
  let retry = 500;
  let ws = null;
  function connect() {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path);
    ws.onopen = () => { retry = 500; onState(true); };
    ws.onmessage = (m) => onMessage(JSON.parse(m.data));
    ws.onclose = () => {
      onState(false);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }
  connect();
  return () => ws;
}

function cell(tr, textValue, className) {
  const td = document.createElement('td');
  td.textContent = textValue == null ? '' : textValue;
  if (className) td.className = className;
  tr.appendChild(td);
  return td;
}

/** The centre's time zone (the server's, from the session): the browser's own may be anything. */
function zone() {
  return (session && session.zone) || 'Asia/Almaty';
}

/** A moment as the centre's wall clock shows it, never the browser's zone; pages label it with zone(). */
function time(iso) {
  return iso ? new Date(iso).toLocaleString(lang, { timeZone: zone() }) : '';
}

/** The time of day of a moment on the centre's wall clock. */
function clock(iso) {
  return iso ? new Date(iso).toLocaleTimeString(lang, { timeZone: zone() }) : '';
}

/** The signed-in session (null before it has come). */
function currentSession() {
  return session;
}

function currentLang() {
  return lang;
}

// The user's own language, kept with their account: the next sign-in, on any browser, starts in
// it (the server sets the cookie from it). Best effort: the cookie already holds the choice here.
function keepLanguageWithAccount(l) {
  if (document.body.dataset.public !== undefined || !LANGS.includes(l)) return;
  loadSession().then(() => api('PUT', '/api/v1/session/language', { language: l }))
    .catch((e) => console.warn('language not kept with the account', e));
}
ready.then(() => document.querySelectorAll('[data-lang]').forEach((b) =>
  b.addEventListener('click', () => keepLanguageWithAccount(b.dataset.lang))));

export { $, t, text, api, start, socket, cell, time, pageTexts as texts, whenReady, problemText, fieldText,
  showError, problemError, zone, clock, currentSession as session, loadSession, currentLang as lang, setLang };
