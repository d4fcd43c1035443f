// Offline and install: after one visit the service worker (sw.js) serves the app with the network
// gone, a changed deployment replaces the cache with a new version, and the web app manifest makes
// the app installable. The build's precompressed files (.br, .gz) are what a browser is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { appReady, launch, openApp, screenshot, tagWithButton, DIST, CHROMIUM } from './harness.mjs';
import { startServer } from '../scripts/serve.mjs';
import { makeServiceWorker } from '../scripts/make-sw.mjs';
import { isCompressible } from '../scripts/compress.mjs';

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
  await appReady(page);
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
  await appReady(page);
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
    await appReady(tab);
    const cdp = await installed.newCDPSession(tab);
    assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  } finally {
    await installed.close();
  }
});

test('every compressible file is shipped as .br and .gz too, sent with Content-Encoding, never cached twice', { timeout: 30_000 }, async () => {
  const files = readdirSync(DIST);
  const compressible = files.filter((name) => isCompressible(name));
  assert.ok(compressible.some((name) => name.endsWith('.wasm')) && compressible.includes('index.html'));
  for (const name of compressible) {
    assert.ok(files.includes(`${name}.br`) && files.includes(`${name}.gz`), `${name}.br and ${name}.gz are beside ${name}`);
  }
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /\.(br|gz)"/, 'the service worker caches the plain URLs only');

  // What the browser is sent, as it asks for it (Accept-Encoding: gzip, deflate, br, zstd).
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const sent = new Map();
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    sent.set(new URL(response.url()).pathname.slice(1) || 'index.html', headers);
  });
  await page.goto(env.url);
  await page.waitForFunction(() => performance.getEntriesByName('claimmark:ready').length > 0);
  const wasm = files.find((name) => name.endsWith('.wasm'));
  for (const name of ['index.html', 'boot.js', wasm, files.find((n) => /^style-.*\.css$/.test(n))]) {
    assert.equal(sent.get(name)?.['content-encoding'], 'br', `${name} is sent as brotli`);
    assert.equal(sent.get(name)?.vary, 'Accept-Encoding');
  }
  // Served as application/wasm, so it is compiled while it downloads (instantiateStreaming).
  assert.equal(sent.get(wasm)['content-type'], 'application/wasm');
  const transfer = await page.evaluate((wasm) => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith(wasm)).map((e) => [e.encodedBodySize, e.decodedBodySize]), wasm);
  assert.equal(transfer.length, 1, 'the wasm is downloaded once (its preload is used)');
  assert.ok(transfer[0][0] < transfer[0][1] / 2, `the wasm travels compressed (${transfer[0]})`);
  await context.close();

  // A client that asks for gzip only gets gzip; one that asks for nothing gets the plain file.
  for (const [asks, encoding] of [['gzip', 'gzip'], ['identity', null]]) {
    const response = await fetch(`${env.url}${wasm}`, { headers: { 'accept-encoding': asks } });
    assert.equal(response.headers.get('content-encoding'), encoding);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
  }
  // PNG is not compressed again.
  const icon = await fetch(`${env.url}icon-192.png`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(icon.headers.get('content-encoding'), null);
});
