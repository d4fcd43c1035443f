// First and second visits on a slow network: each run starts a browser with a fresh profile,
// throttled through the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip), opens the app, waits until its service worker controls the
// page (its files cached), closes the browser, starts it again on the same profile and opens the
// app once more, now from the service worker.
//
// Readable: the page's `claimmark:readable` mark, set by boot.js right after the first frame
// showing the seed article (which index.html holds) is painted; the first contentful paint, the
// browser's own time of that frame, is recorded beside it. Ready: the app's `claimmark:ready`
// mark (the reading view listens for a drag). All from the navigation's start.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NETWORK = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
export const NETWORK_WORDS = '1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (DevTools protocol emulation)';

/** Records, in every page, the first contentful paint (to set beside claimmark:readable). */
function watchPaints() {
  window.__fcp = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/** Opens `url` in a throttled page of `context`; resolves with the figures of that visit. */
async function visit(context, url) {
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('claimmark:ready', 'mark').length > 0, null, { timeout: 60_000, polling: 20 });
  // The largest contentful paint is settled by the time the app is ready.
  const figures = await page.evaluate(() => ({
    fcp: window.__fcp,
    readable: performance.getEntriesByName('claimmark:readable', 'mark')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('claimmark:ready', 'mark')[0].startTime,
    wasmArrived: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
    controlled: navigator.serviceWorker.controller !== null,
  }));
  return { page, figures: { ...figures, transferred } };
}

async function launch(profile, options) {
  const context = await chromium.launchPersistentContext(profile, { ...options, viewport: { width: 1366, height: 800 } });
  await context.addInitScript(watchPaints);
  return context;
}

/** `runs` pairs of visits; returns { first: [figures], second: [figures] }. */
export async function visits({ url, runs, launchOptions, progress = () => {} }) {
  const first = [];
  const second = [];
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'claimmark-bench-profile-'));
    try {
      let context = await launch(profile, launchOptions);
      const one = await visit(context, url);
      first.push(one.figures);
      // The worker installs once the app has started (boot.js), downloading every file again.
      await one.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000, polling: 100 });
      await one.page.waitForTimeout(1000);
      await context.close();
      context = await launch(profile, launchOptions);
      const two = await visit(context, url);
      second.push(two.figures);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    progress();
  }
  return { first, second };
}
