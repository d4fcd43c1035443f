// The benchmark driver (scripts/bench.sh): serves dist/ as a static host would (precompressed
// files, scripts/serve.mjs) on 127.0.0.1 and drives Debian's Chromium headless through
// - the first and the second visit on a slow network (bench/visits.mjs),
// - the first import of each generated document in a fresh page, placing a file's annotations
//   on three edited versions of the 1 MB text, and 20 annotations made by hand in the 1 MB
//   document (bench/session.mjs),
// and measures the bytes of every file of the build (bench/bytes.mjs). Prints one table with
// the machine and the date, and writes it to bench/results/latest.md. Not a test: it asserts
// nothing.
//
// BENCH_RUNS (default 5) runs of each measure (medians); BENCH_TRIES (20) annotations made by
// hand; BENCH_SETTLE_MS (1000) from the app's start to the first import; BENCH_ONLY=visits,
// imports,reanchor,suggest,interaction runs only those parts (into bench/results/partial.md).
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { bytesByFile, startupFiles } from './bytes.mjs';
import { visits, NETWORK_WORDS } from './visits.mjs';
import { EDITS, firstImport, interaction, reanchoring, suggesting } from './session.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const DATA = join(ROOT, 'bench/data');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TRIES = Number(process.env.BENCH_TRIES ?? 20);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1000);
const ONLY = process.env.BENCH_ONLY?.split(',');
const part = (name) => !ONLY || ONLY.includes(name);
const CASES = [['10k-50', '10 KB / 50'], ['100k-1000', '100 KB / 1 000'], ['1m-10000', '1 MB / 10 000']];
const LARGE = join(DATA, '1m-10000.claimmark.json');
const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--enable-precise-memory-info', '--disable-quic'],
};

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const ms = (v) => (Number.isFinite(v) ? (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`) : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const task = (v) => (v > 0 ? `longest task ${ms(v)}` : 'no task over 50 ms');
const progress = () => process.stderr.write('.');

/** A row: what, the result, the target and whether it is met (`value ≤ limit`). */
const row = (what, result, target = '', value = NaN, limit = NaN) => {
  const verdict = Number.isFinite(limit) ? (value <= limit ? 'met' : '**not met**') : '';
  return `| ${what} | ${result} | ${target} | ${verdict} |`;
};

async function measureVisits(url) {
  const { first, second } = await visits({ url, runs: RUNS, launchOptions: LAUNCH, progress });
  const m = (runs, key) => median(runs.map((r) => r[key]));
  const spread = (runs, key) => `${ms(m(runs, key))} (${ms(Math.min(...runs.map((r) => r[key])))}–${ms(Math.max(...runs.map((r) => r[key])))})`;
  return [
    row('First visit: the seed article readable', spread(first, 'readable'), '≤ 1.0 s', m(first, 'readable'), 1000),
    row('First visit: ready for a drag', spread(first, 'ready'), '≤ 2.0 s', m(first, 'ready'), 2000),
    row('First visit: the wasm downloaded; bytes transferred', `${ms(m(first, 'wasmArrived'))}; ${kb(m(first, 'transferred'))}`),
    row('Second visit (service worker): ready for a drag', spread(second, 'ready'), '≤ 300 ms', m(second, 'ready'), 300),
    row('Second visit: the seed article readable', ms(m(second, 'readable'))),
    row('First / second visit: first contentful paint (the browser\'s, beside readable)', `${ms(m(first, 'fcp'))} / ${ms(m(second, 'fcp'))}`),
  ];
}

function measureBytes() {
  const rows = bytesByFile(DIST);
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  const line = (r) => `${kb(r.raw)} / ${kb(r.gzip)} / ${kb(r.brotli)}`;
  const startup = startupFiles(rows);
  return [
    ...rows.map((r) => row(`Bytes: ${r.name.replace(/-[0-9a-f]{16}/, '-…')} (raw / gzip / brotli)`, line(r))),
    row('Bytes: all files (raw / gzip / brotli)', line({ raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') })),
    row('Bytes: what the annotator page needs to start (page, stylesheet, scripts, wasm; brotli)', kb(sum(startup, 'brotli')), '≤ 300 KB', sum(startup, 'brotli'), 300 * 1024),
  ];
}

async function measureImports(browser, url) {
  const rows = [];
  const startup = [];
  const settling = [];
  const errors = [];
  const targets = { '100k-1000': 60, '1m-10000': 150 };
  for (const [name, label] of CASES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await firstImport(browser, url, join(DATA, `${name}.claimmark.json`), SETTLE_MS));
      progress();
    }
    startup.push(...runs.map((r) => r.longestStartup));
    settling.push(...runs.map((r) => r.longestSettling));
    errors.push(...runs.flatMap((r) => r.errors));
    const m = (key) => median(runs.map((r) => r[key]));
    const worst = (key) => Math.max(...runs.map((r) => r[key]));
    const limit = targets[name];
    // Met when the median is within the time (if there is one) and no run had a task over 50 ms.
    const judged = worst('longestPreview') > 0 ? Infinity : m('preview');
    rows.push(row(`First import ${label}: start → preview painted (worst of ${RUNS} runs' longest task)`, `${ms(m('preview'))} (${task(worst('longestPreview'))})`,
      `${limit ? `≤ ${limit} ms, ` : ''}no task over 50 ms`, judged, limit ?? Number.MAX_VALUE));
    rows.push(row(`First import ${label}: confirm → document painted; the 2 s after`, `${ms(m('shown'))} (${task(worst('longestShown'))}); ${task(worst('longestAfter'))}`));
  }
  rows.push(row('Starting: navigation → ready, no throttling (worst of the import runs)', task(Math.max(...startup))));
  rows.push(row(`Ready → the import ${SETTLE_MS} ms later, idle (the rehearsals run then; worst of the import runs)`, task(Math.max(...settling))));
  return { rows, errors };
}

async function measureReanchoring(browser, url) {
  const rows = [];
  const errors = [];
  for (const edit of Object.keys(EDITS)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await reanchoring(browser, url, LARGE, edit));
      progress();
    }
    errors.push(...runs.flatMap((r) => r.errors));
    const worst = Math.max(...runs.map((r) => r.longest));
    const judged = worst > 0 ? Infinity : median(runs.map((r) => r.ms));
    rows.push(row(`Placing 10 000 annotations on the 1 MB text with ${edit}: choice → result painted`,
      `${ms(median(runs.map((r) => r.ms)))} (${task(worst)}); ${runs[0].outcome}`, '≤ 300 ms, no task over 50 ms', judged, 300));
  }
  return { rows, errors };
}

async function measureSuggesting(browser, url) {
  const all = [];
  const errors = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await suggesting(browser, url, LARGE);
    all.push(...r.runs);
    errors.push(...r.errors);
    progress();
  }
  const worst = Math.max(...all.map((r) => r.longest));
  const judged = worst > 0 ? Infinity : median(all.map((r) => r.ms));
  return {
    rows: [row(`1 MB document, Suggest (S, then after each of two changes): start → list and outlines painted, median of ${all.length} (slowest)`,
      `${ms(median(all.map((r) => r.ms)))} (${ms(Math.max(...all.map((r) => r.ms)))}; ${task(worst)})`, '≤ 300 ms, no task over 50 ms', judged, 300)],
    errors,
  };
}

async function measureInteraction(browser, url) {
  const r = await interaction(browser, url, LARGE, TRIES);
  progress();
  // The same in the 10 KB document: what any change costs before the document's size matters.
  const small = await interaction(browser, url, join(DATA, '10k-50.claimmark.json'), TRIES);
  progress();
  const reference = (values, what) => row(`10 KB document (reference), ${what}: 95th percentile (median)`,
    `${ms(percentile(values, 95))} (${ms(median(values))})`);
  const p95 = (values, what, target) => row(`1 MB document, ${what}: 95th percentile of ${values.length} (median)`,
    `${ms(percentile(values, 95))} (${ms(median(values))})`, `≤ ${target} ms`, percentile(values, 95), target);
  return {
    rows: [
      p95(r.menu, 'mouse-up → tag menu painted', 16),
      p95(r.click, 'click on a label → annotation painted', 16),
      p95(r.keys, 'a key typed in Attribution → painted', 16),
      reference(small.click, 'click on a label → annotation painted'),
      reference(small.keys, 'a key typed in Attribution → painted'),
      row('1 MB document: a key that changes nothing → the message after the next frame (nothing to draw)', ms(r.floor)),
      row('1 MB document: export claimmark JSON / W3C', `${ms(r.exportNative)} / ${ms(r.exportW3c)}`),
      row('1 MB document: JS heap + wasm memory; scrolling top to bottom (95th-percentile frame)', `${(r.memory / 2 ** 20).toFixed(1)} MB; ${r.fps.toFixed(0)} fps`),
    ],
    errors: [...r.errors, ...small.errors],
  };
}

function machine() {
  const chromium = execSync(`${LAUNCH.executablePath} --version 2>/dev/null`).toString().trim();
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${chromium} headless, load average ${load} at the start`;
}

async function main() {
  const server = await startServer({ root: DIST, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const started = machine();
  const rows = [];
  const errors = [];
  if (part('visits')) rows.push(...await measureVisits(url));
  if (part('bytes') || !ONLY) rows.push(...measureBytes());
  const browser = await chromium.launch(LAUNCH);
  for (const [name, measure] of [['imports', measureImports], ['reanchor', measureReanchoring], ['suggest', measureSuggesting], ['interaction', measureInteraction]]) {
    if (!part(name)) continue;
    try {
      const result = await measure(browser, url);
      rows.push(...result.rows);
      errors.push(...result.errors);
    } catch (error) {
      // One part failing leaves the others' figures in the table.
      rows.push(row(`${name}: failed`, String(error.message ?? error).split('\n')[0]));
    }
  }
  await browser.close();
  server.close();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${started}; release build served with brotli (\`scripts/bench.sh\`). Visits: ${NETWORK_WORDS}, a fresh profile per run, 1366×800, medians of ${RUNS} runs (fastest–slowest). Imports: medians of ${RUNS} fresh pages, each import ${SETTLE_MS} ms after the app is ready, no throttling.`,
    '',
    '| measure | result | target | |',
    '| --- | --- | --- | --- |',
    ...rows,
  ];
  if (errors.length) lines.push('', `Page errors: ${errors.join('; ')}`);
  const table = lines.join('\n');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results', ONLY ? 'partial.md' : 'latest.md'), table + '\n');
  console.log('\n' + table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
