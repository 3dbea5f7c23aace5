// The charts of the statistics page and the wallboard, drawn with uPlot (served by the
// application from its WebJar, /webjars/uplot/…: no network at run time). Every chart
// has categories along x (intervals, hours, queues, wait bands) and a few series.

const COLORS = { offered: '#10305a', answered: '#2e7d32', abandoned: '#c62828', target: '#ef6c00',
  sl: '#1565c0', ready: '#2e7d32', wrapUp: '#1565c0', paused: '#f9a825', signedIn: '#555' };

/**
 * Draws (or redraws) a chart in el. spec: {labels: [...], series: [{label, values, color,
 * bars, dash}], yMax, yLabel}. The chart's data are also kept on el for tests and screen readers.
 */
function draw(el, spec) {
  if (el.line102Chart) { el.line102Chart.destroy(); el.line102Chart = null; }
  el.dataset.points = String(spec.labels.length);
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', spec.title || '');
  if (!window.uPlot) { el.textContent = spec.title || ''; return; }
  const x = spec.labels.map((_, i) => i);
  const big = document.body.classList.contains('tv');
  const font = (big ? 18 : 12) + 'px system-ui, sans-serif';
  const bars = window.uPlot.paths && window.uPlot.paths.bars ? window.uPlot.paths.bars({ size: [0.6, 60] }) : null;
  const series = [{ label: '' }].concat(spec.series.map((s) => ({
    label: s.label,
    stroke: s.color,
    fill: s.bars ? s.color + '99' : undefined,
    width: s.bars ? 1 : (big ? 4 : 2),
    dash: s.dash ? [8, 6] : undefined,
    paths: s.bars && bars ? bars : undefined,
    points: { show: !s.bars && !s.dash && spec.labels.length < 40 },
    spanGaps: false,
    value: (u, v) => (v == null ? '—' : (Math.round(v * 10) / 10).toString()),
  })));
  const every = Math.max(1, Math.ceil(spec.labels.length / (big ? 12 : 16)));
  const opts = {
    width: Math.max(280, el.clientWidth || 600),
    height: spec.height || (big ? 340 : 240),
    series,
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, spec.labels.length - 0.5)] },
      y: { range: (u, min, max) => [0, spec.yMax != null ? spec.yMax : Math.max(1, max * 1.1)] } },
    axes: [
      { font, stroke: big ? '#fff' : '#333', grid: { stroke: big ? '#333' : '#eee' }, splits: () => x.filter((i) => i % every === 0),
        values: (u, splits) => splits.map((i) => (spec.labels[i] == null ? '' : spec.labels[i])) },
      { font, stroke: big ? '#fff' : '#333', grid: { stroke: big ? '#333' : '#eee' }, label: spec.yLabel || '', labelFont: font },
    ],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
  el.replaceChildren();
  el.line102Chart = new window.uPlot(opts, [x].concat(spec.series.map((s) => s.values)), el);
}

/** Shorter labels for interval keys: '2026-12-04T09:15' → '09:15'. */
function label(key) {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(key) ? key.slice(11) : key;
}

/** Wait bands grouped for reading: 0–5, 6–10, 11–15, 16–20, 21–30, 31–45, 46–60, then the history's own bands. */
function waitBands(w) {
  const edges = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600];
  const out = { labels: [], answered: [], abandoned: [] };
  let lo = 0;
  let bin = 0;
  edges.concat([Infinity]).forEach((hi) => {
    let a = 0;
    let b = 0;
    while (bin < w.answered.length && (bin >= w.upperSeconds.length ? Infinity : w.upperSeconds[bin]) <= hi) {
      a += w.answered[bin];
      b += w.abandoned[bin];
      bin += 1;
    }
    out.labels.push(hi === Infinity ? '>' + (lo - 1) : lo + '–' + hi);
    out.answered.push(a);
    out.abandoned.push(b);
    lo = hi + 1;
  });
  return out;
}

export { draw, label, waitBands, COLORS };
