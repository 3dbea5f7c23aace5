// The certification page's commissions: personnel create a commission and change its composition
// (a new version each time; the earlier ones stay). Refusals (a member without an account, no
// personnel officer, a member below the employee of an open case, a meeting in progress) are shown
// from problem.* by their code in the page's language. Texts: certification.* keys.
import * as L from '/common/page.js';

const texts = L.texts('certification');
const $ = (id) => document.getElementById(id);
const API = '/api/v1/certification/commissions';
let lang = 'ru';
let commissions = [];
const t = (k) => (texts[lang] && texts[lang][k]) || texts.ru[k] || k;

function draw() {
  const body = $('commissions');
  body.textContent = '';
  commissions.forEach((c) => {
    const tr = document.createElement('tr');
    tr.dataset.commissionId = c.id;
    [c.name, c.chair, c.secretary, c.members.join(', ')].forEach((v) => L.cell(tr, v));
    // A row picked fills the form: the change starts from the composition in force.
    tr.addEventListener('click', () => {
      $('commission-id').value = c.id;
      $('commission-name').value = c.name;
      $('commission-chair').value = c.chair;
      $('commission-secretary').value = c.secretary;
      $('commission-members').value = c.members.join(', ');
    });
    body.appendChild(tr);
  });
}

function composition() {
  return { name: $('commission-name').value.trim(), chair: $('commission-chair').value.trim(),
    secretary: $('commission-secretary').value.trim(),
    members: $('commission-members').value.split(/[\s,;]+/).filter(Boolean),
    reason: $('commission-reason').value.trim() || null };
}

async function guard(f) {
  L.showError($('commission-error'), null);
  $('commission-saved').textContent = '';
  try {
    await f();
    $('commission-saved').textContent = t('saved');
    commissions = await L.api('GET', API);
  } catch (e) { L.showError($('commission-error'), e); }
  draw();
}

L.whenReady(async () => {
  await L.start(texts, (l) => { lang = l; draw(); });
  lang = L.lang();
  $('commission-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guard(async () => { $('commission-id').value = (await L.api('POST', API, composition())).id; });
  });
  $('commission-change').addEventListener('click', () => guard(() => {
    const id = $('commission-id').value;
    if (!id) throw new Error(t('pickCommission'));
    return L.api('PUT', API + '/' + id, composition());
  }));
  try { commissions = await L.api('GET', API); draw(); } catch (e) { L.showError($('commission-error'), e); }
});
