// The benchmark driver: serves dist/ on 127.0.0.1, opens it in headless Chromium, and for
// each generated document imports it through the real file input, adds one annotation with a
// real mouse drag, exports native JSON and W3C, and reads the User Timing marks and memory.
// Prints a table of medians (and writes it to bench/results/latest.md). Not a test: it asserts
// nothing. Run it with scripts/bench.sh.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const DATA = join(ROOT, 'bench/data');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1000);
// BENCH_CASES=1m-10000 (comma-separated) runs only those cases.
const CASES = [['10k-50', '10 KB / 50'], ['100k-1000', '100 KB / 1 000'], ['1m-10000', '1 MB / 10 000']]
  .filter(([name]) => !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(name));

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Defines `__afterPaint(f)` in every page: `f` runs right after the next frame is painted (a
 * message posted from the animation frame), as the app's own "→ painted" marks do.
 */
function defineAfterPaint() {
  window.__afterPaint = (f) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => f();
    channel.port2.postMessage(null);
  });
}

/** Resolves with the time of the latest mark called `name` once it exists. */
async function waitForMark(page, name, timeout = 120_000) {
  return page.waitForFunction((n) => {
    const marks = performance.getEntriesByName(n, 'mark');
    return marks.length ? marks[marks.length - 1].startTime : null;
  }, name, { timeout, polling: 10 }).then((h) => h.jsonValue());
}

async function clearMarks(page) {
  await page.evaluate(() => performance.clearMarks());
}

/** One run of one case in a fresh browser context. */
async function runCase(browser, url, name) {
  // No service worker: its first install would compete with what is measured.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript(defineAfterPaint);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('article.doc p.block');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__input = {};
    addEventListener('mouseup', () => { window.__input.mouseup = performance.now(); }, true);
    addEventListener('keydown', () => { window.__input.keydown = performance.now(); }, true);
  });

  // Import through the real file input, confirm the preview.
  // A person needs longer than this to pick a file; meanwhile the browser finishes compiling
  // the app's startup code on its two cores. BENCH_SETTLE_MS=0 imports as soon as the page shows.
  await page.waitForTimeout(SETTLE_MS);
  await clearMarks(page);
  await page.setInputFiles('#import-file', join(DATA, `${name}.claimmark.json`));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor({ timeout: 120_000 });
  await waitForMark(page, 'claimmark:import-preview');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const done = await waitForMark(page, 'claimmark:import-done');
  const [start, preview, confirmed] = await page.evaluate(() => ['import-start', 'import-preview', 'import-confirmed']
    .map((n) => performance.getEntriesByName(`claimmark:${n}`, 'mark')[0].startTime));
  const importMs = (preview - start) + (done - confirmed);
  // Long tasks after the document's first paint, for two seconds (autosave included).
  await page.waitForTimeout(2000);
  const longestAfterPaint = await page.evaluate((after) => Math.max(0, ...window.__longTasks
    .filter((t) => t.start >= after).map((t) => t.duration)), done);
  const longestDuringImport = await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration)));
  const memory = await page.evaluate(() => ({ heap: performance.memory.usedJSHeapSize, wasm: globalThis.claimmarkWasmMemoryBytes?.() ?? NaN }));

  // The floor for "→ painted": a key that changes nothing, timed to the same after-paint point.
  await page.evaluate(() => {
    window.__floor = null;
    addEventListener('keydown', () => {
      const t = performance.now();
      window.__afterPaint(() => { window.__floor = performance.now() - t; });
    }, { once: true, capture: true });
  });
  await page.keyboard.press('Shift');
  const frameFloor = await page.waitForFunction(() => window.__floor).then((h) => h.jsonValue());
  // Add one annotation with a real drag over the first words of a paragraph in view.
  const box = await page.evaluate(() => {
    const para = [...document.querySelectorAll('article.doc p.block')].find((p) => {
      const r = p.getBoundingClientRect();
      return r.top > 80 && r.bottom < innerHeight - 100 && p.textContent.length > 60;
    }) ?? document.querySelector('article.doc p.block');
    para.scrollIntoView({ block: 'center' });
    const text = para.querySelector('.seg').firstChild;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(12, text.data.length));
    const r = range.getClientRects()[0];
    return { x: r.left + 1, y: r.top + r.height / 2, x2: r.right - 1 };
  });
  await clearMarks(page);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y, { steps: 6 });
  await page.mouse.up();
  const menuShown = await waitForMark(page, 'claimmark:menu-shown');
  const menuMs = menuShown - await page.evaluate(() => window.__input.mouseup);
  await page.getByRole('dialog', { name: 'Tag selection' }).focus();
  await page.keyboard.press('1');
  const added = await waitForMark(page, 'claimmark:annotation-added');
  const addMs = added - await page.evaluate(() => window.__input.keydown);

  // Typing a source's name in the new annotation's Attribution box: the slowest of five keys,
  // each from keydown until the frame showing it (and its suggestions) is painted.
  const field = page.locator('#edit-attribution');
  await field.focus();
  await page.evaluate(() => {
    window.__keys = [];
    addEventListener('keydown', () => {
      const t = performance.now();
      window.__afterPaint(() => window.__keys.push(performance.now() - t));
    }, true);
  });
  for (const key of 'Zakha') {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__keys.length >= n, 1 + 'Zakha'.indexOf(key));
  }
  const typingMs = await page.evaluate(() => Math.max(...window.__keys));
  await page.keyboard.press('Escape');

  // Exports, through the dialog.
  const exportMs = {};
  for (const [key, label] of [['native', /^claimmark JSON/], ['w3c', /^W3C Web Annotation/]]) {
    await clearMarks(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: label }).click(),
    ]);
    const [s, e] = [await waitForMark(page, 'claimmark:export-start'), await waitForMark(page, 'claimmark:export-done')];
    exportMs[key] = e - s;
  }

  // Scrolling: frame times while scrolling through the whole document.
  let fps = NaN;
  if (name === '1m-10000') {
    fps = await page.evaluate(() => new Promise((resolve) => {
      scrollTo(0, 0);
      const frames = [];
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (scrollY + innerHeight >= document.body.scrollHeight - 5 || frames.length > 600) {
          frames.sort((a, b) => a - b);
          // The 95th percentile frame time, as frames per second.
          resolve(1000 / frames[Math.floor(frames.length * 0.95)]);
          return;
        }
        scrollBy(0, document.body.scrollHeight / 300);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }));
  }
  await context.close();
  return { importMs, longestAfterPaint, longestDuringImport, frameFloor, menuMs, addMs, typingMs, exportNative: exportMs.native, exportW3c: exportMs.w3c, heap: memory.heap, wasm: memory.wasm, fps, errors };
}

/** Time for the static floor page to parse, lay out and paint. */
async function floor(browser, url, name) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(defineAfterPaint);
  const page = await context.newPage();
  await page.goto(`${url}bench/${name}.floor.html`);
  const painted = await page.evaluate(() => new Promise((resolve) => {
    window.__afterPaint(() => resolve(performance.now()));
  }));
  await context.close();
  return painted;
}

function bundle() {
  let total = 0;
  const parts = [];
  for (const file of readdirSync(DIST)) {
    if (!/\.(wasm|js|css)$/.test(file)) continue;
    const gz = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    total += gz;
    parts.push(`${file} ${(gz / 1024).toFixed(1)} KB`);
  }
  return { total, parts };
}

const kb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');

async function main() {
  mkdirSync(join(DIST, 'bench'), { recursive: true });
  // The floor pages link /style.css; the build's stylesheet has a hashed name (Trunk).
  const stylesheet = readdirSync(DIST).find((file) => /^style-[0-9a-f]+\.css$/.test(file));
  if (!stylesheet) throw new Error('no style-<hash>.css in dist/: run trunk build --release');
  for (const [name] of CASES) {
    const page = readFileSync(join(DATA, `${name}.floor.html`), 'utf8').replace('href="/style.css"', `href="/${stylesheet}"`);
    writeFileSync(join(DIST, 'bench', `${name}.floor.html`), page);
  }
  const server = await startServer({ root: DIST, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--enable-precise-memory-info'],
  });
  const rows = [];
  for (const [name, label] of CASES) {
    const runs = [];
    const floors = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await runCase(browser, url, name));
      floors.push(await floor(browser, url, name));
      process.stderr.write('.');
    }
    const m = (key) => median(runs.map((r) => r[key]));
    rows.push({
      label, import: m('importMs'), longest: m('longestAfterPaint'), longestImport: m('longestDuringImport'), floorFrame: m('frameFloor'), add: m('addMs'), typing: m('typingMs'), menu: m('menuMs'),
      native: m('exportNative'), w3c: m('exportW3c'), memory: m('heap') + m('wasm'), heap: m('heap'), wasm: m('wasm'),
      floor: median(floors), fps: m('fps'), errors: runs.flatMap((r) => r.errors),
    });
  }
  await browser.close();
  server.close();
  const size = bundle();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim()} headless`;
  const lines = [
    `Measured ${date} on ${machine}; release build; medians of ${RUNS} runs (\`scripts/bench.sh\`); each import starts ${SETTLE_MS} ms after the page shows.`,
    '',
    '| case | import → painted | longest task: import / after paint | add → painted | typing a source (slowest key) | mouse-up → menu | no-op key → painted | export native | export W3C | JS heap + wasm | static floor | import ÷ floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.label} | ${ms(r.import)} | ${ms(r.longestImport)} / ${ms(r.longest)} | ${ms(r.add)} | ${ms(r.typing)} | ${ms(r.menu)} | ${ms(r.floorFrame)} | ${ms(r.native)} | ${ms(r.w3c)} | ${kb(r.memory)} (${kb(r.heap)} + ${kb(r.wasm)}) | ${ms(r.floor)} | ${(r.import / r.floor).toFixed(2)} |`),
    '',
    'Import → painted adds the two steps of an import: reading the file until its preview is painted, and confirming until the document is painted (the wait for the click is not counted). "→ painted" times run to a message posted from the next animation frame (delivered right after that frame is painted), so they include waiting for that frame; the no-op key column is that floor.',
    '',
    ...rows.filter((r) => Number.isFinite(r.fps)).map((r) => `Scrolling the ${r.label.split(' / ')[0]} document top to bottom: ${r.fps.toFixed(0)} fps at the 95th-percentile frame.`),
    `Shipped bundle (gzip -9): ${(size.total / 1024).toFixed(1)} KB — ${size.parts.join(', ')}.`,
  ];
  const errors = rows.flatMap((r) => r.errors);
  if (errors.length) lines.push('', `Page errors: ${errors.join('; ')}`);
  const table = lines.join('\n');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  // A run of some cases only does not replace the full table.
  const out = process.env.BENCH_CASES ? 'partial.md' : 'latest.md';
  writeFileSync(join(ROOT, 'bench/results', out), table + '\n');
  console.log('\n' + table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
