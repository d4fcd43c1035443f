// Adjudication in a real browser: three annotators' files (two claimmark files and a spaCy
// file, English, Arabic and an emoji sequence) merged automatically, the gold set opened as a
// document and exported byte for byte as `claimmark merge -o -` writes it, undone in one step;
// then two groups decided by keyboard (a rejection, a pick with a note and a reason), the gold
// set exported and imported again with its provenance; screenshots at three sizes. Last, a
// student sees the key's explanation after "Check my work" only when the teacher allowed it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, screenshot, dragOver } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = process.env.CLAIMMARK_BIN ?? join(ROOT, 'target/release/claimmark');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TEXT = 'Maria Zakharova said the talks 👨🏻‍🚒 will continue.\n'
  + 'قالت كابول إن المحادثات فشلت.\n'
  + 'Russia offered to mediate between Pakistan and Afghanistan.';
const SAID = 'Maria Zakharova said the talks 👨🏻‍🚒 will continue';
const KABUL = 'قالت كابول إن المحادثات فشلت';
const OFFER = 'Russia offered to mediate between Pakistan and Afghanistan';

/** A claimmark file of TEXT by `annotator` with [phrase, label, source] annotations. */
function native(annotator, marks) {
  const points = Array.from(TEXT);
  const annotations = marks.map(([phrase, label, source], i) => {
    const start = Array.from(TEXT.slice(0, TEXT.indexOf(phrase))).length;
    const end = start + Array.from(phrase).length;
    assert.equal(points.slice(start, end).join(''), phrase);
    return { id: `a${i + 1}`, start, end, quote: phrase, label, attribution: { source }, note: '' };
  });
  const id = `sha256:${createHash('sha256').update(TEXT).digest('hex')}`;
  return JSON.stringify({ format: 'claimmark', version: 1, offset_unit: 'codepoint', annotator,
    document: { id, title: 'Talks', text: TEXT }, annotations });
}

/** Three annotators' files: ana and ben as claimmark files, cara as spaCy (named by its file). */
async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-adjudicate-'));
  const write = async (name, text) => { await writeFile(join(dir, name), text); return join(dir, name); };
  const ana = await write('ana.json', native('ana', [
    [SAID, 'claim', 'Maria Zakharova'], [KABUL, 'claim', 'كابول'], [OFFER, 'proposal', 'Russia']]));
  const ben = await write('ben.json', native('ben', [
    [SAID, 'claim', 'Maria Zakharova'], [KABUL, 'allegation', 'كابول'], ['Russia offered to mediate', 'proposal', 'Russia']]));
  const caraNative = await write('cara-native.json', native('', [[SAID, 'claim', 'Maria Zakharova'], [KABUL, 'claim', 'كابول']]));
  const cara = join(dir, 'cara.spacy.jsonl');
  execFileSync(CLI, ['convert', '--to', 'spacy', caraNative, '-o', cara]);
  return { dir, paths: [ana, ben, cara] };
}

async function exportNative(page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^claimmark JSON/ }).click(),
  ]);
  return readFile(await download.path());
}

/** The document list's entries (shown once several documents are open). */
const documents = (page) => page.locator('.documents li.document').count();

test('three files → automatic merge equal to the CLI → keyboard decisions → gold with provenance', async () => {
  const { dir, paths } = await files();
  const cli = execFileSync(CLI, ['merge', '-o', '-', ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
  const { page, problems } = await openApp(env, { viewport: { width: 1366, height: 800 } });
  await page.getByRole('button', { name: 'Adjudicate…' }).click();
  await page.getByLabel("Annotators' files").setInputFiles(paths);
  const queue = page.getByRole('region', { name: 'Disagreements' });
  await queue.waitFor();
  assert.match(await page.locator('.loaded-files').textContent(), /ana.*ben.*cara\.spacy\.jsonl/s);
  assert.match(await queue.locator('h2').textContent(), /Group 1 of 2 · 2 open/);
  await page.waitForFunction(() => document.activeElement?.classList.contains('queue')); // the queue has the focus

  // Automatic merge, no decisions: the gold set opens as a document and exports as the CLI writes it.
  await page.getByRole('button', { name: 'Open the gold set as a document' }).click();
  await page.locator('h1.doc-title', { hasText: 'Talks' }).waitFor();
  assert.equal(await documents(page), 2, 'the seed and the gold set');
  const browser = await exportNative(page);
  assert.ok(browser.equals(cli), `browser and CLI differ:\n${browser}\n---\n${cli}`);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.documents').waitFor({ state: 'detached' });
  assert.doesNotMatch(await page.locator('h1.doc-title').textContent(), /Talks/, 'one undo step takes the gold set away');

  // Back to the queue, kept as it was; decisions by keyboard only.
  await page.getByRole('button', { name: 'Adjudicate…' }).click();
  await queue.waitFor();
  const heading = (text) => queue.locator('h2', { hasText: text }).waitFor();
  const focused = (className) => page.waitForFunction((c) => document.activeElement?.classList.contains(c), className);
  await focused('queue');
  await page.keyboard.press('j');
  await heading('Group 2 of 2');
  await page.keyboard.press('k');
  await heading('Group 1 of 2');
  assert.match(await queue.locator('.variant').first().textContent(), /Allegation.*ben · 1 of 3/s);
  assert.match(await queue.textContent(), /cara\.spacy\.jsonl marked nothing here|ana, cara\.spacy\.jsonl marked nothing here/);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Help' });
  assert.match(await help.textContent(), /Keys on the Adjudicate screen.*1 … 9pick that variant/s);
  await page.keyboard.press('j'); // the dialog has the keys
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await focused('queue');
  await heading('Group 1 of 2');
  await page.keyboard.press('r');
  await heading('Group 2 of 2 · 1 open'); // a decision moves on
  assert.equal(await queue.locator('.variant').count(), 2);
  await focused('queue');
  await page.keyboard.press('n');
  await focused('decision-note');
  await page.keyboard.type('The offer names both sides — تشمل الطرفين 🙂');
  await page.keyboard.press('1'); // typed into the note, not a pick
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await focused('queue');
  await queue.getByRole('combobox').selectOption('boundary');
  await queue.focus();
  await screenshot(page, 'adjudicate-1366');
  await page.keyboard.press('1');
  await queue.locator('.decided').waitFor();
  assert.match(await queue.locator('.decided').textContent(), /kept Proposal “Russia offered to mediate between Pakistan and Afghanistan” \(Russia\) · reason: boundary · note: The offer names both sides — تشمل الطرفين 🙂/);
  assert.match(await page.locator('.gold-summary').textContent(), /1 unanimous, 1 majority, 1 adjudicated \(1 group\(s\) rejected\); 2 group\(s\) decided, 0 open/);
  const csv = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (CSV)' }).click()]);
  const report = (await readFile(await csv[0].path(), 'utf8')).trim().split('\r\n');
  assert.equal(report.length, 4);
  assert.match(report[1], /^ana,3,3,1,1,1\.0000,/);
  assert.match(report[2], /^ben,3,1,2,0,0\.0000,/);

  // The gold set as a document: exported, imported again, provenance and all.
  await page.getByRole('button', { name: 'Open the gold set as a document' }).click();
  await page.locator('h1.doc-title', { hasText: 'Talks' }).waitFor();
  const gold = await exportNative(page);
  const parsed = JSON.parse(gold);
  const statuses = parsed.annotations.map((a) => a.provenance.status);
  assert.deepEqual(statuses, ['unanimous', 'majority', 'adjudicated']);
  assert.deepEqual(parsed.annotations[2].provenance, {
    status: 'adjudicated', annotators: ['ana'], agreement: '1/3',
    note: 'The offer names both sides — تشمل الطرفين 🙂', reason: 'boundary',
  });
  await page.setInputFiles('#import-file', { name: 'gold.claimmark.json', mimeType: 'application/json', buffer: gold });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await documents(page), 2, 'the same text: it takes the place of the open gold set');
  assert.ok((await exportNative(page)).equals(gold), 'the provenance survives the round trip');
  assert.deepEqual(problems, []);
  await writeFile(join(dir, 'done'), '');
});

test('the adjudication screen on a small window and a phone', async () => {
  const { paths } = await files();
  for (const [width, height] of [[1024, 768], [390, 844]]) {
    const { page, context, problems } = await openApp(env, { viewport: { width, height } });
    await page.getByRole('button', { name: 'More ▾' }).click();
    await page.getByRole('menuitem', { name: 'Adjudicate…' }).click();
    await page.getByLabel("Annotators' files").setInputFiles(paths);
    const queue = page.getByRole('region', { name: 'Disagreements' });
    await queue.waitFor();
    await queue.getByRole('button', { name: 'Next' }).click();
    if (width > 640) {
      // Keys typed in a form stay there; Escape goes back to the queue.
      await page.waitForFunction(() => document.activeElement?.classList.contains('queue'));
      await page.keyboard.press('e');
      const form = queue.getByRole('group', { name: 'Edit the annotation' });
      await page.waitForFunction(() => document.activeElement?.closest('[data-form]'));
      await page.keyboard.press('1');
      await page.keyboard.press('r');
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      assert.match(await queue.locator('h2').textContent(), /Group 2 of 2 · 2 open/);
    }
    await queue.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, `adjudicate-${width}`);
    // Buttons, not only keys: pick the second variant with a tap.
    await queue.getByRole('button', { name: /^Pick variant 2/ }).click();
    await queue.locator('h2', { hasText: 'Group 1 of 2 · 1 open' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width}px (${overflow}px)`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a student sees the key’s explanation after checking only when the teacher allowed it', async () => {
  const teacher = await openApp(env);
  const t = teacher.page;
  await dragOver(t, 'Kabul has accused Islamabad of airspace violations');
  const menu = t.getByRole('dialog', { name: 'Tag selection' });
  await menu.getByLabel('Attribution').fill('Kabul');
  await menu.getByLabel('Note').fill('An accusation of wrongdoing: “accused” — اتهام 🙂');
  await menu.getByRole('button', { name: 'Allegation', exact: true }).click();
  await menu.waitFor({ state: 'detached' });
  await t.getByRole('button', { name: 'New exercise…' }).click();
  const dialog = t.getByRole('dialog', { name: 'New exercise' });
  const explain = dialog.getByLabel(/see your notes as explanations/);
  assert.equal(await explain.isChecked(), false, 'off unless the teacher allows it');
  assert.match(await dialog.textContent(), /1 of your 1 annotation\(s\) have a note/);
  const link = async () => {
    await dialog.getByRole('button', { name: 'Share link' }).click();
    return dialog.locator('.share-link input').inputValue();
  };
  await explain.check();
  const allowed = await link();
  await explain.uncheck();
  const withheld = await link();
  assert.notEqual(allowed, withheld);

  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  for (const [url, shown] of [[allowed, true], [withheld, false]]) {
    const page = await context.newPage();
    await page.goto(url);
    const start = page.getByRole('dialog', { name: 'Exercise' });
    await start.getByLabel(/Your name/).fill('Ana');
    await start.getByRole('button', { name: 'Start' }).click();
    await start.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Check my work' }).click();
    await page.locator('.check-results').waitFor();
    const missed = page.locator('.seg.is-missed').first();
    const title = await missed.getAttribute('title');
    const list = page.getByRole('list', { name: 'What the key explains' });
    if (shown) {
      assert.match(title, /Missed: the key has this span\. The key explains: An accusation of wrongdoing: “accused” — اتهام 🙂/);
      assert.match(await list.textContent(), /Missed.*Kabul has accused.*An accusation of wrongdoing/s);
      await screenshot(page, 'student-explanations');
    } else {
      assert.equal(title, 'Missed: the key has this span');
      assert.equal(await list.count(), 0);
    }
    await page.close();
  }
  await context.close();
  assert.deepEqual(teacher.problems, []);
});
