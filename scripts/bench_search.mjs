// The site search's speed as a visitor feels it: how long after the last keystroke the results
// for a word are on screen, in headless Chromium with the CPU slowed 4x, once the dialog has
// loaded. Uses the measurement tools beside the project (../shared/tools: playwright-core over
// CDP to Debian's Chromium).
//
// Usage: node scripts/bench_search.mjs BASE_URL [WORD ...]
//   e.g. (a site served at :8080) node scripts/bench_search.mjs http://127.0.0.1:8080/ collections members
import { launchChrome, hrequire, median } from '../../shared/tools/chrome.mjs';

const { chromium } = hrequire('playwright-core');
const [url, ...given] = process.argv.slice(2);
const words = given.length ? given : ['collections', 'members', 'specify', 'consortium', 'software', 'museum'];
const chrome = await launchChrome();
try {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = browser.contexts()[0] || (await browser.newContext());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  await page.keyboard.press('/');
  await page.waitForSelector('dialog.search-dialog[open]', { timeout: 30000 });
  // One search first, so that Pagefind has loaded its WebAssembly and the index's entry.
  const timeOf = (word) => page.evaluate((word) => new Promise((resolve) => {
    const field = document.querySelector('.search-dialog input');
    const shown = () => [...document.querySelectorAll('.search-dialog__excerpt mark')]
      .some((m) => m.textContent.toLowerCase().startsWith(word.slice(0, 4)))
      || document.querySelector('.search-dialog__count')?.textContent.match(/^No|^Ning|^Kein|^Aucun/);
    field.value = word;
    const started = performance.now();
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => (shown() ? resolve(performance.now() - started) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }), word);
  await timeOf('warm');
  const times = [];
  for (const word of words) {
    await page.evaluate(() => { const f = document.querySelector('.search-dialog input'); f.value = ''; f.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.waitForTimeout(300);
    times.push(Math.round(await timeOf(word)));
  }
  console.log(JSON.stringify({ url, cpu_slowdown: 4, words, ms: times, median_ms: median(times), max_ms: Math.max(...times) }));
  await browser.close();
} finally {
  await chrome.kill();
}
