// Opens Neo4j Browser as served by ipgraph, connects it to the embedded Bolt port, runs a Cypher query and
// counts the nodes drawn on the graph canvas. Prints one JSON line: {"connected":true,"nodes":N,...}.
// Usage: node browser-check.mjs <browser-url> <cypher> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, query, screenshot] = process.argv.slice(2);
if (!url || !query || !screenshot) {
  console.error('usage: node browser-check.mjs <browser-url> <cypher> <screenshot.png>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const result = { connected: false, nodes: 0, errors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => result.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // With authentication off the Browser connects by itself; otherwise it shows the connect form first.
  const connect = page.locator('[data-testid="connect"]');
  const connected = page.getByText(/You have a working connection|You are connected as user/).first();
  await Promise.race([connect.waitFor({ timeout: 60000 }), connected.waitFor({ timeout: 60000 })]);
  if (await connect.isVisible()) {
    await connect.click();
  }
  await connected.waitFor({ timeout: 60000 });
  result.connected = true;
  const editor = page.locator('[data-testid="activeEditor"]');
  await editor.click();
  await page.keyboard.type(query);
  await page.locator('[data-testid="editor-Run"]').click();
  await page.locator('svg g.node').first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(1500);
  result.nodes = await page.locator('svg g.node').count();
  result.captions = await page.locator('svg g.node text').allTextContents();
  await page.screenshot({ path: screenshot, fullPage: false });
} catch (e) {
  result.errors.push(String(e));
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages.length) await pages[0].screenshot({ path: screenshot });
  } catch (ignored) { /* keep the first error */ }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.connected && result.nodes > 0 ? 0 : 1);
