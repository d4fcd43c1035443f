// Other tools' files in the browser: the preview leaves out the documents with problems and
// imports the others, says when offsets were counted in UTF-16 and lets the user choose when
// the file cannot tell, keeps records of one text apart, gives unlabelled annotations a label,
// and exports doccano in UTF-16 exactly as the command line does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, screenshot } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = process.env.CLAIMMARK_BIN ?? join(ROOT, 'target/release/claimmark');

// "firemen" after a firefighter emoji, at doccano's UTF-16 offsets 8..15; an Arabic record;
// a record whose span runs past its text.
const DOCCANO = [
  { text: '👨🏻‍🚒 firemen drive firetrucks', label: [[8, 15, 'PER']] },
  { text: 'قال المتحدث إن المحادثات فشلت', label: [[0, 3, 'SAY']] },
  { text: 'bad', label: [[0, 9, 'X']] },
].map((r) => JSON.stringify(r)).join('\n') + '\n';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function importFile(page, name, text) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor();
  return dialog;
}

const quotes = (page) => page.locator('.entry-quote').allTextContents();

test('the preview leaves out the bad record, converts UTF-16 and imports the good ones', async () => {
  for (const viewport of [{ width: 1366, height: 800 }, { width: 1024, height: 768 }, { width: 390, height: 844 }]) {
    const { page, problems, context } = await openApp(env, { viewport });
    const dialog = await importFile(page, 'doccano.jsonl', DOCCANO);
    await dialog.getByText('1 document(s) with problems will be left out').waitFor();
    await dialog.getByText('line 3 span 0: end 9 is past the end of the text').waitFor();
    assert.ok(await dialog.getByLabel(/UTF-16 code units.*found in the file/).isChecked());
    await dialog.getByText(/converted to code points/).waitFor();
    await screenshot(page, `import-rejected-${viewport.width}`);
    await dialog.getByRole('button', { name: 'Import the 2 good document(s)' }).click();
    await page.locator('h1.doc-title').waitFor();
    assert.equal(await page.locator('nav.documents .document').count(), 3, 'the seed and two records');
    assert.deepEqual(await quotes(page), ['“firemen”']);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('when the file cannot tell, the user chooses the unit and the preview reads it again', async () => {
  const { page, problems } = await openApp(env);
  // Code points 2..3 and UTF-16 units 2..3 (code points 1..2) both fit between words.
  const line = JSON.stringify({ text: '🙂 a b c', label: [[3, 4, 'X']] }) + '\n';
  const dialog = await importFile(page, 'unsure.jsonl', line);
  await dialog.getByText('The file does not say how it counts offsets: choose').waitFor();
  assert.ok(await dialog.getByLabel('Unicode code points').isChecked());
  await dialog.getByLabel(/UTF-16 code units/).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.entry').first().waitFor();
  assert.deepEqual(await quotes(page), ['“a”'], 'read in UTF-16: code points 2..3');
  assert.deepEqual(problems, []);
});

test('records of one text stay documents of their own, and unlabelled annotations get a label', async () => {
  const { page, problems } = await openApp(env);
  const text = 'Kabul accused Islamabad — again.';
  const prodigy = ['alice', 'bob', 'chen'].map((who, i) => JSON.stringify({
    text, _input_hash: 7, _annotator_id: who, answer: i === 2 ? 'reject' : 'accept',
    spans: [{ start: 0, end: 5, label: 'ORG' }],
  })).join('\n') + '\n';
  let dialog = await importFile(page, 'prodigy.jsonl', prodigy);
  await dialog.getByText('1 record answered “reject” not imported').waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: '— alice' }).waitFor();
  const titles = await page.locator('nav.documents .document-title').allTextContents();
  assert.deepEqual(titles.slice(1), [`${text} — alice`, `${text} — bob`]);

  await page.locator('nav.documents .document-title').first().click();
  const seed = await readFile(join(ROOT, '../shared/article.txt'), 'utf8').catch(() => null);
  const exact = seed ? seed.slice(0, 6) : 'Russia';
  const recogito = [{
    '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#c1', type: 'Annotation', body: [],
    target: { selector: [{ type: 'TextQuoteSelector', exact }] },
  }];
  dialog = await importFile(page, 'recogito.json', JSON.stringify(recogito));
  await dialog.getByText('1 annotation(s) have no label; give them').waitFor();
  await dialog.getByRole('combobox').selectOption({ label: 'Claim' });
  await screenshot(page, 'import-unlabelled');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.entry .badge', { hasText: 'Claim' }).first().waitFor();
  assert.deepEqual(problems, []);
});

test('doccano in UTF-16 from the browser equals the command line', async () => {
  const { page } = await openApp(env);
  const dialog = await importFile(page, 'doccano.jsonl', DOCCANO.split('\n')[0] + '\n');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.entry').first().waitFor();
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByLabel(/doccano: count offsets in UTF-16/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^doccano/ }).click(),
  ]);
  const browser = await readFile(await download.path());
  assert.match(browser.toString(), /"label":\[\[8,15,"PER"\]\]/);
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-doccano-'));
  const input = join(dir, 'in.jsonl');
  await writeFile(input, DOCCANO.split('\n')[0] + '\n');
  const cli = execFileSync(CLI, ['convert', '--to', 'doccano', '--to-offsets', 'utf16', input]);
  assert.ok(browser.equals(cli), `browser ${browser} differs from CLI ${cli}`);
});
