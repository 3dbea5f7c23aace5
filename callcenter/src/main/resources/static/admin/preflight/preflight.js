// IT staff's preflight page: every check of the installation (PBX, stores, this node) with
// what it found and what to change. The findings' own words come from the server in the
// page's language (Accept-Language); the page's words are here.
import * as L from '/common/page.js';
import { messages, row, table } from '/common/admin.js';

const CHECKS = ['ami-link', 'ami-read-classes', 'ami-actions', 'dialplan-agi', 'dialplan-default-queue',
  'dialplan-default-priority', 'dialplan-recording-dir', 'recording-dir', 'ari-credentials', 'pbx-logs',
  'redis-persistence', 'redis-eviction', 'database-app-role', 'database-pbx-role', 'clock-database',
  'clock-pbx', 'check'];

const TEXT = L.texts('preflightPage');
const $ = L.$;
const t = L.t;
let answer = null;
let runs = 0;
const { showError } = messages('preflightPage');

/** Runs every check now, in the page's language; an answer overtaken by a later run is dropped. */
async function run() {
  const mine = ++runs;
  $('run').disabled = true;
  $('running').hidden = false;
  try {
    const got = await L.api('GET', '/api/v1/admin/preflight', undefined, { 'Accept-Language': L.lang() });
    if (mine !== runs) return;
    answer = got;
    render();
    showError(null);
  } catch (e) {
    if (mine === runs) showError(e);
  } finally {
    if (mine === runs) {
      $('run').disabled = false;
      $('running').hidden = true;
    }
  }
}

function checkName(id) {
  return CHECKS.includes(id) ? t('check.' + id) : id;
}

function render() {
  if (!answer) return;
  table('findings', answer.findings, (f) => {
    const tr = row({ id: f.id, status: f.status }, [], 'finding-' + f.status);
    const name = L.cell(tr, checkName(f.id));
    const code = document.createElement('span');
    code.className = 'check-id';
    code.textContent = f.id;
    name.appendChild(code);
    const result = L.cell(tr, '');
    const badge = document.createElement('span');
    badge.className = 'status status-' + f.status;
    badge.textContent = t('status.' + f.status);
    result.appendChild(badge);
    L.cell(tr, f.message, 'message');
    L.cell(tr, f.fix || '', 'fix');
    return tr;
  });
  $('overall').textContent = t('overall.' + answer.status);
  $('overall').className = 'status status-' + answer.status;
  $('overall').dataset.status = answer.status;
  $('last-run').textContent = L.time(answer.at);
  $('last-run').dateTime = answer.at;
}

// The findings' words come from the server: another language asks for them again.
function onLanguage() {
  if (answer) {
    render();
    run();
  }
}

L.whenReady(() => {
  $('run').addEventListener('click', run);
  L.start(TEXT, onLanguage).then(run).catch(showError);
});
