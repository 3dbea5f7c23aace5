// IT staff's page of dead letters: jobs of the incident flows (registration, alerts,
// exports to external registries) parked after all their attempts, and the replay that
// puts one back in line.
import * as L from '/common/page.js';
import { button, buttonsCell, messages, row, table } from '/common/admin.js';

const TEXT = L.texts('deadLetters');
const $ = L.$;
const t = L.t;
let letters = [];
const { showError } = messages('deadLetters');

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
  table('letters', letters, (l) => {
    // A call intake hand-off belongs to a call, not to a card.
    const tr = row({ jobId: l.jobId }, [
      l.kuiNumber || (l.incidentId ? t('unregistered') + ' · ' + l.incidentId : t('call') + ' · ' + l.callId),
      l.step, l.target, String(l.attempts), L.time(l.deadSince), [l.lastError, 'error-text']]);
    buttonsCell(tr, button('replay', 'replay', (event) => replay(l.jobId, event.currentTarget)));
    return tr;
  }, 'none');
  $('count').textContent = String(letters.length);
  $('count').classList.toggle('active', letters.length > 0);
}

async function replay(jobId, source) {
  source.disabled = true;
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
