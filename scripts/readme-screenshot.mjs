// Regenerates docs/screenshot.png (the seed article with a few annotations and the tag menu
// open, suggesting a source) and docs/screenshot-tools.png (search, a linked mention and cue,
// the Statistics tab). Needs a release build in dist/ (trunk build --release).
import { launch, openApp, dragOver } from '../e2e/harness.mjs';
import { fileURLToPath } from 'node:url';

const env = await launch();
try {
  const { page } = await openApp(env, { viewport: { width: 1280, height: 760 } });
  const tag = async (phrase, key, source) => {
    await dragOver(page, phrase);
    const menu = page.getByRole('dialog', { name: 'Tag selection' });
    await menu.getByLabel('Attribution').fill(source);
    await menu.focus();
    await page.keyboard.press(key);
    await menu.waitFor({ state: 'detached' });
  };
  await tag('Russia has formally offered to facilitate discussions between Pakistan and Afghanistan', '3', 'Russia');
  await tag('Maria Zakharova announced the mediation proposal', '1', 'Maria Zakharova');
  await tag('regional stability as Russia’s primary objective', '1', 'Maria Zakharova');
  await dragOver(page, 'both Pakistan and Afghanistan as essential regional partners');
  await page.getByRole('dialog', { name: 'Tag selection' }).getByLabel('Attribution').fill('Zakh');
  await page.screenshot({ path: fileURLToPath(new URL('../docs/screenshot.png', import.meta.url)) });

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('.entry').nth(1).click();
  const editor = page.getByRole('group', { name: 'Edit annotation' });
  await editor.getByRole('button', { name: 'Link the cue by selecting it in the text' }).click();
  await dragOver(page, 'announced');
  await editor.getByRole('button', { name: 'Link the mention by selecting it in the text' }).click();
  await dragOver(page, 'Maria Zakharova');
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox').fill('pakistan');
  await page.getByRole('searchbox').press('Enter');
  await page.locator('.entry, svg.stats-chart').first().waitFor();
  await page.screenshot({ path: fileURLToPath(new URL('../docs/screenshot-tools.png', import.meta.url)) });
} finally {
  await env.close();
}
