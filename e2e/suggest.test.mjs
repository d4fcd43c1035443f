// Suggestions in the browser: the list and the dashed outlines, accepting (one undo step),
// rejecting for good, editing then accepting, accepting all above a confidence, nothing in
// statistics or exports until accepted, the same suggestions as `claimmark suggest`, keys only
// in the list, right-to-left and CJK text left where it was, an exercise's choice, a phone by
// touch, and the whole 1 MB document (its timing is the benchmark's: scripts/bench.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, dragOver, screenshot } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'target/release/claimmark');
const DATA = process.env.CLAIMMARK_BENCH_DATA ?? join(ROOT, 'target/bench-data');
const LARGE = join(DATA, '1m-10000.claimmark.json');
const scratch = mkdtempSync(join(tmpdir(), 'claimmark-suggest-'));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The list as shown: span, label, confidence, source and quote of each entry. */
function listed(page) {
  return page.locator('.sg-item').evaluateAll((items) => items.map((li) => ({
    start: Number(li.dataset.s),
    end: Number(li.dataset.e),
    label: li.querySelector('.badge').textContent.toLowerCase(),
    confidence: li.querySelector('.sg-confidence').textContent,
    source: li.querySelector('.sg-source').textContent.replace(/^— /, ''),
  })));
}

/** Asks for suggestions with the key S and waits for the list. */
async function suggest(page) {
  await page.keyboard.press('s');
  await page.locator('.sg-item').first().waitFor({ timeout: 30_000 });
}

/** The list once no reading is under way (every answer re-scores the rest). */
async function settled(page) {
  await page.waitForFunction(() => !/Updating|Suggesting/.test(document.querySelector('.sg-status')?.textContent ?? ''));
  return listed(page);
}

/** Waits until the list has `count` entries and no reading is under way. */
async function listOf(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.sg-item').length === n
    && !/Updating|Suggesting/.test(document.querySelector('.sg-status')?.textContent ?? ''), count);
}

const same = (a) => (b) => a.start === b.start && a.end === b.end;

/** The document's annotations, exported as claimmark JSON. */
async function exported(page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^claimmark JSON/ }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/** How many annotations are highlighted (an outline may cut one highlight into pieces). */
const highlights = (page) => page.evaluate(() => new Set([...document.querySelectorAll('mark.seg.hl')]
  .flatMap((m) => m.dataset.ids.split(' '))).size);

test('Suggest: dashed outlines and a list; Enter accepts in one undo step, X rejects for good, E edits then accepts', async () => {
  const { page, problems } = await openApp(env, { viewport: { width: 1366, height: 800 } });
  await suggest(page);
  const shown = await listed(page);
  assert.ok(shown.length >= 10, `${shown.length} suggestions on the seed article`);
  assert.deepEqual(shown.map((s) => s.start), [...shown.map((s) => s.start)].sort((a, b) => a - b), 'in text order');
  assert.equal(await page.locator('.seg.is-suggested-focus').count() > 0, true, 'the focused one is marked in the text');
  assert.equal(await highlights(page), 0, 'suggestions are not annotations');
  assert.ok(await page.locator('.seg.is-suggested').count() >= shown.length);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('sg-item')), true, 'the list has focus');
  await screenshot(page, 'suggest-1366');

  // Enter accepts the focused one: an annotation with the suggestion's label and source.
  await page.keyboard.press('Enter');
  await page.locator('mark.seg.hl').first().waitFor();
  assert.equal((await settled(page)).some(same(shown[0])), false, 'it left the list');
  let file = await exported(page);
  assert.equal(file.annotations.length, 1);
  const [first] = file.annotations;
  assert.deepEqual([first.start, first.end, first.label, first.attribution.source], [shown[0].start, shown[0].end, shown[0].label, shown[0].source]);
  assert.ok(first.attribution.cue, 'with the cue');
  assert.equal(file.suggester.feedback, 1, 'and what it learned');
  // One undo takes both back, and the suggestion returns.
  await page.keyboard.press('Control+z');
  await listOf(page, shown.length);
  assert.equal(await highlights(page), 0);
  assert.match(await page.locator('.sg-learned').textContent(), /Nothing learned yet/);

  // X rejects the focused one; it does not come back, even after a reload.
  const items = page.locator('.sg-item');
  await items.nth(2).click();
  await page.keyboard.press('x');
  const rejected = shown[2];
  await page.waitForFunction(([s, e]) => !document.querySelector(`.sg-item[data-s="${s}"][data-e="${e}"]`), [rejected.start, rejected.end]);
  assert.equal((await settled(page)).some(same(rejected)), false);
  await page.waitForTimeout(1500); // autosave
  await page.reload();
  await page.waitForSelector('article.doc p.block');
  await suggest(page);
  const again = await settled(page);
  assert.ok(again.some(same(shown[0])));
  assert.equal(again.some(same(rejected)), false, 'not after another Suggest either');

  // E opens the form: another label and source, then Accept. What is typed there answers nothing.
  await items.first().focus();
  await page.keyboard.press('e');
  const form = page.getByRole('form', { name: 'Edit the suggestion, then accept it' });
  await form.waitFor();
  await form.getByLabel('Label').selectOption('allegation');
  const source = form.getByLabel('Who says it');
  await source.fill('');
  await source.pressSequentially('Someone Else axe');
  await source.press('Delete');
  assert.deepEqual(await listed(page), again, 'typing in the form accepts and rejects nothing');
  await source.fill('Someone Else');
  await screenshot(page, 'suggest-edit-form');
  await source.press('Enter'); // takes the highlighted choice, New source “Someone Else”
  await source.press('Enter'); // accepts
  await form.waitFor({ state: 'detached' });
  assert.equal((await settled(page)).some(same(shown[0])), false);
  file = await exported(page);
  const edited = file.annotations.find((a) => a.start === shown[0].start);
  assert.equal(edited.label, 'allegation');
  assert.equal(edited.attribution.source, 'Someone Else');
  assert.ok(edited.attribution.mention && edited.attribution.cue, 'mention and cue kept');
  assert.deepEqual(problems, []);
});

test('Accept all above the confidence is one undo step; suggestions stay out of statistics and exports until accepted', async () => {
  const { page, problems } = await openApp(env, { viewport: { width: 1024, height: 768 } });
  await suggest(page);
  const shown = await listed(page);
  const sure = shown.filter((s) => parseInt(s.confidence, 10) >= 80);
  assert.ok(sure.length >= 1 && sure.length < shown.length, `${sure.length} of ${shown.length} at 80% or more`);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  assert.match(await page.locator('.tab-body').textContent(), /; 0 annotation\(s\)/, 'no suggestion in the statistics');
  let file = await exported(page);
  assert.deepEqual(file.annotations, [], 'nor in an export');
  assert.ok(!JSON.stringify(file).includes('"suggested"'));

  await page.keyboard.press('s');
  const acceptAll = page.getByRole('button', { name: `Accept all ${sure.length}` });
  await acceptAll.click();
  const left = await settled(page);
  assert.equal(left.some((s) => sure.some(same(s))), false, 'the accepted left the list');
  file = await exported(page);
  assert.deepEqual(file.annotations.map((a) => [a.start, a.end, a.label]), sure.map((s) => [s.start, s.end, s.label]));
  await page.getByRole('tab', { name: 'Statistics' }).click();
  assert.match(await page.locator('.tab-body').textContent(), new RegExp(`; ${sure.length} annotation\\(s\\)`));
  await page.locator('header.toolbar').getByRole('button', { name: 'Undo' }).click();
  file = await exported(page);
  assert.deepEqual(file.annotations, [], 'one undo step');
  assert.equal(file.suggester, undefined, 'its learning too');

  // Reset learning: one undo step as well.
  await page.keyboard.press('s');
  assert.deepEqual(await settled(page), shown, 'back as they were');
  await page.locator('.sg-item').first().getByRole('button', { name: 'Reject' }).click();
  await page.getByRole('button', { name: 'Reset learning' }).click();
  assert.match(await page.locator('.sg-learned').textContent(), /Nothing learned yet/);
  await page.locator('header.toolbar').getByRole('button', { name: 'Undo' }).click();
  assert.match(await page.locator('.sg-learned').textContent(), /Learned from 1 answer/);
  await screenshot(page, 'suggest-1024');
  assert.deepEqual(problems, []);
});

test('the browser suggests what `claimmark suggest` suggests for the same .txt', async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: cargo build --release --bin claimmark`);
  const texts = [];
  for (const set of ['tune', 'heldout']) {
    const dir = join(ROOT, 'tests/data/suggest', set);
    for (const name of execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((n) => n.endsWith('.json')).sort()) {
      texts.push(JSON.parse(readFileSync(join(dir, name), 'utf8')).document.text);
    }
  }
  const txt = join(scratch, 'news.txt');
  writeFileSync(txt, texts.join('\n\n'));
  const cli = JSON.parse(execFileSync(CLI, ['suggest', txt, '-o', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const expected = cli.annotations.filter((a) => a.suggested);
  assert.ok(expected.length > 80, `${expected.length} suggestions`);

  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', txt);
  await page.locator('h1.doc-title', { hasText: 'news' }).waitFor();
  await suggest(page);
  await listOf(page, expected.length);
  const shown = await listed(page);
  const want = expected.map((a) => ({
    start: a.start, end: a.end, label: a.label,
    confidence: `${Math.round(a.confidence * 100)}%`,
    source: a.attribution?.source ?? 'unattributed',
  }));
  assert.deepEqual(shown, want, 'same spans, labels, confidences and sources, in the same order');

  // Accepted, they carry the CLI's mentions and cues.
  await page.locator('.sg-min select').selectOption('0.5');
  await page.getByRole('button', { name: /^Accept all/ }).click();
  const file = await exported(page);
  const key = (a) => `${a.start}-${a.end}-${a.label}`;
  const cliByKey = new Map(expected.map((a) => [key(a), a]));
  assert.ok(file.annotations.length > 50);
  for (const a of file.annotations) {
    const c = cliByKey.get(key(a));
    assert.ok(c, `accepted ${key(a)} is one of the CLI's`);
    assert.deepEqual([a.attribution?.mention, a.attribution?.cue], [c.attribution?.mention, c.attribution?.cue], key(a));
  }
  assert.deepEqual(problems, []);
});

test('keys answer suggestions only in the list; right-to-left and CJK text stays where it was and selectable', async () => {
  const { page, problems } = await openApp(env);
  const txt = join(scratch, 'mixed.txt');
  writeFileSync(txt, 'Trade talks resume\nThe minister said “السلام عليكم ورحمة الله وبركاته” on Monday, and the delegation agreed to meet again.\nA spokesman for the ministry said “我们支持对话与合作” after the meeting in the capital.\nOfficials said the talks would resume next week, according to people familiar with the plan.\n');
  await page.setInputFiles('#import-file', txt);
  await page.locator('h1.doc-title', { hasText: 'mixed' }).waitFor();
  // Where every character of the text is drawn.
  const places = () => page.evaluate(() => {
    const out = [];
    for (const seg of document.querySelectorAll('article .seg')) {
      const node = seg.firstChild;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        out.push(`${Math.round(r.left * 2) / 2},${Math.round(r.top * 2) / 2}`);
      }
    }
    return out;
  });
  const before = await places();
  await suggest(page);
  await listOf(page, 4);
  assert.deepEqual(await places(), before, 'no character moved: outlines take no room, nothing is reordered');
  const arabic = page.locator('.seg.is-suggested', { hasText: 'السلام' });
  assert.equal(await arabic.count(), 1);
  assert.equal(await arabic.evaluate((e) => getComputedStyle(e).userSelect), 'auto');
  await screenshot(page, 'suggest-rtl-cjk');

  // Keys typed outside the list answer nothing: the article, the search bar.
  const count = async () => (await listed(page)).length;
  await page.locator('article.doc').focus();
  for (const key of ['a', 'x', 'Enter', 'Delete']) await page.keyboard.press(key);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('axe');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  assert.equal(await count(), 4);
  assert.equal(await highlights(page), 0);

  // The text under an outline still selects: a drag opens the tag menu.
  await dragOver(page, '我们支持对话与合作');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  await menu.getByRole('button', { name: 'Claim', exact: true }).click();
  await menu.waitFor({ state: 'detached' });
  const file = await exported(page);
  assert.equal(file.annotations.length, 1);
  assert.equal(file.suggester?.feedback, 1, 'tagged by hand over a suggestion: learned in the same step');
  await page.keyboard.press('Control+z');
  assert.equal(await highlights(page), 0);
  assert.deepEqual(problems, []);
});

test('in an exercise students may suggest only if the teacher allowed it', async () => {
  const teacher = await openApp(env);
  const t = teacher.page;
  const linkFor = async (allow) => {
    await t.getByRole('button', { name: 'New exercise…' }).click();
    const dialog = t.getByRole('dialog', { name: 'New exercise' });
    const box = dialog.getByLabel('Students may ask for suggested annotations');
    assert.equal(await box.isChecked(), false, 'off by default');
    if (allow) await box.check();
    await dialog.getByRole('button', { name: 'Share link' }).click();
    const link = await dialog.locator('.share-link input').inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return link;
  };
  for (const allow of [false, true]) {
    const link = await linkFor(allow);
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(link);
    const start = page.getByRole('dialog', { name: 'Exercise' });
    await start.getByLabel(/Your name/).fill('Ana');
    await start.getByRole('button', { name: 'Start' }).click();
    await start.waitFor({ state: 'detached' });
    const button = page.locator('header.toolbar').getByRole('button', { name: 'Suggest', exact: true });
    if (!allow) {
      assert.equal(await button.isDisabled(), true);
      assert.match(await button.getAttribute('title'), /teacher has not allowed suggestions/);
      await page.keyboard.press('s');
      assert.match(await page.locator('.status').textContent(), /teacher has not allowed suggestions/);
      await page.getByRole('tab', { name: 'Suggestions' }).click();
      assert.match(await page.locator('.sg-panel').textContent(), /teacher has not allowed suggestions/);
      assert.equal(await page.locator('.sg-item').count(), 0);
      await screenshot(page, 'suggest-exercise-not-allowed');
    } else {
      await button.click();
      await page.locator('.sg-item').first().waitFor();
      await page.keyboard.press('a');
      await page.locator('mark.seg.hl').first().waitFor();
    }
    await context.close();
  }
});

test('on a phone the suggestions are a bottom sheet answered by touch', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(env.url);
  await page.waitForSelector('article.doc p.block');
  await page.getByRole('button', { name: 'More ▾' }).tap();
  await page.getByRole('menuitem', { name: 'Suggest' }).tap();
  const items = page.locator('.sg-item');
  await items.first().waitFor();
  const first = (await listed(page))[0];
  const sheet = await page.locator('.panel').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, bottom: r.bottom, top: r.top, width: innerWidth, height: innerHeight };
  });
  assert.ok(sheet.left <= 1 && sheet.right >= sheet.width - 1 && Math.abs(sheet.bottom - sheet.height) <= 2, JSON.stringify(sheet));
  assert.ok(sheet.top > sheet.height * 0.4, 'the text stays in view above it');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing runs past the screen');
  await screenshot(page, 'suggest-phone');
  await items.first().getByRole('button', { name: 'Accept' }).tap();
  await page.locator('mark.seg.hl').first().waitFor();
  const next = (await settled(page))[0];
  assert.ok(!same(first)(next));
  await items.first().getByRole('button', { name: 'Reject' }).tap();
  assert.equal((await settled(page)).some(same(next)), false);
  assert.equal(await highlights(page), 1);
  await screenshot(page, 'suggest-phone-answered');
  assert.deepEqual(problems, []);
  await context.close();
});

test('1 MB: the whole document is read for suggestions, again after a change, and the list is windowed', async () => {
  assert.ok(existsSync(LARGE), `${LARGE} is missing: cargo run --release --example bench-corpus -- target/bench-data`);
  const { page, problems } = await openApp(env);
  await page.setInputFiles('#import-file', LARGE);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Benchmark 1m-10000' }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('s');
  await page.locator('.sg-status', { hasText: '7624 suggestions' }).waitFor({ timeout: 60_000 });
  // A change reads the document again (what every answer does): the same suggestions.
  await page.evaluate(() => performance.clearMarks());
  await page.locator('.done-toggle input').click();
  await page.waitForFunction(() => performance.getEntriesByName('claimmark:suggest-painted').length > 0, null, { timeout: 60_000 });
  assert.match(await page.locator('.sg-status').textContent(), /7624 suggestions/);
  assert.ok(await page.locator('.sg-item').count() < 100, 'the list is windowed');
  assert.deepEqual(problems, []);
});
