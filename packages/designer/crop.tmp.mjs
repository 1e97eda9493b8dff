import { chromium } from 'playwright-core';
const [,, url, out, sel] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 2 });
await page.goto(url);
await page.waitForTimeout(2000);
await page.locator(sel).first().screenshot({ path: out });
console.log(await page.locator(sel).first().innerHTML().then(h => h.slice(0, 400)));
await browser.close();
