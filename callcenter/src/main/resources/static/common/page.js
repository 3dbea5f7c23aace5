'use strict';
// What every page of ours needs: texts in Russian, Kazakh and English, the signed-in
// session, and JSON calls to the API with the CSRF token. Pages load this first and
// then their own script (no inline scripts: the Content-Security-Policy forbids them).

window.Line102 = (function () {
  let texts = { ru: {} };
  let lang = localStorage.getItem('line102.lang') || 'ru';
  let session = null;
  const listeners = [];

  const $ = (id) => document.getElementById(id);
  const t = (key) => (texts[lang] && texts[lang][key]) || texts.ru[key] || key;

  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.tPlaceholder); });
    if (texts.ru.title) document.title = t('title');
    listeners.forEach((f) => f(lang));
  }

  /** Calls the API; a problem document's detail becomes the error's message, its code the error's code. */
  async function api(method, path, body, extraHeaders) {
    const headers = Object.assign({ 'Accept': 'application/json' }, extraHeaders || {});
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && session && session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
    const r = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 401) { location.href = '/login'; throw new Error('signed out'); }
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!r.ok) {
      const error = new Error((json && json.detail) || r.statusText || String(r.status));
      error.status = r.status;
      error.code = json && json.code;
      error.problem = json;
      throw error;
    }
    return json === null && text ? text : json;
  }

  async function start(pageTexts, onLanguage) {
    texts = pageTexts;
    if (!texts[lang]) lang = 'ru';
    if (onLanguage) listeners.push(onLanguage);
    document.querySelectorAll('[data-lang]').forEach((b) => b.addEventListener('click', () => {
      lang = b.dataset.lang;
      localStorage.setItem('line102.lang', lang);
      translate();
    }));
    translate();
    session = await api('GET', '/api/v1/session');
    if ($('who')) $('who').textContent = session.username;
    if ($('logout-csrf')) $('logout-csrf').value = session.csrfToken || '';
    return session;
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

  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(lang) : '';
  }

  return { $, t, api, start, socket, cell, time, lang: () => lang, session: () => session };
}());
