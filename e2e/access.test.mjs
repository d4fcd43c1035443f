// Anyone can use it: the whole annotate-edit-delete loop by keyboard alone, what a screen
// reader is given, and an axe-core audit of every screen (no serious or critical violation).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { appReady, launch, openApp, dragOver, screenshot } from './harness.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Runs axe-core on the page; returns serious and critical violations, described. */
async function audit(page, where) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(result, [], `${where}: ${result.join('\n')}`);
}

async function tabTo(page, predicate, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error('could not reach it with Tab');
}

test('annotate, move between annotations, edit, delete and undo without a mouse', async () => {
  const { page, problems } = await openApp(env);
  await tabTo(page, () => document.activeElement?.matches('article.doc'));
  // Select "Russia has formally" word by word, then tag it from the menu.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  assert.match(await page.locator('[aria-live="polite"]', { hasText: 'Selected' }).textContent(), /Selected: Russia has formally$/);
  await screenshot(page, 'keyboard-selection');
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  assert.ok(await page.evaluate(() => document.activeElement?.closest('.tag-menu') !== null), 'focus moved into the menu');
  await page.keyboard.press('3');
  await menu.waitFor({ state: 'detached' });
  assert.ok(await page.evaluate(() => document.activeElement?.matches('article.doc')), 'focus came back to the text');
  // A second one by sentence: the caret is after the first; select the next sentence and press 1.
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('1');
  assert.deepEqual(await page.locator('.entry .badge').allTextContents(), ['Proposal', 'Claim']);
  assert.match((await page.locator('.entry-quote').allTextContents())[1], /offered to facilitate discussions between Pakistan and Afghanistan amid escalating bilateral tensions\.”$/);
  // K/J move between annotations; E edits the selected one; Delete deletes it; Ctrl+Z undoes.
  await page.keyboard.press('k');
  assert.equal(await page.locator('.entry.is-selected .badge').textContent(), 'Proposal');
  await page.keyboard.press('e');
  await page.keyboard.type('Russia');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.entry.is-selected').textContent(), /— Russia/);
  await page.keyboard.press('Escape');
  await page.locator('article.doc').focus();
  await page.keyboard.press('j');
  assert.equal(await page.locator('.entry.is-selected .badge').textContent(), 'Claim');
  await page.keyboard.press('Delete');
  assert.equal(await page.locator('.entry').count(), 1);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.entry').count(), 2);
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Help' }).waitFor();
  assert.match(await page.getByRole('dialog', { name: 'Help' }).textContent(), /J \/ Knext \/ previous annotation/);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
});

test('highlights tell screen readers their label and source', async () => {
  const { page } = await openApp(env);
  await dragOver(page, 'Russia has formally offered');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.getByLabel('Attribution').fill('Russia');
  await menu.getByRole('button', { name: 'Proposal' }).click();
  const mark = page.locator('mark.seg.hl').first();
  assert.equal(await mark.getAttribute('data-spoken'), 'Proposal, attributed to Russia:');
  const spoken = await page.evaluate(() => getComputedStyle(document.querySelector('mark.seg.hl'), '::before').content);
  assert.match(spoken, /attr\(data-badge\) \/ attr\(data-spoken\)|"Proposal" \/ "Proposal, attributed to Russia:"/);
  assert.equal(await page.locator('[role=status][aria-live=polite]').count(), 1);
});

test('axe-core finds no serious or critical problem on any screen', async () => {
  // axe is injected as a script, which the app's Content-Security-Policy rightly forbids; this
  // context lets it in (the policy itself is tested in trust.test.mjs).
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.url);
  await appReady(page);
  await audit(page, 'main screen');
  await dragOver(page, 'Russia has formally offered');
  await page.getByRole('dialog', { name: 'Tag selection' }).waitFor();
  await audit(page, 'tag menu');
  await page.keyboard.press('3');
  await page.locator('.selected-annotation').waitFor();
  await audit(page, 'side panel with the editor');
  await page.getByRole('button', { name: 'Link the mention by selecting it in the text' }).click();
  await audit(page, 'linking a mention');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Sources' }).click();
  await page.locator('li.candidate').first().getByRole('button').click();
  await page.locator('li.source').first().getByRole('button', { name: 'Aliases' }).click();
  await audit(page, 'sources tab with the alias form');
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await page.locator('svg.stats-chart').waitFor();
  await audit(page, 'statistics tab');
  await page.keyboard.press('s');
  await page.locator('.sg-item').first().waitFor();
  await audit(page, 'suggestions tab and their outlines');
  await page.keyboard.press('e');
  await page.locator('.sg-form').waitFor();
  await audit(page, 'editing a suggestion');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Hide', exact: true }).click();
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox').fill('pakistan');
  await page.getByLabel('Said by').fill('R');
  await audit(page, 'search bar with suggestions');
  await page.getByRole('searchbox').press('Escape');
  await page.getByRole('button', { name: 'Report' }).click();
  await page.locator('.report').waitFor();
  await audit(page, 'report');
  await page.getByRole('button', { name: 'Back to annotating' }).click();
  await appReady(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog', { name: 'Open texts' }).getByLabel('Text', { exact: true }).fill('A second text — with 🙂.');
  await page.getByRole('dialog', { name: 'Open texts' }).getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('nav.documents').waitFor();
  await audit(page, 'corpus list');
  await page.getByRole('button', { name: 'Help' }).click();
  await audit(page, 'help');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export…' }).click();
  await audit(page, 'export dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New exercise…' }).click();
  await audit(page, 'new exercise');
  await page.keyboard.press('Escape');
  await page.keyboard.press('[');
  const exercise = { format: 'claimmark', version: 1, annotator: 'Ana', document: { title: 't', text: 'Kabul accused Islamabad. Both propose talks.' },
    annotations: [{ id: 'a1', start: 0, end: 23, label: 'allegation', attribution: { source: 'Kabul' } }] };
  const key = { ...exercise, annotator: 'Answer key', annotations: [...exercise.annotations, { id: 'a2', start: 25, end: 43, label: 'proposal' }] };
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByLabel('Answer key').setInputFiles({ name: 'key.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(key)) });
  await page.getByLabel('Submissions').setInputFiles({ name: 'ana.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exercise)) });
  await page.locator('.scores-table').waitFor();
  await audit(page, 'review screen');
  await context.close();
});
