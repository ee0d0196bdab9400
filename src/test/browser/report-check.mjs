// Opens an investigative report (HTML, as ipgraph serves it) in headless Chromium and reads the picture of the
// network: the label, id and type of every node drawn, and whether the picture fits the page. Prints one JSON line:
// {"nodes":N,"labels":[...],"ids":[...],"footnoteLinks":N,"brokenFootnoteLinks":[...],...}.
// Usage: node report-check.mjs <report-url> [screenshot.png]
import { launchChromium } from './chromium.mjs';

const [url, screenshot] = process.argv.slice(2);
if (!url) {
  console.error('usage: node report-check.mjs <report-url> [screenshot.png]');
  process.exit(2);
}
const browser = await launchChromium();
const result = { nodes: 0, labels: [], ids: [], errors: [] };
try {
  // the report needs a signed-in user: IPGRAPH_USER / IPGRAPH_PASSWORD (HTTP Basic)
  const credentials = process.env.IPGRAPH_USER ? { username: process.env.IPGRAPH_USER, password: process.env.IPGRAPH_PASSWORD || '' } : undefined;
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, httpCredentials: credentials });
  const page = await context.newPage();
  page.on('pageerror', (e) => result.errors.push(String(e)));
  const response = await page.goto(url, { waitUntil: 'load' });
  result.status = response.status();
  result.contentType = response.headers()['content-type'];
  result.title = await page.title();
  const nodes = page.locator('div.network svg g.node');
  result.nodes = await nodes.count();
  result.labels = await nodes.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')));
  result.ids = await nodes.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
  result.drawnText = await nodes.evaluateAll((gs) => gs.map((g) => Array.from(g.querySelectorAll('text')).map((t) => t.textContent).join(' ')));
  result.edges = await page.locator('div.network svg line.edge').count();
  // the picture fits its box (not clipped) and every footnote number leads to an entry of the sources list
  result.picture = await page.evaluate(() => {
    const svg = document.querySelector('div.network svg');
    const box = svg.getBoundingClientRect();
    const content = svg.getBBox();
    const view = svg.viewBox.baseVal;
    return { width: box.width, height: box.height, contentFits: content.x >= view.x - 1 && content.y >= view.y - 1
      && content.x + content.width <= view.x + view.width + 1 && content.y + content.height <= view.y + view.height + 1 };
  });
  const links = await page.locator('a[href^="#fn-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  result.footnoteLinks = links.length;
  result.brokenFootnoteLinks = [];
  for (const href of new Set(links)) {
    if (await page.locator(href.replace(/^#/, '#')).count() !== 1) result.brokenFootnoteLinks.push(href);
  }
  if (screenshot) {
    await page.locator('div.network').screenshot({ path: screenshot });
  }
} catch (e) {
  result.errors.push(String(e));
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.nodes > 0 && result.errors.length === 0 ? 0 : 1);
