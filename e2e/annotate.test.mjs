// The foundation flow with a real mouse: select, tag, export, reload, import errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, dragOver, screenshot } from './harness.mjs';

const SENTENCE = 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan';
let env;

before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Code point slice, as Python's text[start:end]. */
const slice = (text, start, end) => Array.from(text).slice(start, end).join('');

test('drag, tag as Proposal by Russia, export, reload, and survive a malformed import', async () => {
  const { page, problems } = await openApp(env);
  assert.equal(await page.locator('h2.block').allTextContents().then((h) => h.join('|')),
    'Russia’s Position on Conflict Resolution', 'the short line is a subheading');
  await screenshot(page, 'main');

  // A partial drag ("ussia … Afghanista") snaps to the whole words.
  await dragOver(page, SENTENCE.slice(1, -1));
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  assert.match(await menu.textContent(), /Russia has formally offered/);
  for (const name of ['Claim', 'Allegation', 'Proposal']) {
    assert.equal(await menu.getByRole('button', { name, exact: true }).count(), 1, `${name} button`);
  }
  await menu.getByLabel('Attribution').fill('Russia');
  await screenshot(page, 'tag-menu');
  await menu.getByRole('button', { name: 'Proposal', exact: true }).click();
  await menu.waitFor({ state: 'detached' });

  const highlight = page.locator('.seg.hl').first();
  assert.equal(await highlight.getAttribute('data-badge'), 'Proposal', 'badge names the label');
  assert.equal((await page.locator('.seg.hl').allTextContents()).join(''), SENTENCE);
  const entry = page.locator('.entry').first();
  assert.match(await entry.textContent(), /Proposal.*Russia has formally.*— Russia/s);
  await screenshot(page, 'side-panel');

  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^claimmark JSON/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Russia offers to mediate between Pakistan and Afghanistan.claimmark.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'claimmark');
  assert.equal(file.offset_unit, 'codepoint');
  assert.equal(file.annotations.length, 1);
  const [annotation] = file.annotations;
  assert.deepEqual([annotation.start, annotation.end, annotation.label], [0, 86, 'proposal']);
  assert.equal(annotation.attribution.source, 'Russia');
  assert.equal(slice(file.document.text, annotation.start, annotation.end), annotation.quote);
  assert.equal(annotation.quote, SENTENCE);

  await page.reload();
  await page.waitForSelector('.entry');
  assert.equal(await page.locator('.entry').count(), 1, 'the annotation is restored after reload');

  await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "claimmark", ') });
  const alert = page.locator('.alerts .notice');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Could not import broken\.json: the file is not valid JSON .*line 1.*Your current work is unchanged/s);
  assert.equal(await page.locator('.entry').count(), 1, 'the annotation is still there');
  await screenshot(page, 'import-error');
  assert.deepEqual(problems, []);
});
