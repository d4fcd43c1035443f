// Regenerates docs/adjudicate.png (1366×800): three annotators' files merged on the Adjudicate
// screen, the most disputed group on show with its three variants, a note and a reason typed
// for the decision. Needs a release build in dist/ (trunk build --release).
import { launch, openApp } from '../e2e/harness.mjs';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEXT = 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan '
  + 'amid escalating bilateral tensions. Foreign Ministry spokesperson Maria Zakharova announced '
  + 'the mediation proposal on Thursday.\n\n'
  + 'Kabul has accused Islamabad of repeated airspace violations, while Pakistani officials allege '
  + 'that militants operate from Afghan soil.\n\n'
  + 'قالت وزارة الخارجية الأفغانية إن المحادثات يجب أن تبدأ فوراً.';

/** Code point offsets of the first `phrase` in TEXT. */
function at(phrase) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(phrase))).length;
  return { start, end: start + Array.from(phrase).length };
}

/** A claimmark file by `annotator`: [phrase, label, source, mention, cue, note]. */
function file(annotator, marks) {
  const annotations = marks.map(([phrase, label, source, mention, cue, note = ''], i) => ({
    id: `a${i + 1}`, ...at(phrase), quote: phrase, label,
    attribution: { source, ...(mention ? { mention: at(mention) } : {}), ...(cue ? { cue: at(cue) } : {}) },
    note,
  }));
  return JSON.stringify({ format: 'claimmark', version: 1, offset_unit: 'codepoint', annotator,
    document: { id: `sha256:${createHash('sha256').update(TEXT).digest('hex')}`, title: 'Talks on the border', text: TEXT },
    sources: [{ name: 'Afghan foreign ministry', aliases: ['وزارة الخارجية الأفغانية'] }],
    annotations });
}

const OFFER = 'Russia has formally offered to facilitate discussions between Pakistan and Afghanistan';
const ACCUSED = 'Kabul has accused Islamabad of repeated airspace violations';
const ALLEGE = 'Pakistani officials allege that militants operate from Afghan soil';
const TALKS = 'المحادثات يجب أن تبدأ فوراً';
const files = {
  'ana.json': file('Ana', [
    [OFFER, 'proposal', 'Russia', 'Russia', 'offered'],
    [ACCUSED, 'allegation', 'Kabul', 'Kabul', 'accused', 'An accusation against a state'],
    [ALLEGE, 'allegation', 'Pakistani officials', 'Pakistani officials', 'allege'],
    [TALKS, 'proposal', 'وزارة الخارجية الأفغانية'],
  ]),
  'ben.json': file('Ben', [
    [OFFER, 'proposal', 'Russia', 'Russia', 'offered'],
    [ACCUSED, 'claim', 'Kabul', 'Kabul', 'accused'],
    [ALLEGE, 'allegation', 'Pakistani officials', 'Pakistani officials', 'allege'],
    [TALKS, 'proposal', 'Afghan foreign ministry'],
  ]),
  'cara.json': file('Cara', [
    [OFFER, 'proposal', 'Russia', '', 'offered'],
    ['Kabul has accused Islamabad', 'allegation', 'Kabul', 'Kabul', 'accused', 'Only the accusation itself'],
    [TALKS, 'claim', 'وزارة الخارجية الأفغانية'],
  ]),
};

const dir = await mkdtemp(join(tmpdir(), 'claimmark-shot-'));
const paths = [];
for (const [name, text] of Object.entries(files)) {
  await writeFile(join(dir, name), text);
  paths.push(join(dir, name));
}
const env = await launch();
try {
  const { page } = await openApp(env, { viewport: { width: 1366, height: 800 } });
  await page.getByRole('button', { name: 'Adjudicate…' }).click();
  await page.getByLabel("Annotators' files").setInputFiles(paths);
  const queue = page.getByRole('region', { name: 'Disagreements' });
  await queue.locator('.variant').nth(2).waitFor();
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.activeElement?.classList.contains('decision-note'));
  await page.keyboard.type('The repeated violations are what Kabul alleges: the whole clause.');
  await queue.getByRole('combobox').selectOption('boundary');
  await queue.focus();
  await queue.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: fileURLToPath(new URL('../docs/adjudicate.png', import.meta.url)) });
} finally {
  await env.close();
}
