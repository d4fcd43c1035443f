// The classroom flow in real browsers: a teacher makes an exercise with a key, two students
// start from the link, check and submit their work, and the teacher reviews the class.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, screenshot, tagWithKey as tag } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const saved = mkdtempSync(join(tmpdir(), 'claimmark-class-'));

/** Clicks, waits for the download and keeps it (downloads vanish with their browser context). */
async function saveDownload(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(saved, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

test('teacher → link → two students → review with scores, kappa, alpha, comparison and chart', async () => {
  // The teacher annotates the key and makes the exercise.
  const teacher = await openApp(env);
  const t = teacher.page;
  await tag(t, 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan', '3', 'Russia');
  await tag(t, 'Kabul has accused Islamabad of airspace violations', '2', 'Kabul');
  await tag(t, 'Zakharova identified regional stability as Russia’s primary objective', '1', 'Maria Zakharova');
  await t.getByRole('button', { name: 'New exercise…' }).click();
  const dialog = t.getByRole('dialog', { name: 'New exercise' });
  await dialog.getByLabel('Description of Proposal').fill('An offer, call or suggested course of action — say who makes it.');
  await dialog.getByLabel('Description of Proposal').press('Tab');
  await dialog.getByLabel('Instructions').fill('Tag every claim, allegation and proposal, and say who makes it.');
  assert.ok(await dialog.getByLabel(/are the answer key/).isChecked());
  await screenshot(t, 'exercise-dialog');
  const exerciseFile = await saveDownload(t, () => dialog.getByRole('button', { name: 'Save exercise file' }).click());
  assert.match(exerciseFile.name, /\.claimmark-exercise\.json$/);
  await dialog.getByRole('button', { name: 'Share link' }).click();
  const link = await dialog.locator('.share-link input').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#exercise=[A-Za-z0-9_-]+$/);

  // Two students open the link in their own browsers.
  const submissions = [];
  for (const [name, work] of [
    ['Ana', async (p) => {
      await tag(p, 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan', '3', 'Russia');
      await tag(p, 'Kabul has accused Islamabad', '2', 'Kabul');
    }],
    ['Ben', async (p) => {
      await tag(p, 'Russia has formally offered to facilitate discussions', '1', 'Russia');
      await tag(p, 'Zakharova identified regional stability', '1', 'Zakharova');
      await tag(p, 'Pakistani allegations that Taliban authorities tolerate', '2', 'Pakistan');
    }],
  ]) {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(link);
    const start = page.getByRole('dialog', { name: 'Exercise' });
    await start.waitFor();
    assert.match(await start.textContent(), /Tag every claim, allegation and proposal.*say who makes it/s);
    assert.match(await start.textContent(), /Proposal.*say who makes it/s, 'the edited label description');
    await start.getByRole('button', { name: 'Start' }).click();
    assert.equal(await start.getByRole('alert').textContent(), 'Please type your name.');
    await start.getByLabel(/Your name/).fill(name);
    await start.getByRole('button', { name: 'Start' }).click();
    await start.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.entry').count(), 0, 'a fresh annotation set');
    assert.equal(new URL(page.url()).hash, '', 'the link is consumed');
    await work(page);
    await page.getByRole('button', { name: 'Check my work' }).click();
    const results = page.locator('.check-results');
    await results.waitFor();
    assert.ok(await page.locator('.seg.is-missed').count() > 0, `${name} sees what the key has and they missed`);
    if (name === 'Ben') {
      assert.ok(await page.locator('.seg.is-extra').count() > 0, 'Ben sees his extra span');
      await screenshot(page, 'student-check');
    }
    const file = await saveDownload(page, () => page.getByRole('button', { name: 'Export submission' }).click());
    const submission = JSON.parse(await readFile(file.path, 'utf8'));
    assert.equal(submission.annotator, name);
    assert.match(submission.exercise.id, /^ex-[0-9a-f]{12}$/);
    submissions.push(file.path);
    await page.reload();
    await page.locator('.exercise-panel').waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Exercise' }).count(), 0, 'no second start after a reload');
    await context.close();
  }

  // The teacher reviews the class.
  await dialog.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await t.getByRole('button', { name: 'Review' }).click();
  await t.getByLabel('Answer key').setInputFiles(exerciseFile.path);
  await t.getByLabel('Submissions').setInputFiles(submissions);
  const table = t.locator('.scores-table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /^Ana/, 'sorted by relaxed F1, best first');
  assert.match(await t.locator('.alpha').textContent(), /Krippendorff's α \(nominal, 3 annotators including the key\): 0\.\d{3}/);
  assert.equal(await t.locator('.kappa-table tbody tr').count(), 3);
  await t.getByRole('button', { name: 'Annotator' }).click();
  assert.match((await table.locator('tbody tr').allTextContents())[0], /^Ana/);
  await t.getByRole('button', { name: 'Annotator' }).click();
  assert.match((await table.locator('tbody tr').allTextContents())[0], /^Ben/, 'sorting by name both ways');
  assert.ok(await t.locator('.cmp-agree').count() > 0 && await t.locator('.cmp-disagree').count() > 0);
  await t.getByLabel('Show').selectOption({ label: 'Ben' });
  assert.ok(await t.locator('.cmp-missed').count() > 0, 'filtered to Ben: what he missed');
  const chart = t.getByRole('img', { name: /Annotations per source and label/ });
  assert.match(await chart.textContent(), /Russia/);
  const csv = await saveDownload(t, () => t.getByRole('button', { name: 'Download CSV' }).click());
  const lines = (await readFile(csv.path, 'utf8')).trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^annotator,exact_precision/);
  await t.evaluate(() => window.scrollTo(0, 0));
  await screenshot(t, 'review');
  await t.locator('.source-chart').scrollIntoViewIfNeeded();
  await screenshot(t, 'review-chart');
  assert.deepEqual(teacher.problems, []);
});
