// Opens ipgraph's own pages in headless Chromium as a signed-in user (IPGRAPH_USER / IPGRAPH_PASSWORD, HTTP Basic) on
// a machine cut off from everything but loopback: every request to another host is aborted and counted. GraphiQL must
// draw its editor with a tab per example document and run one; the front page must show what the instance holds and
// the ways in; a report must draw its picture of the network. Prints one JSON line:
// {"outside":0,"outsideUrls":[],"graphiql":{...},"front":{...},"report":{...},"errors":[]}.
// Usage: node pages-check.mjs <base-url> <report-path> <screenshot-prefix>
import { launchChromium } from './chromium.mjs';

const [base, reportPath, screenshots] = process.argv.slice(2);
if (!base || !reportPath || !screenshots) {
  console.error('usage: node pages-check.mjs <base-url> <report-path> <screenshot-prefix>');
  process.exit(2);
}
const browser = await launchChromium();
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const result = { outside: 0, outsideUrls: [], errors: [] };
const context = await browser.newContext({ viewport: { width: 1400, height: 900 },
  httpCredentials: { username: process.env.IPGRAPH_USER || '', password: process.env.IPGRAPH_PASSWORD || '' } });
// the closed network: whatever is not this machine never leaves Chromium
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.protocol === 'data:' || loopback.test(url.hostname)) return route.continue();
  result.outside++;
  if (result.outsideUrls.length < 10) result.outsideUrls.push(url.href.substring(0, 120));
  return route.abort('internetdisconnected');
});
const page = await context.newPage();
page.on('pageerror', (e) => result.errors.push(String(e)));
// a request the page's Content-Security-Policy refuses is reported on the console: an error too
page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) result.errors.push(m.text().substring(0, 200)); });
try {
  // GraphiQL: the editor, one tab per example, and the first example run
  await page.goto(base + '/graphiql', { waitUntil: 'load' });
  await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
  await page.locator('.graphiql-tab').first().waitFor({ timeout: 10000 });
  const graphiql = { rendered: true };
  graphiql.tabs = await page.locator('.graphiql-tab').allTextContents();
  graphiql.editor = (await page.locator('.graphiql-query-editor').first().innerText()).substring(0, 200);
  await page.locator('.graphiql-execute-button').first().click();
  const response = page.locator('.graphiql-response');
  for (let i = 0; i < 60; i++) {
    graphiql.response = await response.first().innerText();
    if (/"data"|"errors"/.test(graphiql.response)) break;
    await page.waitForTimeout(250);
  }
  graphiql.response = graphiql.response.replace(/\s+/g, ' ').substring(0, 300);
  await page.screenshot({ path: screenshots + '-graphiql.png' });
  result.graphiql = graphiql;

  // the front page
  const front = await page.goto(base + '/', { waitUntil: 'load' });
  result.front = {
    status: front.status(),
    headings: await page.locator('h2').allTextContents(),
    kinds: await page.locator('table.counts th').allTextContents(),
    links: await page.locator('ul.ways a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
  };
  await page.screenshot({ path: screenshots + '-front.png', fullPage: true });

  // a report, reached from the front page's link
  const report = await page.goto(base + reportPath, { waitUntil: 'load' });
  result.report = { status: report.status(), title: await page.title(), nodes: await page.locator('div.network svg g.node').count() };
  await page.screenshot({ path: screenshots + '-report.png' });

  // an unknown address, as a person sees it
  const missing = await page.goto(base + '/no-such-page', { waitUntil: 'load' });
  result.missing = { status: missing.status(), heading: await page.locator('h2').first().innerText() };
} catch (e) {
  result.errors.push(String(e));
  try { await page.screenshot({ path: screenshots + '-failure.png' }); } catch (ignored) { /* keep the first error */ }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.errors.length === 0 ? 0 : 1);
