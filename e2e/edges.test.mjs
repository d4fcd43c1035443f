// The edges: a regular expression that would backtrack for ever stops within its time budget
// and the page stays responsive; a save is one IndexedDB transaction; a deflated brat zip as
// macOS makes it (with __MACOSX/ and .DS_Store) imports; the statistics CSV neutralises a
// source named like a formula.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, launch, openApp, tagWithButton as tag } from './harness.mjs';

const DATA = process.env.CLAIMMARK_BENCH_DATA ?? fileURLToPath(new URL('../target/bench-data', import.meta.url));
const BIG = join(DATA, '1m-10000.claimmark.json');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Types `pattern` into the search bar with regular expressions on; the status when settled. */
async function regexSearch(page, pattern) {
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search');
  await bar.getByLabel('Regular expression').check();
  const started = Date.now();
  await bar.getByRole('searchbox').fill(pattern);
  await page.waitForFunction(() => !/Searching/.test(document.querySelector('.search-bar')?.textContent), null, { timeout: 10_000 });
  return { text: await bar.textContent(), ms: Date.now() - started };
}

test('a catastrophic regular expression stops within its budget; the page stays responsive', async () => {
  const { page, problems } = await openApp(env);
  // A long run of "a" before a "!": (a+)+$ backtracks 2^n ways at each start.
  await page.getByRole('toolbar').getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open texts' });
  await open.getByLabel('Text', { exact: true }).fill(`Слова и ${'a'.repeat(60)}!\nДругой абзац.`);
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('p.block').first().waitFor();
  const { text, ms } = await regexSearch(page, '(a+)+$');
  assert.match(text, /This pattern is too slow for this text/);
  assert.ok(ms < 6_000, `stopped after ${ms} ms`);
  // The page answered all along: a key press is handled at once.
  const handled = await page.evaluate(() => new Promise((done) => {
    const at = performance.now();
    requestAnimationFrame(() => done(performance.now() - at));
  }));
  assert.ok(handled < 500, `a frame came in ${handled} ms`);
  // A good pattern still finds, and a broken one says why at once.
  await page.getByRole('search').getByRole('searchbox').fill('а[бв]з');
  await page.waitForFunction(() => /1 of 1/.test(document.querySelector('.search-count')?.textContent));
  await page.getByRole('search').getByRole('searchbox').fill('(');
  await page.waitForFunction(() => /Not a valid regular expression/.test(document.querySelector('.search-bar')?.textContent));
  assert.deepEqual(problems, []);
});

test('on the 1 MB document, (a+)+$ ends (with its matches or as too slow) and never hangs', async () => {
  assert.ok(existsSync(BIG), `${BIG} is missing: scripts/test.sh generates it`);
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', BIG);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
  await page.locator('h1.doc-title', { hasText: 'Benchmark 1m-10000' }).waitFor({ timeout: 60_000 });
  const { text, ms } = await regexSearch(page, '(a+)+$');
  assert.match(text, /No matches|of \d|too slow/);
  assert.ok(ms < 8_000, `settled after ${ms} ms`);
  assert.deepEqual(problems, []);
});

test('a save is one IndexedDB transaction: the corpus, the shown document and the time together', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    const original = IDBDatabase.prototype.transaction;
    globalThis.readwriteTransactions = [];
    IDBDatabase.prototype.transaction = function (stores, mode) {
      const transaction = original.call(this, stores, mode);
      if (mode === 'readwrite') {
        const keys = [];
        const store = transaction.objectStore('work');
        const put = store.put.bind(store);
        store.put = (value, key) => { keys.push(key); return put(value, key); };
        transaction.objectStore = () => store;
        globalThis.readwriteTransactions.push(keys);
      }
      return transaction;
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await appReady(page);
  await tag(page, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul');
  await page.waitForFunction(() => globalThis.readwriteTransactions.some((keys) => keys.length > 1), null, { timeout: 10_000 });
  const transactions = await page.evaluate(() => globalThis.readwriteTransactions);
  const saves = transactions.filter((keys) => keys.includes('corpus.v1'));
  assert.ok(saves.length >= 1);
  for (const keys of saves) assert.deepEqual([...keys].sort(), ['corpus.v1', 'current', 'saved-at'].sort(), 'all three in one');
  await context.close();
});

test('a deflated brat zip made on a Mac imports; a formula-like source is neutralised in CSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimmark-zip-'));
  const zip = join(dir, 'brat from mac.zip');
  writeFileSync(join(dir, 'make.py'), `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('corpus/', '')
    z.writestr('corpus/статья.txt', 'Захарова заявила, что переговоры продолжатся.\\n')
    z.writestr('corpus/статья.ann', 'T1\\tclaim 0 44\\tЗахарова заявила, что переговоры продолжатся\\n#1\\tAnnotatorNotes T1\\tsource: =HYPERLINK("http://x","y")\\n')
    z.writestr('__MACOSX/corpus/._статья.txt', 'junk')
    z.writestr('corpus/.DS_Store', 'junk')
`);
  execFileSync('python3', [join(dir, 'make.py'), zip]);
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', zip);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /1 document\(s\), 1 annotation\(s\)/);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'статья' }).waitFor();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /\r\n"'=HYPERLINK\(""http:\/\/x"",""y""\)",1,0,0,1\r\n/, csv);
  assert.deepEqual(problems, []);
});
