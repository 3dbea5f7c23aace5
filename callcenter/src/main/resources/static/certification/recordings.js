// Interview recordings of a case on the certification page (personnel service only): the list,
// an upload (sound, or a video as a camera or a browser records it: MP4 or WebM), and playback
// with HTTP Range: a video in a <video> element, sound in an <audio> one, by the archived file's
// content type. Texts: certification.*.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const API = '/api/v1/certification';
let lang = 'ru';
let caseId = null;
let rows = [];
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;

function seconds(ms) {
  if (ms == null) return '';
  const s = Math.round(ms / 1000);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

function draw() {
  const body = $('recordings');
  body.textContent = '';
  $('recording-upload').disabled = caseId === null;
  rows.forEach((r) => {
    const tr = document.createElement('tr');
    tr.dataset.recordingId = r.id;
    const video = (r.contentType || '').startsWith('video/');
    [L.time(r.recordedAt), r.uploadedBy, r.contentType ? t(video ? 'recordingVideo' : 'recordingAudio') : '',
      t('recordingState.' + r.state) + (r.errorCode ? ' (' + r.errorCode + ')' : ''), seconds(r.durationMs),
      L.time(r.expiresAt)].forEach((v) => {
      const td = document.createElement('td');
      td.textContent = v == null ? '' : v;
      tr.appendChild(td);
    });
    const td = document.createElement('td');
    if (r.contentType) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'play';
      b.textContent = t('play');
      b.addEventListener('click', () => play(r));
      td.appendChild(b);
    }
    tr.appendChild(td);
    body.appendChild(tr);
  });
}

// The element fits what was archived: a video's picture is the point of keeping it.
function play(r) {
  const box = $('recording-player');
  box.textContent = '';
  const media = document.createElement(r.contentType.startsWith('video/') ? 'video' : 'audio');
  media.controls = true;
  media.preload = 'metadata';
  media.dataset.recordingId = r.id;
  if (media.tagName === 'VIDEO') media.width = 640;
  const source = document.createElement('source');
  source.src = API + '/recordings/' + encodeURIComponent(r.id) + '/audio';
  source.type = r.contentType;
  media.appendChild(source);
  box.appendChild(media);
}

async function load() {
  rows = caseId === null ? [] : await L.api('GET', API + '/cases/' + encodeURIComponent(caseId) + '/recordings');
  draw();
}

// The file goes as the request's body, streamed, not as JSON: L.api sends JSON only.
async function upload(file) {
  const session = L.session() || await L.loadSession();
  const headers = { 'Accept': 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
  if (session && session.csrfHeader) headers[session.csrfHeader] = session.csrfToken;
  const r = await fetch(API + '/cases/' + encodeURIComponent(caseId) + '/recordings?name='
    + encodeURIComponent(file.name), { method: 'POST', headers, credentials: 'same-origin', body: file });
  const raw = await r.text();
  let json = null;
  try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
  if (!r.ok) throw L.problemError(json, r);
}

async function guard(f) {
  L.showError($('recording-error'), null);
  $('recording-saved').textContent = '';
  try { await f(); } catch (e) { L.showError($('recording-error'), e); }
}

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  $('recordings-load').addEventListener('submit', (ev) => {
    ev.preventDefault();
    caseId = $('recording-case').value;
    guard(load);
  });
  $('recording-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const file = $('recording-file').files[0];
    if (!file || caseId === null) return;
    guard(async () => {
      $('recording-upload').disabled = true;
      try {
        await upload(file);
        $('recording-saved').textContent = t('recordingUploaded');
      } finally {
        await load();
      }
    });
  });
  draw();
});
