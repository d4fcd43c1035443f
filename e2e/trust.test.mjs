// Nothing is lost, nothing runs that shouldn't: reload at once, a full storage, two tabs,
// annotations moved onto a new version of the text, hostile text, and no network requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, launch, openApp, screenshot, tagWithKey as tag } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('a reload right after a change keeps it', async () => {
  const { page } = await openApp(env);
  await tag(page, 'Russia has formally offered', '3');
  await page.reload();
  await page.locator('.entry').first().waitFor();
  assert.equal(await page.locator('.entry').count(), 1);
});

test('a full storage says so and offers to export everything', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await appReady(page);
  await tag(page, 'Russia has formally offered', '3', 'Russia');
  const alert = page.locator('.alerts .notice');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be saved: the browser's storage is full/);
  await screenshot(page, 'storage-full');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Export everything' }).click(),
  ]);
  const contents = await readFile(await download.path(), 'utf8');
  const saved = download.suggestedFilename().endsWith('.jsonl') ? JSON.parse(contents.split('\n')[0]) : JSON.parse(contents);
  assert.equal(saved.annotations[0].quote, 'Russia has formally offered');
  assert.equal(await page.locator('.entry').count(), 1, 'the work stays in the page');
  await context.close();
});

test('two tabs never overwrite each other silently', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const page of [a, b]) {
    await page.goto(env.url);
    await appReady(page);
  }
  await tag(a, 'Russia has formally offered', '3');
  const notice = b.locator('.alerts .notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /saved from another claimmark tab.*stopped saving/s);
  await screenshot(b, 'two-tabs');
  await notice.getByRole('button', { name: "Load the other tab's work" }).click();
  await b.locator('.entry').first().waitFor();
  assert.equal(await b.locator('.entry').count(), 1, 'tab B now has tab A\'s annotation');

  await tag(b, 'Maria Zakharova announced', '1');
  const back = a.locator('.alerts .notice');
  await back.waitFor();
  await back.getByRole('button', { name: "Keep this tab's work" }).click();
  // A kept its own work (one annotation) and saved it; B is told in turn.
  await b.locator('.alerts .notice', { hasText: 'another claimmark tab' }).waitFor();
  assert.equal(await a.locator('.entry').count(), 1);
  await context.close();
});

test('annotations of another version of the text are placed by their quotes, and the rest listed', async () => {
  const { page } = await openApp(env);
  const text = await page.evaluate(() => [...document.querySelectorAll('p.block, h2.block')].map((b) => b.textContent).join('\n'));
  assert.ok(text.startsWith('Russia has formally offered'));
  const old = 'Breaking: ' + text.replace('urged both nations to demonstrate', 'urged both nations strongly to demonstrate');
  const slice = (t, q) => { const i = [...t].findIndex((_, k) => [...t].slice(k, k + [...q].length).join('') === q); return [i, i + [...q].length]; };
  const quotes = ['Russia has formally offered', 'urged both nations strongly to demonstrate restraint and resolve differences', 'a sentence that is not there'];
  const oldText = old + '\nIt said a sentence that is not there.';
  const annotations = quotes.map((q, i) => { const [s, e] = slice(oldText, q); return { id: `o${i}`, start: s, end: e, quote: q, label: 'claim', attribution: null }; });
  const file = { format: 'claimmark', version: 1, offset_unit: 'codepoint', document: { title: 'Older version', text: oldText }, annotations };
  await page.setInputFiles('#import-file', { name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor();
  await dialog.getByLabel(/Place its annotations on the open document/).check();
  assert.match(await dialog.textContent(), /Placed 0 at the same place, 1 moved, 1 found with small edits; 1 not found/);
  assert.match(await dialog.textContent(), /“a sentence that is not there”/);
  await screenshot(page, 'reanchor');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const quotesNow = await page.locator('.entry-quote').allTextContents();
  assert.deepEqual(quotesNow, ['“Russia has formally offered”', '“urged both nations to demonstrate restraint and resolve differences”']);
});

test('hostile text stays text, no script runs, and the app asks the network for nothing', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  // The context hears every tab's requests and the service worker's own (its cache downloads).
  context.on('request', (r) => requests.push(r.url()));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.url);
  await appReady(page);
  const evil = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script><a href="javascript:window.__xss=3">x</a>';
  const text = `Kabul said ${evil} today.\nSecond line.`;
  const file = {
    format: 'claimmark', version: 1, offset_unit: 'codepoint', document: { title: `Title ${evil}`, text },
    labels: [{ id: 'claim', name: `Claim ${evil}`, description: evil, color: '#0072b2' }],
    annotations: [{ id: 'a1', start: 0, end: 10, quote: 'Kabul said', label: 'claim', attribution: { source: `Src ${evil}` }, note: `Note ${evil}` }],
  };
  await page.setInputFiles('#import-file', { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title').filter({ hasText: 'Title <img' }).waitFor();
  await page.locator('.entry-button').first().click();
  await page.getByRole('button', { name: 'Help' }).click();
  await page.keyboard.press('Escape');
  // An exercise whose instructions are hostile too.
  await page.getByRole('button', { name: 'New exercise…' }).click();
  const ex = page.getByRole('dialog', { name: 'New exercise' });
  await ex.getByLabel('Instructions').fill(evil);
  await ex.getByRole('button', { name: 'Share link' }).click();
  const link = await ex.locator('.share-link input').inputValue();
  const student = await context.newPage();
  student.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await student.goto(link);
  await student.getByRole('dialog', { name: 'Exercise' }).waitFor();
  assert.match(await student.getByRole('dialog', { name: 'Exercise' }).textContent(), /<img src=x onerror=/);
  await page.waitForTimeout(300);
  for (const p of [page, student]) {
    assert.equal(await p.evaluate(() => window.__xss), undefined, 'no injected script ran');
    assert.equal(await p.locator('#app img, #app script, #app a[href^="javascript"]').count(), 0, 'no markup from the data');
    assert.deepEqual(await p.evaluate(() => window.__violations), [], 'the app itself breaks no CSP rule');
  }
  assert.deepEqual(dialogs, []);
  const foreign = requests.filter((u) => !u.startsWith(env.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no requests beyond the app\'s own files');
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  await context.close();
});
