// The 1 MB / 10 000 annotation document imports and renders without error (a smoke test: no
// timing is asserted here; scripts/bench.sh measures), and only what is near the viewport is
// in the DOM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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
