// The subscriber registry import: the CSV goes as the request body (the server streams it
// into the loader), the upload's progress is shown as it is sent, then the report: what was
// added, updated or kept, and every rejected row with its line, column and reason, worded
// from the row's code in the page's language. The valid rows are in even when some are not.
import * as L from '/common/page.js';
import { messages, row, table } from '/common/admin.js';

const TEXT = L.texts('admin.registry');
const $ = L.$;
const t = L.t;
let report = null;
let stage = null;
let noFile = false;

const said = messages('admin.registry');

function showError(e) {
  noFile = false;
  said.showError(e);
}

function progressText() {
  if (!stage) {
    $('progress-text').textContent = '';
  } else if (stage.sending) {
    $('progress-text').textContent = L.text('admin.registry.sending', { percent: stage.percent });
  } else {
    $('progress-text').textContent = t(stage.key);
  }
}

function setStage(s) {
  stage = s;
  progressText();
}

/** The upload with its progress: fetch() cannot report how much of a body has gone. */
function upload(file, source) {
  return new Promise((resolve, reject) => {
    const s = L.session();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/admin/subscribers/import?source=' + encodeURIComponent(source || 'upload'));
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('Accept', 'application/json');
    if (s && s.csrfHeader) xhr.setRequestHeader(s.csrfHeader, s.csrfToken);
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      $('progress').value = percent;
      setStage({ sending: true, percent });
    });
    xhr.upload.addEventListener('load', () => {
      $('progress').value = 100;
      setStage({ key: 'processing' });
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) { location.href = '/login'; return; }
      let json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { json = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(L.problemError(json, { status: xhr.status, statusText: xhr.statusText }));
    });
    xhr.addEventListener('error', () => reject(new Error(xhr.statusText || 'network')));
    xhr.send(file);
  });
}

function fieldName(field) {
  return t('field.' + (field || 'record'));
}

function reason(error) {
  const key = 'admin.registry.error.' + error.code;
  return L.text(key) === key ? error.reason : L.text(key, error.args);
}

function render() {
  if (!report) return;
  $('result').hidden = false;
  $('rows-read').textContent = String(report.rowsRead);
  $('inserted').textContent = String(report.inserted);
  $('updated').textContent = String(report.updated);
  $('unchanged').textContent = String(report.unchanged);
  $('rejected').textContent = String(report.rejected);
  table('row-errors', report.errors, (e) => row({ line: String(e.line) }, [String(e.line), fieldName(e.field),
    [reason(e), 'reason']]));
  $('row-errors').hidden = report.errors.length === 0;
  $('no-errors').hidden = report.rejected > 0;
  $('truncated').textContent = report.errorsTruncated
    ? L.text('admin.registry.truncated', { count: report.errors.length, total: report.rejected }) : '';
}

async function send(event) {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) {
    showError(null);
    noFile = true;
    $('error').textContent = t('noFile');
    return;
  }
  showError(null);
  report = null;
  $('result').hidden = true;
  $('send').disabled = true;
  $('progress').hidden = false;
  $('progress').value = 0;
  setStage({ sending: true, percent: 0 });
  try {
    report = await upload(file, $('source').value.trim());
    setStage({ key: 'done' });
    render();
  } catch (e) {
    setStage(null);
    $('progress').hidden = true;
    showError(e);
  } finally {
    $('send').disabled = false;
  }
}

L.whenReady(() => {
  $('upload-form').addEventListener('submit', send);
  L.start(TEXT, () => {
    if (noFile) $('error').textContent = t('noFile');
    progressText();
    render();
  }).catch(showError);
});
