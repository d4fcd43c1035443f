// Keyboard safety: typing anywhere changes only what the person is looking at. For the tag
// menu, the annotation editor, the search bar, the More menu and every dialog, the whole
// alphabet, the digits, Space and Enter are typed with a real keyboard; no other annotation may
// change, and no page shortcut (J, K, E, Delete, [, ], ?) may fire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openApp, dragOver, tagWithButton } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const EVERYTHING = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every key a person might type by mistake: letters, digits, Space, then Enter. */
async function typeEverything(page) {
  await page.keyboard.type(EVERYTHING);
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

/** The annotations as (label, quote, source, note), by exporting claimmark JSON. */
async function annotations(page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^claimmark JSON/ }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  return file.annotations.map((a) => [a.id, a.label, a.quote, a.attribution?.source ?? null, a.note]);
}

/** Waits until the page stops scrolling (a revealed highlight scrolls smoothly). */
async function settled(page) {
  let last = -1;
  for (;;) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(150);
  }
}

/** A page with two annotations, the second one selected (so J, K, E and Delete would act). */
async function twoAnnotations() {
  const app = await openApp(env);
  const { page } = app;
  await tagWithButton(page, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul');
  await tagWithButton(page, 'Officials urged both nations to demonstrate restraint', 'Proposal', 'Officials');
  await page.locator('.entry-button').nth(1).click();
  await settled(page);
  return app;
}

test('typing into the open tag menu goes to its attribution and tags only the new span', async () => {
  const { page, problems } = await twoAnnotations();
  const before = await annotations(page);
  await dragOver(page, 'Zakharova announced the mediation proposal');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  // Without clicking anything: a name typed on the menu lands in Attribution.
  await page.keyboard.type('Pakistan Foreign Office');
  assert.equal(await menu.getByLabel('Attribution').inputValue(), 'Pakistan Foreign Office');
  await page.keyboard.press('Enter'); // takes "New source", the only choice
  await page.keyboard.press('Enter'); // tags with the highlighted label
  await menu.waitFor({ state: 'detached' });
  const after = await annotations(page);
  assert.deepEqual(after.filter(([id]) => before.some(([b]) => b === id)), before, 'the other annotations are untouched');
  const tagged = after.find(([id]) => !before.some(([b]) => b === id));
  assert.equal(tagged[2], 'Zakharova announced the mediation proposal');
  assert.equal(tagged[3], 'Pakistan Foreign Office');

  // Every key, typed into a fresh menu: still only the new annotation.
  await dragOver(page, 'regional stability');
  await menu.waitFor();
  await typeEverything(page);
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached' });
  const last = await annotations(page);
  assert.deepEqual(last.filter(([id]) => after.some(([b]) => b === id)), after);
  assert.equal(last.length, after.length + 1);
  assert.equal(last.find(([id]) => !after.some(([b]) => b === id))[3], `${EVERYTHING}`);
  // Digits choose a label while Attribution is empty, and Alt+digit always.
  await dragOver(page, 'Afghanistan');
  await menu.waitFor();
  await page.keyboard.press('3');
  await menu.waitFor({ state: 'detached' });
  await dragOver(page, 'Islamabad');
  await menu.waitFor();
  await page.keyboard.type('Pakistan');
  await page.keyboard.press('Alt+2');
  await menu.waitFor({ state: 'detached' });
  const added = (await annotations(page)).filter(([id]) => !last.some(([b]) => b === id));
  assert.deepEqual(added.map(([, label, quote, source]) => [label, quote, source]).sort(), [
    ['allegation', 'Islamabad', 'Pakistan'],
    ['proposal', 'Afghanistan', null],
  ]);
  assert.deepEqual(problems, []);
});

test('typing in the editor, the search bar, the More menu and every dialog changes nothing else', async () => {
  const { page, problems } = await twoAnnotations();
  const before = await annotations(page);
  const second = before[1];
  const unchanged = async (where, except = null) => {
    const now = await annotations(page);
    assert.equal(now.length, before.length, `${where}: nothing added or deleted`);
    for (const row of before) {
      if (row[0] === except) continue;
      assert.deepEqual(now.find(([id]) => id === row[0]), row, `${where}: ${row[2]} unchanged`);
    }
    return now;
  };

  // The editor of the selected annotation: its note takes the keys, nothing else does.
  await page.locator('.entry-button').nth(1).click();
  await settled(page);
  const editor = page.getByRole('group', { name: 'Edit annotation' });
  await editor.getByLabel('Note').click();
  await typeEverything(page);
  await editor.getByLabel('Note').blur();
  const edited = await unchanged('the editor', second[0]);
  assert.equal(edited.find(([id]) => id === second[0])[4].trim(), `${EVERYTHING}`);
  await editor.getByLabel('Attribution').click();
  await typeEverything(page);
  await page.keyboard.press('Escape');
  await unchanged('the editor attribution', second[0]);

  // The search bar: keys search, Enter steps; nothing is tagged or edited.
  await page.keyboard.press('Control+f');
  await page.getByRole('search').getByRole('searchbox').waitFor();
  await typeEverything(page);
  await page.getByRole('search').getByRole('button', { name: /close/i }).focus();
  await typeEverything(page);
  await page.keyboard.press('Escape');
  await unchanged('the search bar', second[0]);

  // Every dialog, with focus where it opens; Escape closes it.
  const dialogs = [
    ['Open…', 'Open texts'],
    ['Export…', 'Export'],
    ['Help', null],
    ['New exercise…', 'New exercise'],
    ['Labels…', 'Labels'],
  ];
  for (const [button, title] of dialogs) {
    await page.getByRole('toolbar').getByRole('button', { name: button, exact: true }).click();
    const dialog = title ? page.getByRole('dialog', { name: title }) : page.locator('.modal');
    await dialog.waitFor();
    await page.keyboard.type(EVERYTHING);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await unchanged(`the ${button} dialog`, second[0]);
  }
  // The import preview, a dialog that waits for a confirmation.
  await page.locator('#import-file').setInputFiles({
    name: 'other.spacy.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from('{"text": "Другой текст: министр заявил.", "spans": [{"start": 0, "end": 6, "label": "claim"}]}\n'),
  });
  const preview = page.locator('.modal');
  await preview.waitFor();
  await page.keyboard.type(EVERYTHING);
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });
  await unchanged('the import preview', second[0]);
  // The More menu, at a width where it has items.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'More ▾' }).click();
  await page.getByRole('menu', { name: 'More' }).waitFor();
  await page.keyboard.type(EVERYTHING);
  await page.keyboard.press('Escape');
  await unchanged('the More menu', second[0]);
  assert.ok(before.some((row) => row[2] === 'Kabul has accused Islamabad of airspace violations'));
  assert.deepEqual(problems, []);
});
