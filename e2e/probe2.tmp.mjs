import { launch, openApp, dragOver } from './harness.mjs';
const env = await launch();
const { page, problems } = await openApp(env);
await dragOver(page, 'Russia has formally offered');
await page.keyboard.press('3');
await page.reload();   // at once: the change is at most a few milliseconds old
await page.waitForSelector('article.doc p.block');
console.log('entries after immediate reload:', await page.locator('.entry').count());
console.log(problems);
await env.close();
