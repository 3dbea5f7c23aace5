// Drawing a person's attention to something that needs them now (a ring on the console, a
// new alert on the duty officer's screen), for someone who may be looking away:
// - a short tone shipped with the application (/common/ring.wav: three 180 ms beeps,
//   880-660-880 Hz, 8 kHz 8-bit mono, made once with Python's wave module and committed),
//   louder and repeated more for a more urgent level;
// - a desktop notification while the page is hidden (permission is asked on the person's
//   first click or key press on the page: browsers refuse to ask without a gesture);
// - the page's title flashing until the page gets the focus or the person acts on it.
// An ES module the pages import; also window.Line102Attention, for the page tests. What it did is
// counted in Line102Attention.stats (tests and the curious read it).

const SOUND = '/common/ring.wav';
const FLASH_MS = 700;
const MARK = '\u25CF ';
// Level 1 is the most urgent (priority 1, a critical alert).
const LEVELS = {
  1: { volume: 1.0, repeats: 3 },
  2: { volume: 0.8, repeats: 2 },
  3: { volume: 0.6, repeats: 1 },
  4: { volume: 0.4, repeats: 1 }
};

export const stats = {
  rings: 0, played: 0, playFailures: 0, lastLevel: null, lastVolume: null, lastRepeats: null,
  permissionRequests: 0, notifications: 0, flashing: false, flashes: 0, lastError: null
};

let audio = null;
let left = 0;
let flashTimer = null;
let baseTitle = null;
let flashText = '';
let marked = false;
let notice = null;

function level(of) {
  return LEVELS[of] || LEVELS[2];
}

function playOnce() {
  if (!audio) {
    audio = new Audio(SOUND);
    audio.preload = 'auto';
    audio.addEventListener('ended', () => {
      left -= 1;
      if (left > 0) playOnce();
    });
  }
  audio.currentTime = 0;
  const started = audio.play();
  if (started && typeof started.then === 'function') {
    started.then(() => { stats.played += 1; }, (e) => {
      // Autoplay refused (no gesture on the page yet) or no audio device: the title and notice remain.
      stats.playFailures += 1;
      stats.lastError = String(e && e.name ? e.name : e);
      left = 0;
    });
  } else {
    stats.played += 1;
  }
}

function sound(l) {
  const how = level(l);
  stats.lastVolume = how.volume;
  stats.lastRepeats = how.repeats;
  try {
    if (audio) audio.pause();
    left = how.repeats;
    playOnce();
    audio.volume = how.volume;
  } catch (e) {
    stats.playFailures += 1;
    stats.lastError = String(e);
  }
}

function notify(title, body, tag) {
  if (!('Notification' in window) || !document.hidden) return;
  if (Notification.permission !== 'granted') return;
  try {
    if (notice) notice.close();
    notice = new Notification(title, { body: body || '', tag: tag || 'line102', renotify: true });
    notice.onclick = () => { window.focus(); quiet(); };
    stats.notifications += 1;
  } catch (e) {
    stats.lastError = String(e);
  }
}

function tick() {
  // The page may have changed its own title meanwhile (a switch of language): that is the new base.
  if (document.title !== baseTitle && document.title !== MARK + flashText) baseTitle = document.title;
  marked = !marked;
  document.title = marked ? MARK + flashText : baseTitle;
  stats.flashes += 1;
}

function flash(text) {
  if (!flashTimer) baseTitle = document.title;
  else if (document.title === MARK + flashText) document.title = MARK + (text || '');
  flashText = text || '';
  if (flashTimer) return;
  marked = false;
  stats.flashing = true;
  tick();
  flashTimer = setInterval(tick, FLASH_MS);
}

function stopFlash() {
  if (!flashTimer) return;
  clearInterval(flashTimer);
  flashTimer = null;
  if (marked && baseTitle !== null) document.title = baseTitle;
  marked = false;
  stats.flashing = false;
}

/**
 * Calls for attention: the tone (louder and longer for level 1, softer for 4), a desktop
 * notification when the page is hidden, the title flashing with {@code title}.
 */
export function ring({ title, body, level: l = 2, tag } = {}) {
  stats.rings += 1;
  stats.lastLevel = l;
  sound(l);
  notify(title, body, tag);
  flash(title);
}

/** Ends the call for attention: the tone, the flashing title and the notification. */
export function quiet() {
  left = 0;
  if (audio) {
    try { audio.pause(); } catch (e) { /* nothing to stop */ }
  }
  if (notice) {
    notice.close();
    notice = null;
  }
  stopFlash();
}

/** Asks for the permission to notify, once, on a gesture of the person (browsers require one). */
export function askPermission() {
  if (!('Notification' in window) || Notification.permission !== 'default') return;
  stats.permissionRequests += 1;
  try {
    const asked = Notification.requestPermission();
    if (asked && typeof asked.catch === 'function') asked.catch(() => {});
  } catch (e) {
    stats.lastError = String(e);
  }
}

function acted() {
  askPermission();
  // Acting on the page means looking at it.
  stopFlash();
}

window.addEventListener('focus', stopFlash);
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && document.hasFocus()) stopFlash();
});
document.addEventListener('pointerdown', acted, true);
document.addEventListener('keydown', acted, true);

window.Line102Attention = { ring, quiet, askPermission, stats };
