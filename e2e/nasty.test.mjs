// Every nasty input from tests/data/nasty/cases.json, imported through the page: a precise
// message (or a clean preview where the input is fine), and the work already there unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, dragOver } from './harness.mjs';

const CASES = JSON.parse(readFileSync(new URL('../tests/data/nasty/cases.json', import.meta.url), 'utf8'));
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function bytesOf(c) {
  if (c.text !== undefined) return Buffer.from(c.text, 'utf8');
  if (c.bytes) return Buffer.from(c.bytes);
  const { prefix, unit, times, suffix } = c.repeat;
  return Buffer.concat([Buffer.from(prefix), Buffer.from(unit.repeat(times)), Buffer.from(suffix)]);
}

test('nasty inputs give precise messages in the page and leave the work as it was', async () => {
  const { page, problems } = await openApp(env);
  await dragOver(page, 'Russia has formally offered');
  await page.keyboard.press('3');
  await page.locator('.entry').first().waitFor();
  const before = await page.locator('.entry').allTextContents();
  const dir = mkdtempSync(join(tmpdir(), 'claimmark-nasty-'));
  for (const c of CASES) {
    const path = join(dir, c.file);
    writeFileSync(path, bytesOf(c));
    await page.evaluate(() => document.querySelector('.alerts .notice .close')?.click());
    await page.setInputFiles('#import-file', path);
    const expected = c.ui_expect ?? c.expect;
    if (expected === null) {
      const dialog = page.getByRole('dialog', { name: 'Import' });
      await dialog.waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    } else {
      const alert = page.locator('.alerts .notice');
      await alert.waitFor({ timeout: 30_000 });
      const text = await alert.textContent();
      assert.ok(text.includes(expected), `${c.name}: ${text.slice(0, 300)} lacks ${expected}`);
      assert.match(text, /Your current work is unchanged/, c.name);
    }
    assert.deepEqual(await page.locator('.entry').allTextContents(), before, `${c.name}: the work is unchanged`);
  }
  assert.deepEqual(problems, []);
});
