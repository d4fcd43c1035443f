// What happens in a page once the app is open (no network throttling, no service worker, a
// fresh browser context each time): the first import of a document, placing a file's 10 000
// annotations on an edited version of its 1 MB text, and working in the 1 MB document (20
// annotations made with the real mouse and keyboard). Times come from the app's User Timing
// marks (`claimmark:*`) and from input events' own time stamps; "→ painted" runs to a message
// posted from the next animation frame, as the app's marks do. Long tasks (over 50 ms) are
// recorded from the page's start (PerformanceObserver 'longtask').
import { readFileSync } from 'node:fs';

/** In every page: `__afterPaint(f)`, the long tasks so far, and the input events' times. */
function instrument() {
  window.__afterPaint = (f) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => f();
    channel.port2.postMessage(null);
  });
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__input = {};
  for (const type of ['mouseup', 'click', 'change', 'keydown']) {
    addEventListener(type, (event) => { window.__input[type] = event.timeStamp; }, true);
  }
}

const mark = (page, name, timeout = 120_000) => page.waitForFunction((n) => {
  const marks = performance.getEntriesByName(n, 'mark');
  return marks.length ? marks[marks.length - 1].startTime : null;
}, name, { timeout, polling: 10 }).then((h) => h.jsonValue());

/**
 * Clicks with the real mouse at the middle of a dialog's button whose text starts with
 * `button`, or of the control of a label whose text starts with `label`. (Not a locator: its
 * queries run in the page, over the whole document, and would be measured with the app.)
 */
async function clickOn(page, { button, label }) {
  const box = await page.evaluate(([button, label]) => {
    const element = button
      ? [...document.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent.trim().startsWith(button))
      : [...document.querySelectorAll('[role="dialog"] label')].find((l) => l.textContent.trim().startsWith(label))?.querySelector('input');
    element.scrollIntoView({ block: 'nearest' });
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [button, label]);
  await page.mouse.click(box.x, box.y);
}

/** The longest task overlapping [from, to] (0 when none was over 50 ms). */
const longestTask = (page, from, to) => page.evaluate(([from, to]) => Math.max(0, ...window.__longTasks
  .filter((t) => t.end > from && t.start < to).map((t) => t.duration)), [from, to]);

export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function openApp(browser, url) {
  const opened = await openPage(browser);
  await opened.page.goto(url);
  opened.ready = await mark(opened.page, 'claimmark:ready');
  return opened;
}

/** Imports `file` through the file input and confirms; returns the two steps' times and long tasks. */
async function importFile(page, file) {
  await page.setInputFiles('#import-file', file);
  const preview = await mark(page, 'claimmark:import-preview');
  const start = await mark(page, 'claimmark:import-start');
  await clickOn(page, { button: 'Import' });
  const done = await mark(page, 'claimmark:import-done');
  const confirmed = await mark(page, 'claimmark:import-confirmed');
  return { preview: preview - start, shown: done - confirmed, start, previewAt: preview, confirmed, done };
}

/**
 * The first import of `file` in a fresh page, `settleMs` after the app is ready: start → preview
 * painted, confirm → document painted, and the longest task in each and in the 2 s after.
 */
export async function firstImport(browser, url, file, settleMs) {
  const { context, page, errors, ready } = await openApp(browser, url);
  await page.waitForTimeout(settleMs);
  const r = await importFile(page, file);
  await page.waitForTimeout(2000);
  const result = {
    preview: r.preview,
    shown: r.shown,
    longestPreview: await longestTask(page, r.start, r.previewAt),
    longestShown: await longestTask(page, r.confirmed, r.done),
    longestAfter: await longestTask(page, r.done, r.done + 2000),
    longestStartup: await longestTask(page, 0, ready),
    longestSettling: await longestTask(page, ready, r.start),
    errors,
  };
  await context.close();
  return result;
}

// The three edited versions of a text, as bench/reanchor.rs makes them.
export const EDITS = {
  'a line added at the top': (text) => `A line added at the top of this version.\n${text}`,
  'a word changed in every third paragraph': (text) => text.split('\n').map((line, i) => {
    const words = line.split(' ');
    if (i % 3 === 1 && words.length > 6) {
      const at = 3 + (i % (words.length - 4));
      words[at] = words[at] === 'reportedly' ? 'allegedly' : 'reportedly';
    }
    return words.join(' ');
  }).join('\n'),
  'the first paragraph moved to the end': (text) => {
    const cut = text.indexOf('\n');
    return `${text.slice(cut + 1)}\n${text.slice(0, cut)}`;
  },
};

/**
 * Opens the edited text (a .txt), imports the original file and chooses to place its
 * annotations on the open document: choice → result painted, the longest task meanwhile.
 */
export async function reanchoring(browser, url, file, edit) {
  const { context, page, errors } = await openApp(browser, url);
  const text = EDITS[edit](JSON.parse(readFileSync(file, 'utf8')).document.text);
  await page.setInputFiles('#import-file', { name: 'edited.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.locator('h1.doc-title', { hasText: 'edited' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await page.setInputFiles('#import-file', file);
  await page.getByRole('dialog', { name: 'Import' }).getByLabel(/Place its annotations on the open document/).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__placed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const report = document.querySelector('.reanchor-report');
        if (report?.textContent.startsWith('Placed')) {
          observer.disconnect();
          window.__afterPaint(() => resolve({ at: performance.now(), text: report.textContent }));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await clickOn(page, { label: 'Place its annotations on the open document' });
  const placed = await page.evaluate(() => window.__placed);
  const chosen = await page.evaluate(() => window.__input.change);
  const result = { ms: placed.at - chosen, longest: await longestTask(page, chosen, placed.at), outcome: placed.text.split(';')[0] + ';' + placed.text.split(';')[1].split('.')[0], errors };
  await context.close();
  return result;
}

/** A stretch of text on one line in view, the `index`-th such piece: where to drag. */
function dragTarget(index) {
  const candidates = [];
  for (const seg of document.querySelectorAll('article.doc p.block .seg')) {
    const text = seg.firstChild;
    if (!(text instanceof Text) || text.data.length <= 30) continue;
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 20);
    const rects = range.getClientRects();
    const r = rects[0];
    if (rects.length === 1 && r.top > 120 && r.bottom < innerHeight - 250) candidates.push({ x: r.left + 1, y: r.top + r.height / 2, x2: r.right - 1 });
  }
  return candidates[index % candidates.length];
}

/**
 * Works in the imported 1 MB document: `tries` times, a mouse drag (mouse-up → tag menu
 * painted), typing a source's name in the menu's Attribution box at a person's pace (each key
 * → painted), a click
 * on Claim (click → annotation painted). Also a key that changes nothing (the frame floor), both
 * exports, the memory used and scrolling.
 */
export async function interaction(browser, url, file, tries) {
  const { context, page, errors } = await openApp(browser, url);
  await importFile(page, file);
  await page.waitForTimeout(2000);
  const menu = [];
  const click = [];
  const keys = [];
  for (let i = 0; i < tries; i++) {
    await page.evaluate((i) => scrollTo(0, (2000 + i * 1500) % Math.max(1, document.body.scrollHeight - innerHeight)), i);
    await page.waitForTimeout(200);
    const box = await page.evaluate(dragTarget, i);
    await page.evaluate(() => performance.clearMarks());
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y, { steps: 6 });
    await page.mouse.up();
    menu.push(await mark(page, 'claimmark:menu-shown') - await page.evaluate(() => window.__input.mouseup));
    await page.focus('#tag-attribution');
    await page.evaluate(() => {
      window.__keys = [];
      window.__onKey = (event) => window.__afterPaint(() => window.__keys.push(performance.now() - event.timeStamp));
      addEventListener('keydown', window.__onKey, true);
    });
    for (const [n, key] of [...'Zakh'].entries()) {
      await page.keyboard.press(key);
      await page.waitForFunction((n) => window.__keys.length > n, n);
      // At a person's pace (about 8 keys a second, never in step with the frames): pressed
      // right after the previous key's frame, a key would wait for the next one every time.
      await page.waitForTimeout(80 + Math.random() * 80);
    }
    keys.push(...await page.evaluate(() => { removeEventListener('keydown', window.__onKey, true); return window.__keys; }));
    await clickOn(page, { button: 'Claim' });
    click.push(await mark(page, 'claimmark:annotation-added') - await page.evaluate(() => window.__input.click));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  await page.evaluate(() => {
    window.__floor = new Promise((resolve) => addEventListener('keydown', (event) => {
      window.__afterPaint(() => resolve(performance.now() - event.timeStamp));
    }, { once: true, capture: true }));
  });
  await page.keyboard.press('Shift');
  const floor = await page.evaluate(() => window.__floor);
  const result = { menu, click, keys, floor, errors, ...await exportsAndMemory(page) };
  await context.close();
  return result;
}

async function exportsAndMemory(page) {
  const times = {};
  for (const [key, label] of [['native', /^claimmark JSON/], ['w3c', /^W3C Web Annotation/]]) {
    await page.evaluate(() => performance.clearMarks());
    await page.getByRole('button', { name: 'Export…' }).click();
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: label }).click(),
    ]);
    times[key] = await mark(page, 'claimmark:export-done') - await mark(page, 'claimmark:export-start');
  }
  const memory = await page.evaluate(() => performance.memory.usedJSHeapSize + (globalThis.claimmarkWasmMemoryBytes?.() ?? NaN));
  const fps = await page.evaluate(() => new Promise((resolve) => {
    scrollTo(0, 0);
    const frames = [];
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      if (scrollY + innerHeight >= document.body.scrollHeight - 5 || frames.length > 600) {
        frames.sort((a, b) => a - b);
        resolve(1000 / frames[Math.floor(frames.length * 0.95)]);
        return;
      }
      scrollBy(0, document.body.scrollHeight / 300);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }));
  return { exportNative: times.native, exportW3c: times.w3c, memory, fps };
}

/**
 * Suggestions over the imported 1 MB document (issue 18): S, then two readings after a change
 * (what every answer causes); for each, `claimmark:suggest-start` → `…-painted` (the list and
 * outlines painted) and the longest task from the key or click to the paint.
 */
export async function suggesting(browser, url, file) {
  const { context, page, errors } = await openApp(browser, url);
  await importFile(page, file);
  await page.waitForTimeout(1500);
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const asked = await page.evaluate(() => { performance.clearMarks(); return performance.now(); });
    if (run === 0) await page.keyboard.press('s');
    else await page.locator('.done-toggle input').click();
    const painted = await mark(page, 'claimmark:suggest-painted');
    const start = await mark(page, 'claimmark:suggest-start');
    runs.push({ ms: painted - start, longest: await longestTask(page, asked, painted) });
    await page.waitForTimeout(500);
  }
  await context.close();
  return { runs, errors };
}
