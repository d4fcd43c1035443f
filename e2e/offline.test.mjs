// Offline and install: after one visit the service worker (sw.js) serves the app with the network
// gone, a changed deployment replaces the cache with a new version, and the web app manifest makes
// the app installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch, openApp, screenshot, tagWithButton, DIST, CHROMIUM } from './harness.mjs';
import { startServer } from '../scripts/serve.mjs';
import { makeServiceWorker } from '../scripts/make-sw.mjs';

let env;
const sites = [];
const temporary = [];
before(async () => { env = await launch(); });
after(async () => {
  await env?.close();
  for (const site of sites) await site.stop();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Serves a copy of dist/ that the test may change or take offline; a new port is a new origin. */
async function serveCopy() {
  const root = mkdtempSync(join(tmpdir(), 'claimmark-offline-'));
  temporary.push(root);
  cpSync(DIST, root, { recursive: true });
  const server = await startServer({ root, port: 0 });
  const site = {
    root,
    url: `http://127.0.0.1:${server.address().port}/`,
    async stop() {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
  sites.push(site);
  return site;
}

/** Waits until a service worker controls the page; returns the cache names. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => caches.keys());
}

/** Polls an async predicate in the page (waitForFunction would not await it) for up to 15 s. */
async function until(page, predicate, arg) {
  for (const deadline = Date.now() + 15_000; !(await page.evaluate(predicate, arg));) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${predicate}`);
    await page.waitForTimeout(50);
  }
}

test('after one visit the app opens and annotates with the network gone', { timeout: 30_000 }, async () => {
  const site = await serveCopy();
  const { version } = makeServiceWorker(site.root);
  const { context, page, problems } = await openApp({ browser: env.browser, url: site.url });
  assert.deepEqual(await controlled(page), [`claimmark-${version}`]);

  // Both ways of losing the network: the server is gone, and the browser is told it is offline.
  await site.stop();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('article.doc p.block');
  assert.match(await page.locator('p.block').first().textContent(), /Russia has formally offered/);

  await tagWithButton(page, 'Russia has formally offered', 'Claim');
  assert.equal(await page.locator('mark.hl').first().getAttribute('data-badge'), 'Claim');
  assert.match(await page.locator('.entry').first().textContent(), /Claim.*Russia has formally offered/s);
  await screenshot(page, 'offline');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a changed deployment gets a new cache and the old one is deleted', { timeout: 30_000 }, async () => {
  const site = await serveCopy();
  const first = makeServiceWorker(site.root);
  const { context, page, problems } = await openApp({ browser: env.browser, url: site.url });
  assert.deepEqual(await controlled(page), [`claimmark-${first.version}`]);
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await paper(), 'rgb(251, 250, 247)');

  // The stylesheet has a hashed name (style-<hash>.css, Trunk); changed in place, as a new deployment's.
  const stylesheet = readdirSync(site.root).find((name) => /^style-[0-9a-f]+\.css$/.test(name));
  appendFileSync(join(site.root, stylesheet), '\n:root { --paper: #f4f9ff; }\n');
  const second = makeServiceWorker(site.root);
  assert.notEqual(second.version, first.version);

  // This load still comes from the old cache, whole; meanwhile the browser fetches the changed
  // sw.js, the new worker caches the new files, and the started page lets it take over.
  await page.reload();
  await page.waitForSelector('article.doc p.block');
  assert.equal(await paper(), 'rgb(251, 250, 247)', 'this load is still the old version, whole');
  await until(page, async (name) => (await caches.keys()).join() === name, `claimmark-${second.version}`);
  // The page keeps working under the new worker, and its work carries over to the new version.
  await tagWithButton(page, 'Maria Zakharova announced', 'Claim');
  await page.reload();
  await page.locator('.entry').first().waitFor();
  assert.equal(await paper(), 'rgb(244, 249, 255)', 'the next load is the new version');
  assert.match(await page.locator('.entry').first().textContent(), /Claim.*Maria Zakharova announced/s);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`claimmark-${second.version}`]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the manifest is linked and complete, and Chromium finds the app installable', { timeout: 30_000 }, async () => {
  const { context, page, problems } = await openApp(env);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const response = await fetch(href);
    return { type: response.headers.get('content-type'), body: await response.json() };
  });
  assert.match(manifest.type, /^application\/manifest\+json/);
  assert.equal(manifest.body.name, 'claimmark');
  assert.equal(manifest.body.start_url, './');
  assert.equal(manifest.body.display, 'standalone');
  const icons = await page.evaluate((icons) => Promise.all(icons.map(async (icon) => {
    const response = await fetch(icon.src);
    return `${icon.sizes} ${response.status} ${response.headers.get('content-type')}`;
  })), manifest.body.icons);
  assert.deepEqual(icons, ['any 200 image/svg+xml', '192x192 200 image/png', '512x512 200 image/png']);
  assert.deepEqual(problems, []);
  await context.close();

  // Installability is not judged in incognito-like contexts, so ask a browser with a profile.
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-profile-'));
  temporary.push(profile);
  const installed = await chromium.launchPersistentContext(profile, CHROMIUM);
  try {
    const tab = installed.pages()[0] ?? await installed.newPage();
    await tab.goto(env.url);
    await tab.waitForSelector('article.doc p.block');
    const cdp = await installed.newCDPSession(tab);
    assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  } finally {
    await installed.close();
  }
});
