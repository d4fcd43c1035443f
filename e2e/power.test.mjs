// Power tools with a real mouse and keyboard: sources as entities (aliases, rename, merge,
// names from the text), linking a mention and a cue, search and tag, statistics with
// downloads, and the printable report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appReady, launch, openApp, dragOver, screenshot, tagWithButton as tag } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Code point slice, as Python's text[start:end]. */
const slice = (text, start, end) => Array.from(text).slice(start, end).join('');

/** Exports the open document as claimmark JSON and returns it parsed. */
async function exportNative(page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^claimmark JSON/ }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

const sourcesTab = (page) => page.getByRole('tabpanel');
const sourceCard = (page, name) =>
  sourcesTab(page).locator('li.source').filter({ has: page.locator('.source-name', { hasText: new RegExp(`^${name}$`) }) });

test('sources: aliases resolve to the canonical name, rename, merge, names from the text', async () => {
  const { page, problems } = await openApp(env);
  await page.getByRole('tab', { name: 'Sources' }).click();
  const panel = sourcesTab(page);
  assert.match(await panel.textContent(), /Sources \(0\)/);
  // Names found in the text, one click to add as a source.
  const candidate = panel.locator('li.candidate').filter({ hasText: 'Maria Zakharova' });
  await candidate.getByRole('button', { name: /^Add: Maria Zakharova/ }).click();
  await sourceCard(page, 'Maria Zakharova').waitFor();
  // "Zakharova" is now offered as her alias.
  const alias = panel.locator('li.candidate').filter({ hasText: /^Zakharova/ });
  await alias.getByRole('button', { name: 'Add as alias of Maria Zakharova: Zakharova' }).click();
  await page.waitForFunction(() => /also: Zakharova/.test(document.querySelector('li.source')?.textContent));

  // Typing the alias in the tag menu suggests the canonical name and stores it.
  await dragOver(page, 'Zakharova identified regional stability');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  const field = menu.getByLabel('Attribution');
  await field.fill('zakh');
  const option = menu.getByRole('option', { name: /Maria Zakharova/ });
  assert.match(await option.textContent(), /as “Zakharova”/);
  await screenshot(page, 'power-suggest');
  assert.equal(await option.getAttribute('aria-selected'), 'true', 'the first suggestion is highlighted as you type');
  const keep = menu.getByRole('option', { name: 'New source “zakh”' });
  assert.equal(await keep.getAttribute('aria-selected'), 'false', 'keeping the typed text is an explicit choice');
  assert.match(await menu.locator('.source-hint').textContent(), /“zakh” looks like the start of Maria Zakharova/);
  await field.press('Enter');
  assert.equal(await field.inputValue(), 'Maria Zakharova', 'Enter takes the suggestion, not the label');
  await menu.getByRole('button', { name: 'Claim', exact: true }).click();
  await tag(page, 'She characterised both Pakistan and Afghanistan', 'Claim', 'ZAKHAROVA');
  await tag(page, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul');
  await tag(page, 'Officials urged both nations to demonstrate restraint', 'Proposal', 'Afghan officials');

  const card = sourceCard(page, 'Maria Zakharova');
  assert.match(await card.textContent(), /Claim 2/);
  // Stepping through her annotations selects each in turn.
  await card.getByRole('button', { name: 'Next annotation by Maria Zakharova' }).click();
  await page.getByRole('group', { name: 'Edit annotation' }).waitFor();
  assert.match(await page.locator('.editor-quote').textContent(), /Zakharova identified/);
  await card.getByRole('button', { name: 'Next annotation by Maria Zakharova' }).click();
  await page.waitForFunction(() => /She characterised/.test(document.querySelector('.editor-quote')?.textContent));

  // Rename: every attribution follows. Merge: one source, the other's name becomes an alias.
  const kabul = sourceCard(page, 'Kabul');
  await kabul.getByRole('button', { name: 'Rename' }).click();
  await kabul.getByLabel('New name').fill('Afghan government');
  await kabul.getByRole('button', { name: 'Rename', exact: true }).last().click();
  const government = sourceCard(page, 'Afghan government');
  await government.waitFor();
  await government.getByRole('button', { name: 'Merge' }).click();
  await government.getByLabel('Merge Afghan government into').selectOption('Afghan officials');
  await government.getByRole('button', { name: 'Merge', exact: true }).last().click();
  const officials = sourceCard(page, 'Afghan officials');
  await page.waitForFunction(() => document.querySelectorAll('li.source').length === 2);
  assert.match(await officials.textContent(), /also: Afghan government/);
  assert.match(await officials.textContent(), /Allegation 1.*Proposal 1/s);
  await screenshot(page, 'power-sources');

  const file = await exportNative(page);
  const sources = file.annotations.map((a) => a.attribution?.source);
  assert.deepEqual(sources, ['Maria Zakharova', 'Maria Zakharova', 'Afghan officials', 'Afghan officials']);
  assert.deepEqual(file.sources.find((s) => s.name === 'Afghan officials').aliases, ['Afghan government']);
  assert.deepEqual(file.sources.find((s) => s.name === 'Maria Zakharova').aliases, ['Zakharova']);

  // Undo takes back the merge alone.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('li.source').length === 3);
  assert.deepEqual(problems, []);
});

test('a mention and a cue are linked by selecting them, shown together and exported', async () => {
  const { page, problems } = await openApp(env);
  await tag(page, 'Zakharova identified regional stability', 'Claim');
  const editor = page.getByRole('group', { name: 'Edit annotation' });
  // An unattributed annotation's mention names its source.
  await editor.getByRole('button', { name: 'Link the mention by selecting it in the text' }).click();
  assert.match(await page.locator('.linking-banner').textContent(), /Select the words that name who says it/);
  await dragOver(page, 'Maria Zakharova');
  await page.waitForFunction(() => /Maria Zakharova/.test(document.querySelector('.link-mention')?.textContent));
  assert.equal(await page.locator('.linking-banner').count(), 0);
  assert.equal(await editor.getByLabel('Attribution').inputValue(), 'Maria Zakharova');
  await editor.getByRole('button', { name: 'Link the cue by selecting it in the text' }).click();
  await dragOver(page, 'announced');
  await page.waitForFunction(() => /announced/.test(document.querySelector('.link-cue')?.textContent));
  // The selected annotation's mention and cue share highlights with it.
  const marked = await page.evaluate(() => ['claimmark-mention', 'claimmark-cue'].map((name) =>
    [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString()).join('|')));
  assert.deepEqual(marked, ['Maria Zakharova', 'announced']);
  await screenshot(page, 'power-linked');
  // Escape cancels linking; nothing changes.
  await editor.getByRole('button', { name: 'Link the cue by selecting it in the text' }).click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.linking-banner').count(), 0);

  const file = await exportNative(page);
  const { attribution } = file.annotations[0];
  const text = file.document.text;
  assert.equal(attribution.source, 'Maria Zakharova');
  assert.equal(slice(text, attribution.mention.start, attribution.mention.end), 'Maria Zakharova');
  assert.equal(slice(text, attribution.cue.start, attribution.cue.end), 'announced');
  assert.deepEqual(problems, []);
});

test('search: count, whole word, regular expressions with a clear error, tag all in one step', async () => {
  const { page, problems } = await openApp(env);
  await page.locator('article.doc h1').click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search');
  const field = bar.getByRole('searchbox');
  await field.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search', 'Ctrl+F focuses the field');
  const count = () => bar.locator('.search-count').textContent();
  await field.fill('PAKISTAN');
  assert.equal(await count(), '1 of 9', 'case-insensitive, "Pakistani" included');
  await bar.getByLabel('Whole word').check();
  assert.equal(await count(), '1 of 5');
  await field.press('Enter');
  assert.equal(await count(), '2 of 5');
  await field.press('Shift+Enter');
  await field.press('Shift+Enter');
  assert.equal(await count(), '5 of 5', 'stepping wraps around');
  const current = await page.evaluate(() => [...CSS.highlights.get('claimmark-search-current')].map((r) => r.toString()));
  assert.deepEqual(current, ['Pakistan']);

  await bar.getByLabel('Whole word').uncheck();
  await bar.getByLabel('Regular expression').check();
  await field.fill('(Pakistan');
  assert.match(await bar.getByRole('alert').textContent(), /^Not a valid regular expression: Unterminated group$/);
  await field.fill('Pakistani? (officials|delegation)');
  // Regular expressions run in a worker: the count comes when it answers.
  await page.waitForFunction(() => !/Searching/.test(document.querySelector('.search-count')?.textContent));
  assert.equal(await count(), '1 of 2');
  await bar.getByLabel('Tag as').selectOption({ label: 'Allegation' });
  await bar.getByLabel('Said by').fill('Afghan officials');
  await bar.getByRole('button', { name: 'Tag all 2' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.entry').length === 2);
  const entries = await page.locator('.entry').allTextContents();
  assert.match(entries[0], /Allegation.*Pakistani officials.*Afghan officials/s);
  assert.match(entries[1], /Pakistani delegation/);
  await screenshot(page, 'power-search');
  await bar.getByRole('button', { name: 'Tag all 2' }).click();
  assert.match(await page.getByRole('alert').textContent(), /already tagged/);
  // One undo removes both.
  await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.entry').length === 0);
  await field.press('Escape');
  assert.equal(await page.getByRole('search').count(), 0);
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
});

test('statistics update live and download as SVG, PNG and CSV; the report prints', async () => {
  const { page, problems } = await openApp(env);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const panel = page.getByRole('tabpanel');
  assert.match(await panel.locator('svg.stats-chart').textContent(), /No annotations yet/);
  await tag(page, 'Russia has formally offered to facilitate discussions', 'Proposal', 'Russia');
  await tag(page, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul “🙂” <b>');
  await tag(page, 'Zakharova identified regional stability', 'Claim');
  const rows = await panel.locator('svg.stats-chart g > title').allTextContents();
  assert.deepEqual(rows, ['Kabul “🙂” <b>: 1', 'Russia: 1', 'Unattributed: 1'], 'live, names as text');
  assert.match(await panel.locator('.coverage').textContent(), /^\d+\.\d% of the text is annotated \(142 of 2446 characters\)/);
  await screenshot(page, 'power-statistics');

  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const svg = await save('Download SVG');
  assert.match(svg.name, /-sources\.svg$/);
  assert.match(svg.bytes.toString(), /<text[^>]*>\u2068?Kabul “🙂” &lt;b&gt;\u2069?<\/text>/);
  assert.match(svg.bytes.toString(), /width="640"/, 'the full-width chart');
  const png = await save('Download PNG');
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  assert.ok(png.bytes.length > 5000, `a drawn chart, not an empty canvas (${png.bytes.length} bytes)`);
  const csv = await save('Download CSV');
  assert.equal(csv.bytes.toString().split('\r\n')[0], 'source,Claim,Allegation,Proposal,total');

  await page.getByRole('button', { name: 'Report' }).click();
  const report = page.getByRole('main', { name: 'Report' });
  await report.waitFor();
  assert.equal(await report.locator('.report-table tbody tr').count(), 3);
  assert.equal(await report.locator('p.block, h2.block').count(), await page.evaluate(() =>
    document.querySelectorAll('.report-doc .block').length), 'the whole text');
  assert.match(await report.locator('.report-table').textContent(), /Kabul “🙂” <b>/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.toolbar').isVisible(), false, 'the toolbar does not print');
  assert.equal(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible(), false);
  const pdf = await page.pdf();
  assert.ok(pdf.length > 20000, `the report prints (${pdf.length} bytes of PDF)`);
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'power-report');
  await report.getByRole('button', { name: 'Back to annotating' }).click();
  await appReady(page);
  assert.deepEqual(problems, []);
});
