// The 1 MB / 10 000 annotation document imports and renders without error (a smoke test: no
// timing is asserted here; scripts/bench.sh measures), and only what is near the viewport is
// in the DOM; its annotations are placed on a version with a line added at the top (the time
// and the long tasks are printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, screenshot } from './harness.mjs';

const DATA = process.env.CLAIMMARK_BENCH_DATA ?? fileURLToPath(new URL('../target/bench-data', import.meta.url));
const FILE = join(DATA, '1m-10000.claimmark.json');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('1 MB with 10 000 annotations: imports, renders a small DOM, scrolls to the middle with highlights', async () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: scripts/test.sh generates it`);
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', FILE);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor({ timeout: 60_000 });
  assert.match(await dialog.textContent(), /1 document\(s\), 10000 annotation\(s\)/);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Benchmark 1m-10000' }).waitFor({ timeout: 60_000 });
  assert.match(await page.locator('.panel .panel-title').textContent(), /Annotations \(10000\)/);
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  assert.ok(elements < 5000, `only the window is rendered (${elements} elements)`);
  assert.ok(await page.locator('.entry').count() < 200, 'the annotation list is windowed too');

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const inView = () => [...document.querySelectorAll('article .seg.hl')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).length;
  // A function, not a string: a string would be evaluated in the page, which its CSP forbids.
  await page.waitForFunction(() => [...document.querySelectorAll('article .seg.hl')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).length > 10,
  null, { timeout: 10_000 }).catch(() => {});
  const visible = await page.evaluate(inView);
  assert.ok(visible > 10, `highlights in view at the middle (${visible})`);
  const offsets = await page.evaluate(() => {
    const seg = [...document.querySelectorAll('article .seg.hl')].find((e) => e.getBoundingClientRect().top > 100);
    return Number(seg.dataset.s);
  });
  assert.ok(offsets > 300_000 && offsets < 700_000, `the middle of the text is shown (offset ${offsets})`);
  await screenshot(page, 'large-middle');
  assert.deepEqual(problems, []);
});

test('1 MB: the annotations of a version with a line added at the top are placed on it, in slices', async () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: scripts/test.sh generates it`);
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', FILE);
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
  await page.locator('h1.doc-title', { hasText: 'Benchmark 1m-10000' }).waitFor({ timeout: 60_000 });
  // The same file with a line added at the top of its text, its offsets moved with it.
  const file = JSON.parse(readFileSync(FILE, 'utf8'));
  const line = 'A line added at the top of this version.\n';
  file.document.text = line + file.document.text;
  delete file.document.id;
  for (const a of file.annotations) { a.start += line.length; a.end += line.length; }
  await page.setInputFiles('#import-file', { name: 'edited.claimmark.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel(/Place its annotations on the open document/).waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const began = Date.now();
  await dialog.getByLabel(/Place its annotations on the open document/).check();
  await dialog.getByText(/Placed 0 at the same place, 10000 moved, 0 found with small edits; 0 not found/).waitFor({ timeout: 60_000 });
  const took = Date.now() - began;
  const long = await page.evaluate(() => window.longTasks.map(Math.round));
  console.log(`placing 10 000 annotations on the edited 1 MB text: ${took} ms; long tasks: ${long.join(' ms, ') || 'none'}`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Benchmark 1m-10000' }).waitFor({ timeout: 60_000 });
  assert.match(await page.locator('.panel .panel-title').textContent(), /Annotations \(10000\)/);
  assert.deepEqual(problems, []);
});
