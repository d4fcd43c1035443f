// Editing flows in a real browser: keys, overlaps, the side panel editor, undo/redo,
// drag-and-drop import, another document, opening a text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, dragOver, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const menuOf = (page) => page.getByRole('dialog', { name: 'Tag selection' });
const entries = (page) => page.locator('.entry');

/** Tags `phrase` with key `key` (1, 2, 3) after typing an attribution. */
async function tag(page, phrase, key, source = '') {
  await dragOver(page, phrase);
  const menu = menuOf(page);
  await menu.waitFor();
  if (source) {
    await menu.getByLabel('Attribution').fill(source);
    await menu.getByLabel('Attribution').press('Tab');
    await menu.getByLabel('Note').press('Shift+Tab');
    await menu.focus();
  }
  await page.keyboard.press(key);
  await menu.waitFor({ state: 'detached' });
}

async function dropFile(page, name, contents) {
  const dataTransfer = await page.evaluateHandle(([name, contents]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([contents], name, { type: 'application/json' }));
    return transfer;
  }, [name, contents]);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

async function exportFile(page, format = /^claimmark JSON/) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: format }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  return readFile(await download.path(), 'utf8');
}

test('keys tag, nested spans stay clickable, the panel edits, undo and redo cover it all', async () => {
  const { page, problems } = await openApp(env);
  await tag(page, 'Maria Zakharova announced the mediation proposal', '1', 'Maria Zakharova');
  await tag(page, 'mediation proposal', '3', 'Russia');
  assert.equal(await entries(page).count(), 2);
  assert.deepEqual(await page.locator('.entry .badge').allTextContents(), ['Claim', 'Proposal']);

  // Autocomplete offers the sources already used that match what is typed.
  await dragOver(page, 'Kremlin');
  await menuOf(page).getByLabel('Attribution').fill('a');
  const options = await menuOf(page).getByRole('option').evaluateAll((o) => o.map((x) => x.querySelector('.suggestion-name').textContent));
  assert.deepEqual(options, ['Maria Zakharova', 'Russia', 'New source “a”'], 'a new source is an explicit last choice');
  await menuOf(page).getByLabel('Attribution').press('Escape');
  assert.equal(await menuOf(page).getByRole('option').first().isVisible(), false, 'Escape closes the suggestions first');
  await page.keyboard.press('Escape');
  await menuOf(page).waitFor({ state: 'detached' });
  assert.equal(await entries(page).count(), 2, 'Escape adds nothing');

  // The nested span is clickable: the inner first, then the outer one.
  const inner = page.locator('.seg.hl', { hasText: 'mediation proposal' });
  const selectedBadge = () => page.locator('.entry.is-selected .entry-button .badge').textContent();
  await inner.click();
  assert.equal(await selectedBadge(), 'Proposal');
  await inner.click();
  assert.equal(await selectedBadge(), 'Claim');
  await screenshot(page, 'nested');

  // Edit the selected (outer) annotation: label, attribution, note, boundaries.
  const editor = page.getByRole('group', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Allegation' }).click();
  // A name like no source yet: "New source “Kremlin”" is the one choice, and Enter takes it.
  await editor.getByLabel('Attribution').fill('Kremlin');
  await editor.getByLabel('Attribution').press('Enter');
  await editor.getByLabel('Note').fill('reported speech');
  await editor.getByLabel('Note').blur();
  await editor.getByRole('button', { name: 'Move end one word right' }).click();
  const selected = page.locator('.entry.is-selected');
  assert.match(await selected.textContent(), /Allegation.*announced the mediation proposal during”.*— Kremlin/s);

  // Undo everything with the keyboard, then redo it.
  const snapshot = async () => JSON.parse(await exportFile(page)).annotations.map((a) => [a.label, a.quote, a.attribution?.source ?? null, a.note]);
  const edited = await snapshot();
  await page.locator('article.doc h1').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  assert.deepEqual((await snapshot()).map((a) => a[0]), ['claim', 'proposal'], 'four edits undone');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await snapshot(), edited, 'redo restores every edit');

  // Clicking an entry scrolls to its highlight and flashes it.
  await page.locator('.entry-button').nth(1).click();
  assert.equal(await page.locator('.seg.flash').count() > 0, true, 'the highlight flashes');

  // Delete, then undo the delete.
  await page.getByRole('group', { name: 'Edit annotation' }).getByRole('button', { name: 'Delete' }).click();
  assert.equal(await entries(page).count(), 1);
  await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal(await entries(page).count(), 2);
  assert.deepEqual(problems, []);
});

test('whitespace selections do nothing; snapping can be turned off', async () => {
  const { page } = await openApp(env);
  await dragOver(page, ' ');
  assert.equal(await menuOf(page).count(), 0, 'no menu for whitespace');
  await page.getByLabel('Snap to words').uncheck();
  await dragOver(page, 'ussia has formall');
  await menuOf(page).waitFor();
  await page.keyboard.press('2');
  assert.match(await entries(page).first().textContent(), /“ussia has formall”/);
});

test('import: preview first, refuse bad offsets, add another document to the corpus', async () => {
  const { page } = await openApp(env);
  await tag(page, 'Kabul has accused Islamabad of airspace violations', '2', 'Kabul');
  const exported = JSON.parse(await exportFile(page));
  assert.equal(exported.annotations[0].quote, 'Kabul has accused Islamabad of airspace violations', 'a drag below the fold');
  const confirmImport = async (count) => {
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`${count} annotation\\(s\\)`));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  // Same document with an extra annotation, dropped on the page: previewed, then it replaces the set.
  const withTwo = structuredClone(exported);
  withTwo.annotations.push({ ...exported.annotations[0], id: 'x2', start: 0, end: 6, quote: 'Russia', label: 'claim', attribution: null });
  await dropFile(page, 'two.json', JSON.stringify(withTwo));
  await page.getByRole('dialog', { name: 'Import' }).waitFor();
  assert.match(await page.getByRole('dialog', { name: 'Import' }).textContent(), /replaces the open document 1 \(its annotations\)/);
  assert.equal(await entries(page).count(), 1, 'nothing changes before confirming');
  await confirmImport(2);
  assert.equal(await entries(page).count(), 2);

  // Offsets out of range: a clear message and nothing changes.
  const bad = structuredClone(withTwo);
  bad.annotations[1].end = 99999;
  await dropFile(page, 'bad.json', JSON.stringify(bad));
  await page.locator('.alerts .notice').waitFor();
  assert.match(await page.locator('.alerts').textContent(), /bad\.json.*annotations\[1\] \(id "x2"\): end 99999 is past the end of the text \(2446 code points\).*unchanged/s);
  assert.equal(await entries(page).count(), 2);

  // Another document: previewed as a new document, then added to the corpus.
  const other = { format: 'claimmark', version: 1, document: { title: 'Other', text: 'Kabul 🙂 accused “Islamabad”.' },
    annotations: [{ id: 'o1', start: 8, end: 15, quote: 'accused', label: 'allegation', attribution: { source: 'Kabul' } }] };
  await dropFile(page, 'other.json', JSON.stringify(other));
  assert.match(await page.getByRole('dialog', { name: 'Import' }).textContent(), /Other.*new document/s);
  await screenshot(page, 'import-preview');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('nav.documents').count(), 0, 'cancel changes nothing');
  await dropFile(page, 'other.json', JSON.stringify(other));
  await confirmImport(1);
  await page.locator('h1.doc-title', { hasText: 'Other' }).waitFor();
  assert.equal(await page.locator('.seg.hl').textContent(), 'accused');
  assert.equal(await page.locator('nav.documents .document').count(), 2, 'the corpus lists both documents');
  await page.keyboard.press('[');
  await page.locator('h1.doc-title', { hasText: 'Russia offers' }).waitFor();
  assert.equal(await entries(page).count(), 2, 'the first document kept its annotations');
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('nav.documents').count(), 0, 'undo removes the imported document');
});

test('open a pasted text and annotate it, offsets counted in code points', async () => {
  const { page } = await openApp(env);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open texts' });
  const text = '👨🏻‍🚒 Café owners “propose” a ban — officials allege fraud.\r\nSecond line’s end.';
  await dialog.getByLabel('Text', { exact: true }).fill(text);
  await dialog.getByLabel('Title', { exact: true }).fill('Pasted');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Pasted' }).waitFor();
  assert.equal(await page.locator('p.block').count(), 2);
  await tag(page, 'allege fraud', '2', 'officials');
  const file = JSON.parse(await exportFile(page));
  const [a] = file.annotations;
  assert.equal(file.document.text, text.replace(/\r\n/g, '\n'), 'textarea values use \\n line breaks');
  assert.equal(Array.from(file.document.text).slice(a.start, a.end).join(''), 'allege fraud');
  assert.deepEqual([a.start, a.end], [45, 57], 'Python: text.index("allege fraud") == 45');
});

test('the tag menu opens above a selection at the bottom of the window', async () => {
  const { page } = await openApp(env, { viewport: { width: 1200, height: 700 } });
  await page.evaluate(() => window.scrollTo(0, 0));
  const lines = await page.locator('p.block').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().bottom));
  const lowest = (await page.locator('p.block').allTextContents())[lines.findIndex((b) => b > 600) ];
  const phrase = lowest.split(' ').slice(0, 3).join(' ');
  await dragOver(page, phrase, { scroll: false });
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  const box = await menu.boundingBox();
  const selectionTop = await page.evaluate((phrase) => {
    const para = [...document.querySelectorAll('p.block')].find((p) => p.textContent.startsWith(phrase));
    return para.getBoundingClientRect().top;
  }, phrase);
  assert.ok(box.y + box.height <= 700, `menu bottom ${box.y + box.height} is inside the window`);
  assert.ok(box.y + box.height <= selectionTop + 1, 'the menu sits above the selection');
  await page.keyboard.press('Escape');
  // The sample article can be reopened from the Open dialog.
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('button', { name: 'Open the sample article' }).click();
  await page.locator('h1.doc-title', { hasText: 'Russia offers' }).waitFor();
});
