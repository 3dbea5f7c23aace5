// The watch's side of the card in detail: the register entries linked to the card and the
// reports of serious events drafted from it, each a link to it on the watch page. The
// incident module does not know the watch; the card asks the watch by its id
// (/api/v1/watch/links). Loaded once per card chosen, not on every refresh: a read of a
// confidential register is audited. Journal names and report states are the watch's texts.
import * as L from '/common/page.js';

const watchTexts = L.texts('watch');
let wanted = null;
let shown = null;

const $ = (id) => L.$(id);

function w(key) {
  const l = L.lang();
  return (watchTexts[l] && watchTexts[l][key]) || (watchTexts.ru && watchTexts.ru[key]) || key;
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function render() {
  const box = $('card-watch-links');
  // A role that does not read the journals gets a 403: the section stays hidden for it.
  box.hidden = !shown;
  if (!shown) return;
  const list = $('card-watch-list');
  list.replaceChildren();
  shown.entries.forEach((e) => {
    const li = document.createElement('li');
    li.className = 'watch-entry';
    li.dataset.entryId = e.entryId;
    li.appendChild(link('/watch/?journal=' + encodeURIComponent(e.journal) + '&year=' + e.year + '&number=' + e.number
      + '#journals', w(e.journal) + ', № ' + e.number + '/' + e.year));
    li.append(' — ' + L.time(e.at));
    list.appendChild(li);
  });
  shown.reports.forEach((r) => {
    const li = document.createElement('li');
    li.className = 'watch-report';
    li.dataset.reportId = r.id;
    li.appendChild(link('/watch/?report=' + r.id + '#serious', L.t('seriousReport') + ' № ' + r.id));
    li.append(' — ' + [r.eventType, w('serious.state.' + r.state), L.time(r.draftedAt)].filter((s) => s).join(', '));
    list.appendChild(li);
  });
  $('card-watch-none').hidden = shown.entries.length + shown.reports.length > 0;
}

/** Loads what the watch holds about the card {@code incidentId}; null hides the section. */
async function show(incidentId) {
  wanted = incidentId;
  shown = null;
  render();
  if (!incidentId) return;
  try {
    const links = await L.api('GET', '/api/v1/watch/links?incident=' + encodeURIComponent(incidentId));
    if (wanted === incidentId) shown = links;
  } catch (e) {
    shown = null;
  }
  render();
}

export { show, render };
