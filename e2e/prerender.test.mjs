// The page shows the seed article before the app has started (index.html's shell, the article
// written in by the build from model::prerender), and the app replaces it with the same markup:
// one article afterwards, nothing moved; someone with saved work is never shown it. Pictures of both, at three window sizes, land in
// e2e/artifacts/ (prerendered-*.png, live-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, launch, tagWithKey, ARTIFACTS, DIST } from './harness.mjs';

const FIRST_SENTENCE = 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan';
const SIZES = [[1366, 800], [1024, 768], [390, 844]];

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The page as it is before the app starts: boot.js never arrives. */
async function prerenderedPage(context) {
  const page = await context.newPage();
  await page.route('**/boot.js', (route) => route.abort());
  await page.goto(env.url);
  await page.waitForSelector('[data-prerendered] article.doc p.block');
  return page;
}

/**
 * `selector`'s subtree as comparable lines: each element with its attributes (empty values and
 * boolean ones alike; `style=""` left out), the state of form controls, and its text.
 */
function shape(selector) {
  const IGNORED = new Set(['data-prerendered', 'aria-busy', 'checked', 'selected', 'value']);
  const lines = [];
  const walk = (node, depth) => {
    if (node.nodeType === Node.TEXT_NODE) {
      // Yew keeps an empty text node where an expression renders nothing.
      if (node.data) lines.push(`${' '.repeat(depth)}"${node.data}"`);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const attributes = [...node.attributes]
      .filter((a) => !IGNORED.has(a.name) && !(a.name === 'style' && a.value === ''))
      .map((a) => (a.value === '' || a.value === a.name ? a.name : `${a.name}=${a.value}`))
      .sort();
    const state = node instanceof HTMLInputElement ? ` checked=${node.checked}`
      : node instanceof HTMLOptionElement ? ` selected=${node.selected}` : '';
    lines.push(`${' '.repeat(depth)}<${node.localName} ${attributes.join(' ')}${state}>`);
    for (const child of node.childNodes) walk(child, depth + 1);
  };
  walk(document.querySelector(selector), 0);
  return lines;
}

/** How many pixels of two PNG screenshots differ by more than a rounding of their edges. */
async function pixelsDiffering(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (png) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.length !== q.length) return Infinity;
    let differing = 0;
    for (let i = 0; i < p.length; i += 4) {
      const most = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2]));
      if (most > 8) differing++;
    }
    return differing;
  }, [a.toString('base64'), b.toString('base64')]);
}

test('index.html holds the seed article in the app\'s shell, escaped as text', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const app = html.slice(html.indexOf('<div id="app">'), html.lastIndexOf('</body>')).trimEnd();
  assert.match(app, /<div class="layout" data-prerendered aria-busy="true"><div class="doc-column"><article class="doc" lang="en" dir="ltr"/);
  assert.ok(app.includes('<h1 class="doc-title" dir="auto">Russia offers to mediate between Pakistan and Afghanistan</h1>'));
  assert.ok(app.includes(`<span class="seg" data-s="0" data-e="258">${FIRST_SENTENCE}`));
  assert.equal(app.match(/class="block-wrap"/g).length, 11);
  assert.doesNotMatch(app, />\s+</, 'no white space between tags, as the app renders none');
  assert.doesNotMatch(app, /<!--/, 'the placeholder is filled in');
  // Only the one script tag, in the head: the shell is markup only (the CSP allows no inline script).
  assert.equal(html.match(/<script/g).length, 1);
});

test('the app replaces the prerendered reading view with the same markup, and nothing moves', { timeout: 60_000 }, async () => {
  for (const [width, height] of SIZES) {
    const context = await env.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
    const before = await prerenderedPage(context);
    const prerendered = await before.screenshot({ path: join(ARTIFACTS, `prerendered-${width}.png`) });
    const [prerenderedLayout, prerenderedToolbar] = [await before.evaluate(shape, '.layout'), await before.evaluate(shape, 'header.toolbar')];
    await before.close();

    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(env.url);
    await appReady(page);
    assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the prerendered layout is gone');
    assert.equal(await page.locator('article.doc').count(), 1);
    assert.equal(await page.evaluate((s) => document.body.textContent.split(s).length - 1, FIRST_SENTENCE), 1, 'the text is there once');
    assert.deepEqual(await page.evaluate(shape, '.layout'), prerenderedLayout);
    assert.deepEqual(await page.evaluate(shape, 'header.toolbar'), prerenderedToolbar);
    // The live app at rest (fonts and the idle warm-up done), as a person would see it.
    await page.waitForTimeout(300);
    const live = await page.screenshot({ path: join(ARTIFACTS, `live-${width}.png`) });
    assert.equal(await pixelsDiffering(page, prerendered, live), 0, `the same picture at ${width}×${height}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('someone returning to saved work is not shown the seed article first', { timeout: 30_000 }, async () => {
  // No service worker, so that the test can hold the app's files back.
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(env.url);
  await appReady(page);
  await tagWithKey(page, 'Russia has formally offered', '1');
  await page.waitForFunction(() => localStorage.getItem('claimmark.has-saved-work') === '1');
  // The next visit, with the app held back: the first paint is boot.js's.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/claimmark-web-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('[data-prerendered]')?.style.visibility === 'hidden');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.layout')).visibility), 'hidden');
  release();
  await appReady(page);
  assert.equal(await page.locator('.entry').count(), 1, 'the saved work is shown');
  assert.deepEqual(problems, []);
  await context.close();
});
