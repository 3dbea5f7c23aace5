// IT staff's page of dead letters: jobs of the incident flows (registration, alerts,
// exports to external registries) parked after all their attempts, and the replay that
// puts one back in line.
import * as L from '/common/page.js';

const TEXT = L.texts('deadLetters');
const $ = L.$;
const t = L.t;
let letters = [];

function showError(e) {
  L.showError($('error'), e || null);
}

async function load() {
  try {
    const step = $('step').value;
    const answer = await L.api('GET', '/api/v1/admin/dead-letters' + (step ? '?step=' + encodeURIComponent(step) : ''));
    letters = answer.items;
    render();
    showError(null);
  } catch (e) {
    showError(e);
  }
}

function render() {
  const body = $('letters').querySelector('tbody');
  body.replaceChildren();
  letters.forEach((l) => {
    const tr = document.createElement('tr');
    tr.dataset.jobId = l.jobId;
    // A call intake hand-off belongs to a call, not to a card.
    L.cell(tr, l.kuiNumber || (l.incidentId ? t('unregistered') + ' · ' + l.incidentId : t('call') + ' · ' + l.callId));
    L.cell(tr, l.step);
    L.cell(tr, l.target);
    L.cell(tr, String(l.attempts));
    L.cell(tr, L.time(l.deadSince));
    L.cell(tr, l.lastError, 'error-text');
    const td = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'replay';
    button.textContent = t('replay');
    button.addEventListener('click', () => replay(l.jobId, button));
    td.appendChild(button);
    tr.appendChild(td);
    body.appendChild(tr);
  });
  $('count').textContent = String(letters.length);
  $('count').classList.toggle('active', letters.length > 0);
  $('none').hidden = letters.length > 0;
  $('letters').hidden = letters.length === 0;
}

async function replay(jobId, button) {
  button.disabled = true;
  try {
    await L.api('POST', '/api/v1/admin/dead-letters/' + jobId + '/replay');
    $('notice').textContent = t('replayed') + ' (' + jobId + ')';
    showError(null);
  } catch (e) {
    showError(e);
  }
  load();
}

L.whenReady(() => {
  $('reload').addEventListener('click', load);
  $('step').addEventListener('change', load);
  L.start(TEXT, render).then(() => {
    load();
    setInterval(load, 10000);
  }).catch(showError);
});
