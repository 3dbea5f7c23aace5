// The service profile of annex 1 on the certification page: the direct head writes it (each save
// names the version it was made to) and signs it, after which it is read only; the employee's
// acknowledgement under signature, with disagreement and added information. Texts: certification.*.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const API = '/api/v1/certification/cases/';
let lang = 'ru';
let profile = null;
let caseId = null;
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;
const areas = () => Array.from(document.querySelectorAll('#profile-form textarea[data-section]'));

function draw() {
  const signed = !!(profile && profile.signedAt);
  areas().forEach((a) => { a.readOnly = signed; });
  $('profile-save').disabled = signed || caseId === null;
  $('profile-sign').disabled = signed || !profile;
  $('profile-version').textContent = profile ? profile.version : '';
  $('profile-signed').textContent = signed
    ? t('profileSignedBy').replace('{who}', profile.signedBy).replace('{at}', L.time(profile.signedAt)) : '';
  const ack = profile && profile.acknowledgement;
  $('ack-save').disabled = !signed || !!ack;
  documents();
  $('ack-state').textContent = ack ? t('acknowledgedOn').replace('{on}', ack.acknowledgedOn)
    + (ack.disagrees ? ' — ' + t('disagrees') : '') : '';
}

// The case's papers as PDFs, in Russian and Kazakh (the minutes, votes and sheet once it is decided).
function documents() {
  const box = $('documents');
  box.textContent = '';
  if (caseId === null) return;
  ['profile', 'voting-list', 'minutes', 'sheet'].forEach((kind) => ['ru', 'kk'].forEach((l) => {
    const a = document.createElement('a');
    a.href = '/api/v1/certification/cases/' + encodeURIComponent(caseId) + '/documents/' + kind + '.pdf?lang=' + l;
    a.target = '_blank';
    a.dataset.document = kind + '-' + l;
    a.textContent = t('doc.' + kind) + ' (' + l.toUpperCase() + ')';
    box.appendChild(a);
    box.appendChild(document.createTextNode(' '));
  }));
}

function fill() {
  areas().forEach((a) => { a.value = (profile && profile.sections[a.dataset.section]) || ''; });
  draw();
}

async function guard(f) {
  L.showError($('profile-error'), null);
  $('profile-saved').textContent = '';
  try { await f(); $('profile-saved').textContent = t('saved'); } catch (e) { L.showError($('profile-error'), e); }
  draw();
}

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  $('profile-load').addEventListener('submit', (ev) => {
    ev.preventDefault();
    caseId = $('profile-case').value;
    guard(async () => {
      try { profile = await L.api('GET', API + caseId + '/profile'); } catch (e) {
        if (e.code !== 'no-such-profile') throw e;
        profile = null;
      }
      fill();
    });
  });
  $('profile-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const sections = {};
    areas().forEach((a) => { if (a.value.trim()) sections[a.dataset.section] = a.value; });
    guard(async () => {
      profile = await L.api('PUT', API + caseId + '/profile',
        { sections, baseVersion: profile ? profile.version : null });
      fill();
    });
  });
  $('profile-sign').addEventListener('click', () => guard(async () => {
    profile = await L.api('POST', API + caseId + '/profile/signature', { version: profile.version });
    fill();
  }));
  $('ack-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(async () => {
      profile = await L.api('POST', API + caseId + '/profile/acknowledgement', {
        disagrees: $('ack-disagrees').checked, disagreement: $('ack-disagreement').value,
        addedInformation: $('ack-added').value });
      fill();
    });
  });
  draw();
});
