// The browser and the command line give the same bytes for every format, and a corpus of
// texts opens and exports as one file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, screenshot } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = process.env.CLAIMMARK_BIN ?? join(ROOT, 'target/release/claimmark');
const FIXTURE = join(ROOT, 'tests/data/fixtures/nasty.claimmark.json');
const FORMATS = [
  ['native', /^claimmark JSON/],
  ['w3c', /^W3C Web Annotation/],
  ['spacy', /^spaCy/],
  ['doccano', /^doccano/],
  ['label-studio', /^Label Studio/],
  ['brat', /^brat/],
];

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function exportAs(page, name) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('every export from the browser equals the command line conversion, byte for byte', async () => {
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', FIXTURE);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Nasty' }).waitFor();
  assert.equal(await page.locator('.entry').count(), 4);
  await screenshot(page, 'nasty-document');
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-cli-'));
  for (const [id, label] of FORMATS) {
    const browser = await exportAs(page, label);
    const out = join(dir, browser.name);
    execFileSync(CLI, ['convert', '--to', id, FIXTURE, '-o', out]);
    const cli = await readFile(out);
    assert.ok(browser.bytes.length > 100, `${id} export is not empty`);
    assert.ok(browser.bytes.equals(cli), `${id}: the browser's ${browser.name} differs from the CLI's`);
  }
  assert.deepEqual(problems, []);
});

test('several texts open as a corpus, step with [ and ], and export as one JSON Lines file', async () => {
  const { page } = await openApp(env);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open texts' });
  await dialog.locator('input[type=file]').setInputFiles([
    { name: 'first 🙂.txt', mimeType: 'text/plain', buffer: Buffer.from('Kabul accused Islamabad.\r\nIt denied it.') },
    { name: 'more.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"text": "Pakistan proposed talks — again.", "title": "Second"}\n{"text": "Third text."}\n') },
  ]);
  await dialog.getByText('3 text(s) ready').waitFor();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  const titles = await page.locator('nav.documents .document-title').allTextContents();
  assert.deepEqual(titles, ['Russia offers to mediate between Pakistan and Afghanistan', 'first 🙂', 'Second', 'Third text.']);
  assert.equal(await page.locator('h1.doc-title').textContent(), 'first 🙂');
  await page.keyboard.press(']');
  await page.locator('h1.doc-title', { hasText: 'Second' }).waitFor();
  await page.getByLabel('Done').check();
  assert.match(await page.locator('nav.documents .document.is-current').textContent(), /done/);
  await screenshot(page, 'corpus');

  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel('All 4 documents').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^spaCy/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'corpus.spacy.jsonl');
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.meta.title), titles);
  assert.equal(lines[1].text, 'Kabul accused Islamabad.\r\nIt denied it.', 'CRLF kept exactly');

  await page.reload();
  await page.locator('nav.documents').waitFor();
  assert.equal(await page.locator('nav.documents .document').count(), 4, 'the corpus is restored after reload');
  assert.equal(await page.locator('h1.doc-title').textContent(), 'Second', 'on the document that was shown');
});
