// Regenerates docs/screenshot.png: the seed article with a few annotations and the tag menu
// open. Needs a release build in dist/ (scripts/build-web.sh).
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
} finally {
  await env.close();
}
