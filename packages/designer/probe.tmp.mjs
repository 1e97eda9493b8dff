import { chromium } from 'playwright-core';
const [,, url] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(url);
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => { const el = document.querySelector('[data-testid="lane-sales"] .cfd-lane-name'); const cs = getComputedStyle(el); const h = document.querySelector('[data-testid="lane-sales"] .cfd-lane-header'); return JSON.stringify({ r: el.getBoundingClientRect(), hr: h.getBoundingClientRect(), wm: cs.writingMode, color: cs.color, mh: cs.maxHeight, disp: cs.display, lang: document.querySelector('.cfd-root').getAttribute('lang') }); }));
await browser.close();
