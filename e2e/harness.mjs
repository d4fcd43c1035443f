// Shared set-up for the end-to-end tests: serve dist/ on a free 127.0.0.1 port and drive
// Debian's Chromium with playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { startServer } from '../scripts/serve.mjs';

export const DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts', import.meta.url));

/** How every test starts Chromium (also for chromium.launchPersistentContext). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
  ],
};

/** Starts the server and a browser; returns { server, browser, url, close }. */
export async function launch() {
  const server = await startServer({ root: DIST, port: 0 });
  const browser = await chromium.launch(CHROMIUM);
  const url = `http://127.0.0.1:${server.address().port}/`;
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server, browser, url,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Waits until the app accepts input (its `claimmark:ready` mark): the page shows the seed article
 * before that (prerendered into index.html), which a test must not take for the app.
 */
export async function appReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('claimmark:ready', 'mark').length > 0);
}

/** A fresh page (own storage) on the app, waiting until it accepts input. */
export async function openApp(env, { viewport = { width: 1400, height: 900 } } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(env.url);
  await appReady(page);
  return { context, page, problems };
}

/**
 * Drags the real mouse across `phrase` in the article: from inside its first character to
 * inside its last one, after scrolling it to the middle of the window unless `scroll` is
 * false. Returns the drag's end point.
 */
export async function dragOver(page, phrase, { scroll = true } = {}) {
  const box = await page.evaluate(([phrase, scroll]) => {
    const article = document.querySelector('article.doc');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    // Find the phrase in the concatenated text of the article's segments.
    const nodes = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('.seg')) continue;
      nodes.push({ node, from: all.length });
      all += node.data;
    }
    const at = all.indexOf(phrase);
    if (at < 0) return null;
    const locate = (offset) => {
      const hit = nodes.filter((n) => n.from <= offset).pop();
      return [hit.node, offset - hit.from];
    };
    const rectOf = (offset, width) => {
      const [node, local] = locate(offset);
      const range = document.createRange();
      range.setStart(node, local);
      range.setEnd(node, local + width);
      const rect = range.getClientRects()[0];
      return { x: rect.left, y: rect.top, w: rect.width, h: rect.height };
    };
    const last = phrase.length - 1;
    // Mouse coordinates are the viewport's: bring the phrase into view first.
    if (scroll) locate(at)[0].parentElement.scrollIntoView({ block: 'center' });
    return { first: rectOf(at, 1), last: rectOf(at + last, 1) };
  }, [phrase, scroll]);
  if (!box) throw new Error(`phrase not in the article: ${phrase}`);
  const start = { x: box.first.x + 1, y: box.first.y + box.first.h / 2 };
  const end = { x: box.last.x + box.last.w - 1, y: box.last.y + box.last.h / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  return end;
}

/** Drags over `phrase`, types the attribution (if any) and tags it with key `key` (1, 2, 3). */
export async function tagWithKey(page, phrase, key, source = '') {
  const menu = await openTagMenu(page, phrase, source);
  await menu.focus();
  await page.keyboard.press(key);
  await menu.waitFor({ state: 'detached' });
}

/** Drags over `phrase`, types the attribution (if any) and clicks the button of `label`. */
export async function tagWithButton(page, phrase, label, source = '') {
  const menu = await openTagMenu(page, phrase, source);
  await menu.getByRole('button', { name: label, exact: true }).click();
  await menu.waitFor({ state: 'detached' });
}

async function openTagMenu(page, phrase, source) {
  await dragOver(page, phrase);
  const menu = page.getByRole('dialog', { name: 'Tag selection' });
  await menu.waitFor();
  if (source) await menu.getByLabel('Attribution').fill(source);
  return menu;
}

/** Saves a screenshot under e2e/artifacts/ for a person to look at. */
export async function screenshot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}
