// Every script with a real mouse: dragging over part of a word with Snap to words on tags that
// language's whole word (the browser's Intl.Segmenter: dictionaries for Chinese, Japanese and
// Thai), a drag that ends inside a flag takes the whole flag, and Arabic reads right to left,
// its words keeping their places on screen after tagging. No fonts are needed: positions and
// offsets, not glyphs, are checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, dragOver, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const CORPUS = readFileSync(new URL('../tests/data/multilingual/corpus.txt', import.meta.url), 'utf8');
/** The first Hebrew word of the corpus, with its points. */
const HEBREW = CORPUS.split(/\s+/).find((w) => /[\u05D0-\u05EA]/.test(w));

/** Opens CORPUS as a new document through the Open dialog. */
async function openCorpus(page) {
  await page.getByRole('toolbar').getByRole('button', { name: 'Open…' }).click();
  const open = page.getByRole('dialog', { name: 'Open texts' });
  await open.getByLabel('Text', { exact: true }).fill(CORPUS);
  await open.getByLabel('Title').fill('Many scripts');
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('h1.doc-title', { hasText: 'Many scripts' }).waitFor();
}

/** What the tag menu offers to tag after dragging over `part` (then Escape). */
async function snapped(page, part) {
  await dragOver(page, part);
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  const quote = (await menu.locator('.tag-quote').textContent()).replace(/^“|”$/g, '');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  return quote;
}

/**
 * Drags the mouse from the start of `phrase` to the end of its first `upTo` code units (which
 * may end inside a grapheme cluster) and returns what the tag menu offers (then Escape).
 */
async function dragTo(page, phrase, upTo) {
  const points = await page.evaluate(([phrase, upTo]) => {
    const walker = document.createTreeWalker(document.querySelector('article.doc'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0 || !node.parentElement.closest('.seg')) continue;
      node.parentElement.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + upTo.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    }
    return null;
  }, [phrase, upTo]);
  await page.mouse.move(points.x0, points.y0);
  await page.mouse.down();
  await page.mouse.move(points.x1, points.y1, { steps: 8 });
  await page.mouse.up();
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  const quote = (await menu.locator('.tag-quote').textContent()).replace(/^“|”$/g, '');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  return quote;
}

test('a drag over part of a word takes the whole word, in every script', async () => {
  const { page, problems } = await openApp(env);
  await openCorpus(page);
  for (const [part, word] of [
    ['حادثا', 'المحادثات'],
    [Array.from(HEBREW).slice(3, 7).join(''), HEBREW],
    ['वक्', 'प्रवक्ता'],
    ['ฐบา', 'รัฐบาล'],
    ['交部', '外交部'],
    ['外務', '外務省'],
    ['변인', '대변인은'],
  ]) {
    assert.equal(await snapped(page, part), word, `${part} → ${word}`);
  }
  // Without snapping, a drag that ends inside a flag or a Thai cluster still takes it whole.
  await page.getByRole('toolbar').getByLabel('Snap to words').uncheck();
  assert.equal(await dragTo(page, 'Flags 🇵🇰', 'Flags 🇵'), 'Flags 🇵🇰', 'the whole flag');
  assert.equal(await dragTo(page, 'รัฐบาลรัส', 'รัฐบาลร'), 'รัฐบาลรั', 'ร keeps its vowel mark');
  assert.equal(await dragTo(page, 'a family 👨‍👩‍👧', 'a family 👨'), 'a family 👨‍👩‍👧', 'the whole family');
  await screenshot(page, 'languages');
  assert.deepEqual(problems, []);
});

test('Arabic reads right to left and its words keep their places after tagging', async () => {
  const { page, problems } = await openApp(env);
  await openCorpus(page);
  const arabic = page.locator('p.block').first();
  assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), 'rtl');
  const hebrew = page.locator('p.block').nth(1);
  assert.equal(await hebrew.evaluate((p) => getComputedStyle(p).direction), 'rtl');
  assert.equal(await page.locator('p.block').nth(2).evaluate((p) => getComputedStyle(p).direction), 'ltr');
  // The on-screen order of the paragraph's words: sorted by their left edge.
  const order = () => arabic.evaluate((p) => {
    const words = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[\u0600-\u06FF]+/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rect = range.getClientRects()[0];
        if (rect) words.push({ word: m[0], x: Math.round(rect.right), y: Math.round(rect.top) });
      }
    }
    // Right to left within a line, lines top to bottom.
    words.sort((a, b) => (a.y - b.y) || (b.x - a.x));
    return words.map((w) => w.word);
  });
  const before = await order();
  assert.ok(before.length > 8, before.join(' '));
  await dragOver(page, 'زاخاروفا إن المحادثات');
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.getByRole('button', { name: 'Claim', exact: true }).click();
  await menu.waitFor({ state: 'detached' });
  await page.locator('.seg.hl').first().waitFor();
  assert.deepEqual(await order(), before, 'the words read in the same order after tagging');
  await screenshot(page, 'arabic-tagged');
  // The language choice: the document's own language picks its rules and direction.
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('ar');
  assert.equal(await page.locator('article.doc').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('article.doc').getAttribute('lang'), 'ar');
  assert.deepEqual(problems, []);
});
