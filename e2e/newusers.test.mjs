// What new users hit, fixed and held: a phone with touch (bottom sheets, the reading place
// kept), narrow windows (the More menu, a folding document list), search that shows what it
// finds, the report's scroll, the Sources tab and notices, the label editor, the list's
// filters, and the classroom (a returning student, scores in plain sentences, wrong labels and
// sources marked, the review showing sources and what the key alone has).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, launch, openApp, dragOver, screenshot, tagWithButton as tag } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const saved = mkdtempSync(join(tmpdir(), 'claimmark-new-'));

/** Selects `phrase` in the article as the browser does after a long press and handle drags. */
async function touchSelect(page, phrase) {
  const point = await page.evaluate((phrase) => {
    const article = document.querySelector('article.doc');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0 || !node.parentElement.closest('.seg')) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, phrase);
  await page.touchscreen.tap(point.x, point.y);
  await page.evaluate((phrase) => {
    const article = document.querySelector('article.doc');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0 || !node.parentElement.closest('.seg')) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + phrase.length - 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return;
    }
  }, phrase);
}

test('on a phone, touch selects and tags in a bottom sheet without losing the reading place', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(env.url);
  await appReady(page);
  const phrase = 'Kabul has accused Islamabad of airspace violations';
  await page.evaluate((phrase) => {
    const para = [...document.querySelectorAll('p.block')].find((p) => p.textContent.includes(phrase));
    window.scrollTo(0, para.getBoundingClientRect().top + window.scrollY - 300);
  }, phrase);
  const before = await page.evaluate(() => window.scrollY);
  await touchSelect(page, phrase);
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  // Where the sheet is in the window (the layout viewport, whatever the visual one does).
  const placed = (locator) => locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, width: r.width, bottom: r.bottom, height: innerHeight, width0: innerWidth };
  });
  const box = await placed(menu);
  assert.ok(box.left <= 1 && box.width >= box.width0 - 2, `the menu spans the screen (${JSON.stringify(box)})`);
  assert.ok(Math.abs(box.bottom - box.height) <= 2, `the menu sits at the bottom (${JSON.stringify(box)})`);
  assert.match(await menu.locator('.tag-quote').textContent(), /Kabul has accused Islamabad of airspace violations/, 'snapped to whole words');
  assert.equal(await menu.locator('.key-hint').isVisible(), false, 'no key hints on a touch screen');
  await screenshot(page, 'phone-tag-menu');
  await menu.getByLabel('Attribution').fill('Kabul');
  await menu.getByRole('button', { name: 'Allegation' }).tap();
  await menu.waitFor({ state: 'detached' });
  const editor = page.locator('.selected-annotation');
  await editor.waitFor();
  const sheet = await placed(editor);
  assert.ok(Math.abs(sheet.bottom - sheet.height) <= 2, `the editor is a bottom sheet (${JSON.stringify(sheet)})`);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(after - before) < 40, `the reading place is kept (${before} → ${after})`);
  await screenshot(page, 'phone-editor');
  // The toolbar: everything is reachable through More.
  assert.equal(await page.getByRole('toolbar').getByRole('button', { name: 'Open…', exact: true }).isVisible(), false);
  await page.getByRole('button', { name: 'More ▾' }).tap();
  const more = page.getByRole('menu', { name: 'More' });
  for (const item of ['Open…', 'Import…', 'Export…', 'Labels…', 'New exercise…', 'Review', 'Report', 'Help']) {
    assert.ok(await more.getByRole('menuitem', { name: item, exact: true }).isVisible(), `${item} in More`);
  }
  await screenshot(page, 'phone-more');
  await context.close();
  assert.deepEqual(problems, []);
});

test('at 1024×768 nothing is cut off: More holds the rest, the document list folds', async () => {
  const { page, problems } = await openApp(env, { viewport: { width: 1024, height: 768 } });
  const toolbar = page.getByRole('toolbar');
  assert.ok(await toolbar.evaluate((t) => t.scrollWidth <= t.clientWidth), 'the toolbar does not overflow');
  assert.equal(await toolbar.getByRole('button', { name: 'Report', exact: true }).isVisible(), false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.toolbar')).backgroundColor), 'rgb(255, 255, 255)', 'an opaque toolbar');
  await page.getByRole('button', { name: 'More ▾' }).click();
  const more = page.getByRole('menu', { name: 'More' });
  await more.getByRole('menuitem', { name: 'Help', exact: true }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await more.waitFor({ state: 'detached' });
  // A second document: the list starts folded, the article keeps its room.
  await toolbar.getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open texts' });
  await open.getByLabel('Text', { exact: true }).fill('Второй документ. Министр заявил, что переговоры продолжатся.');
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  const list = page.getByRole('navigation', { name: 'Documents' });
  await list.waitFor();
  assert.equal(await list.getByRole('button', { name: 'Show the document list' }).getAttribute('aria-expanded'), 'false');
  const width = await page.locator('article.doc').evaluate((a) => a.getBoundingClientRect().width);
  assert.ok(width >= 600, `the article is ${width}px wide`);
  await screenshot(page, 'narrow-documents-folded');
  await list.getByRole('button', { name: 'Show the document list' }).click();
  await list.getByRole('button', { name: /^Второй документ/ }).waitFor();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const panel = page.locator('aside.panel');
  assert.ok(await panel.evaluate((p) => p.scrollWidth <= p.clientWidth + 1), 'the Statistics tab fits its panel');
  await screenshot(page, 'narrow-documents-open');
  assert.deepEqual(problems, []);
});

test('search shows its match below the bar; Escape closes it from a button; the report scrolls', async () => {
  const { page, problems } = await openApp(env, { viewport: { width: 1366, height: 800 } });
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search');
  await bar.getByRole('searchbox').fill('sanctuaries');
  await page.waitForFunction(() => /1 of \d/.test(document.querySelector('.search-count')?.textContent));
  await page.waitForTimeout(300);
  const [match, barBottom] = await page.evaluate(() => {
    const range = [...CSS.highlights.get('claimmark-search-current')][0];
    return [range.getBoundingClientRect().top, document.querySelector('.search-bar').getBoundingClientRect().bottom];
  });
  assert.ok(match > barBottom && match < 800, `the match (${match}) shows below the bar (${barBottom})`);
  await bar.getByRole('button', { name: 'Next match' }).focus();
  await page.keyboard.press('Escape');
  await bar.waitFor({ state: 'detached' });

  // The report opens at its top; back to annotating returns to the reading place.
  await page.evaluate(() => window.scrollTo(0, 900));
  const reading = await page.evaluate(() => window.scrollY);
  await page.getByRole('toolbar').getByRole('button', { name: 'Report', exact: true }).click();
  const report = page.getByRole('main', { name: 'Report' });
  await report.waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the report starts at its title');
  await report.getByRole('button', { name: 'Back to annotating' }).click();
  await page.locator('article.doc p.block').first().waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, reading);
  assert.deepEqual(problems, []);
});

test('Sources, notices and linking read right: no overlap, Undo on a delete, "Link cue"', async () => {
  const { page, problems } = await openApp(env);
  await page.getByRole('tab', { name: 'Sources' }).click();
  const overlaps = await page.locator('li.candidate').evaluateAll((rows) => rows.filter((row) => {
    const name = row.querySelector('.candidate-name').getBoundingClientRect();
    const count = row.querySelector('.muted').getBoundingClientRect();
    return name.top < count.bottom && count.top < name.bottom && name.right > count.left + 0.5;
  }).length);
  assert.equal(overlaps, 0, 'names and counts do not overlap');
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await tag(page, 'Maria Zakharova announced the mediation proposal', 'Claim', 'Maria Zakharova');
  const editor = page.getByRole('group', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Link the cue by selecting it in the text' }).click();
  await dragOver(page, 'announced');
  await page.waitForFunction(() => /Link cue/.test(document.querySelector('.status')?.textContent));
  await editor.getByRole('button', { name: 'Delete' }).click();
  const status = page.locator('.status');
  await status.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.entry').first().waitFor();
  assert.equal(await page.locator('.entry').count(), 1, 'Undo in the notice brings it back');
  // A text without capitalised names says so.
  await page.getByRole('toolbar').getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open texts' });
  await open.getByLabel('Text', { exact: true }).fill('外交部发言人表示，会谈将继续进行。双方同意保持克制。');
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('tab', { name: 'Sources' }).click();
  assert.match(await page.getByRole('tabpanel').textContent(), /No capitalised names found in this text/);
  assert.deepEqual(problems, []);
});

test('the label set has its own editor: Escape keeps it, Save is one undo step; the list filters', async () => {
  const { page, problems } = await openApp(env);
  await tag(page, 'Maria Zakharova announced the mediation proposal', 'Claim', 'Maria Zakharova');
  await tag(page, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul');
  await tag(page, 'Zakharova identified regional stability', 'Claim', 'Zakharova');
  const labelsButton = page.getByRole('toolbar').getByRole('button', { name: 'Labels…' });
  await labelsButton.click();
  let dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByRole('button', { name: 'Add a label' }).click();
  assert.equal(await dialog.locator('.label-row').count(), 4);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await labelsButton.click();
  dialog = page.getByRole('dialog', { name: 'Labels' });
  assert.equal(await dialog.locator('.label-row').count(), 3, 'Escape added nothing');
  await dialog.getByLabel('Name of Claim').fill('Assertion');
  await dialog.getByLabel('Name of Claim').press('Tab');
  await dialog.getByRole('button', { name: 'Move Proposal up' }).click();
  await dialog.getByRole('button', { name: 'Add a label' }).click();
  await screenshot(page, 'labels-dialog');
  await dialog.getByRole('button', { name: 'Save labels' }).click();
  await dialog.waitFor({ state: 'detached' });
  await dragOver(page, 'Afghanistan');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  const names = await menu.locator('.label-name').allTextContents();
  assert.deepEqual(names, ['Assertion', 'Proposal', 'Allegation', 'Label 4'], 'renamed, reordered, added');
  await page.keyboard.press('4');
  await menu.waitFor({ state: 'detached' });
  assert.match(await page.locator('.entry .badge').allTextContents().then((b) => b.join(' ')), /Label 4/, 'the fourth label has key 4');
  await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
  await dragOver(page, 'Afghanistan');
  assert.deepEqual(await menu.locator('.label-name').allTextContents(), ['Claim', 'Allegation', 'Proposal'], 'one undo step');
  await page.keyboard.press('Escape');

  // Filters: by label, then by source, with counts.
  const filters = page.getByRole('group', { name: 'Show only' });
  assert.match(await filters.textContent(), /Claim 2.*Allegation 1.*Proposal 0/s);
  await filters.getByRole('button', { name: /^Claim/ }).click();
  assert.equal(await page.locator('.entry').count(), 2);
  assert.match(await page.locator('.panel-title').first().textContent(), /Annotations \(2 of 3\)/);
  await filters.getByLabel('Source').selectOption({ label: 'Maria Zakharova (1)' });
  assert.equal(await page.locator('.entry').count(), 1);
  await filters.getByRole('button', { name: 'Show all' }).click();
  assert.equal(await page.locator('.entry').count(), 3);
  assert.deepEqual(problems, []);
});

test('classroom: a returning student is greeted, scores read as sentences, wrong labels and sources show', async () => {
  const teacher = await openApp(env);
  const t = teacher.page;
  await tag(t, 'Kabul has accused Islamabad of airspace violations', 'Allegation', 'Kabul');
  await tag(t, 'Zakharova identified regional stability as Russia’s primary objective', 'Claim', 'Maria Zakharova');
  await tag(t, 'Russia has formally offered to facilitate discussions', 'Proposal', 'Russia');
  await t.getByRole('toolbar').getByRole('button', { name: 'New exercise…' }).click();
  const dialog = t.getByRole('dialog', { name: 'New exercise' });
  await dialog.getByRole('button', { name: 'Share link' }).click();
  const link = await dialog.locator('.share-link input').inputValue();
  const [keyDownload] = await Promise.all([t.waitForEvent('download'), dialog.getByRole('button', { name: 'Save exercise file' }).click()]);
  const keyFile = join(saved, keyDownload.suggestedFilename());
  await keyDownload.saveAs(keyFile);
  await dialog.press('Escape');

  const context = await env.browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  const start = page.getByRole('dialog', { name: 'Exercise' });
  await start.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'text', 'focus is in the name field');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await start.waitFor({ state: 'detached' });
  await tag(page, 'Kabul has accused Islamabad of airspace violations', 'Claim', 'Kabul');
  await tag(page, 'Zakharova identified regional stability', 'Claim', 'Pakistan');
  await page.getByRole('button', { name: 'Check my work' }).click();
  const results = page.locator('.check-results');
  await results.waitFor();
  const sentences = await results.locator('.score-sentences li').allTextContents();
  assert.equal(sentences.length, 4);
  assert.match(sentences[0], /^Found: 1 of the key's 3 spans overlaps one of your 2 with the same label\.$/);
  assert.match(sentences[2], /^Labels: of the 2 spans of yours that overlap the key's, 1 has the key's label\.$/);
  assert.ok(await page.locator('.seg.is-wrong-label').count() > 0, 'the wrong label is marked');
  assert.ok(await page.locator('.seg.is-wrong-source').count() > 0, 'the wrong source is marked');
  await screenshot(page, 'student-check-sentences');
  const [submission] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export submission' }).click()]);
  const submissionFile = join(saved, 'ana.claimmark.json');
  await submission.saveAs(submissionFile);
  // Reopening the link: a welcome, not an empty start form.
  await page.goto('about:blank');
  await page.goto(link);
  const welcome = page.getByRole('dialog', { name: 'Exercise' });
  await welcome.waitFor();
  assert.match(await welcome.textContent(), /Welcome back, Ana: your 2 annotations are here\./);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Continue');
  await page.keyboard.press('Enter');
  await welcome.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.entry').count(), 2);
  await context.close();

  // The review: the key's own span is "missed", and hovering shows who said it.
  await t.getByRole('toolbar').getByRole('button', { name: 'Review', exact: true }).click();
  await t.getByLabel('Answer key').setInputFiles(keyFile);
  await t.getByLabel('Submissions').setInputFiles([submissionFile]);
  await t.locator('.scores-table').waitFor();
  const proposal = t.locator('.compare-doc .cmp', { hasText: 'Russia has formally offered' });
  assert.match(await proposal.getAttribute('class'), /cmp-missed/, 'only the key has it: missed');
  const kabul = t.locator('.compare-doc .cmp', { hasText: 'Kabul has accused Islamabad' }).first();
  assert.match(await kabul.getAttribute('title'), /allegation — Kabul/);
  assert.match(await kabul.getAttribute('title'), /Ana: claim — Kabul/);
  assert.deepEqual(teacher.problems, []);
});
