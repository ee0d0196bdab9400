// Opens Neo4j Browser as served by ipgraph and checks what an investigator sees: the connection to the embedded
// Bolt port, the ipgraph guide played on connect (its first slide's title), a query drawn on the graph canvas
// with the ipgraph style (each node's caption and fill colour, each relationship's caption), and a screenshot;
// then the saved queries imported as favorites from the zip the application serves.
// The Browser is opened as a signed-in ipgraph user (BROWSER_USER / BROWSER_PASSWORD: HTTP Basic for /browser/,
// then the same password in the Browser's connect form, whose user name ipgraph fills in). Every request the pages
// make to a host other than loopback is counted ("outside", with the first few in "outsideUrls"); with
// ALSO_AT=<url> the Browser is opened again at that address (e.g. 127.0.0.1 for localhost) and must connect,
// play the guide and draw in the style there too ("alsoAt").
// Prints one JSON line: {"connected":true,"guideTitle":"...","nodes":N,"styled":[...],...}.
// Usage: node browser-check.mjs <browser-url> <cypher or @file.cypher> <screenshot.png> [guide-title]
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const [url, queryArg, screenshot, guideTitle] = process.argv.slice(2);
if (!url || !queryArg || !screenshot) {
  console.error('usage: node browser-check.mjs <browser-url> <cypher or @file.cypher> <screenshot.png> [guide-title]');
  process.exit(2);
}
// A saved query as an investigator runs it: its ":param" lines first (the Browser runs several statements as a
// script and shows only their summaries), then the query itself, which the Browser draws.
const text = queryArg.startsWith('@') ? readFileSync(queryArg.substring(1), 'utf8') : queryArg;
const params = text.split('\n').filter((l) => l.startsWith(':param')).join('\n');
const query = text.split('\n').filter((l) => !l.startsWith(':param')).join('\n').trim();
const browser = await launchChromium();
const result = { connected: false, guide: false, nodes: 0, outside: 0, outsideUrls: [], blockedByPolicy: [], errors: [] };
const outside = new Set();
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const browserUser = process.env.BROWSER_USER || process.env.IPGRAPH_USER;
const browserPassword = process.env.BROWSER_USER ? (process.env.BROWSER_PASSWORD || '') : (process.env.IPGRAPH_PASSWORD || '');

/** A new signed-in tab whose every request beyond loopback is counted. */
async function signedInPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 },
    httpCredentials: browserUser ? { username: browserUser, password: browserPassword } : undefined });
  // a request the page's Content-Security-Policy stops never leaves Chromium: counted apart, as "blockedByPolicy"
  context.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && !loopback.test(u.hostname)) {
      outside.add(r);
    }
  });
  context.on('requestfailed', (r) => {
    if (outside.has(r) && /csp/i.test(r.failure()?.errorText || '')) {
      outside.delete(r);
      result.blockedByPolicy.push(r.url().substring(0, 100));
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => result.errors.push(String(e)));
  return page;
}

/** Opens the Browser, signs in on its connect form and waits for the connection. */
async function connectBrowser(page, at) {
  await page.goto(at, { waitUntil: 'domcontentloaded' });
  const connect = page.locator('[data-testid="connect"]');
  const connected = page.getByText(/You have a working connection|You are connected as user/).first();
  await Promise.race([connect.waitFor({ timeout: 60000 }), connected.waitFor({ timeout: 60000 })]);
  if (await connect.isVisible()) {
    result.prefilledUser = await page.locator('[data-testid="username"]').inputValue().catch(() => '');
    await page.locator('[data-testid="password"]').fill(browserPassword);
    await connect.click();
  }
  await connected.waitFor({ timeout: 60000 });
}

/** The guide's title and a node of the drawn query in the GraSS colour of its label. */
async function guideAndStyle(page) {
  await page.getByText(guideTitle, { exact: true }).first().waitFor({ state: 'visible', timeout: 60000 });
  const editor = page.locator('[data-testid="activeEditor"]');
  await editor.click();
  await page.keyboard.insertText("MATCH (c:Company {id: 'company:amazon'}) RETURN c");
  await page.locator('[data-testid="editor-Run"]').click();
  await page.locator('svg g.node').first().waitFor({ timeout: 60000 });
  return page.locator('svg g.node').evaluateAll((nodes) => nodes.map((n) => ({
    caption: Array.from(n.querySelectorAll('text')).map((t) => t.textContent.trim()).join(' '),
    fill: (n.querySelector('circle.b-outline') || n.querySelector('circle')).getAttribute('fill'),
  })));
}

try {
  const page = await signedInPage();
  await connectBrowser(page, url);
  result.connected = true;
  if (guideTitle) {
    // The server's post-connect commands apply the style and play the guide.
    await page.getByText(guideTitle, { exact: true }).first().waitFor({ state: 'visible', timeout: 60000 });
    result.guide = true;
    result.guideTitle = guideTitle;
    // A runnable block of the guide runs from its play icon; its result opens in a frame of its own.
    const runnable = page.locator('pre.runnable', { hasText: 'count(*) AS nodes' }).first();
    await runnable.locator('i.fa-play-circle-o').click();
    const frame = page.locator('[data-testid="frame"]', {
      has: page.locator('[data-testid="frameCommand"]', { hasText: 'count(*) AS nodes' }),
    }).first();
    await frame.getByText('"Company"', { exact: true }).first().waitFor({ timeout: 30000 });
    result.guideQueryRan = true;
  }
  const editor = page.locator('[data-testid="activeEditor"]');
  if (params) {
    await editor.click();
    await page.keyboard.insertText(params);
    await page.locator('[data-testid="editor-Run"]').click();
    await page.locator('[data-testid="multi-statement-list-icon"][title="Status: success"]')
      .nth(params.split('\n').length - 1).waitFor({ timeout: 30000 });
  }
  await editor.click();
  await page.keyboard.insertText(query);
  await page.locator('[data-testid="editor-Run"]').click();
  await page.locator('svg g.node').first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(2000);
  result.nodes = await page.locator('svg g.node').count();
  result.captions = await page.locator('svg g.node text').allTextContents();
  result.styled = await page.locator('svg g.node').evaluateAll((nodes) => nodes.map((n) => ({
    caption: Array.from(n.querySelectorAll('text')).map((t) => t.textContent.trim()).join(' '),
    fill: (n.querySelector('circle.b-outline') || n.querySelector('circle')).getAttribute('fill'),
  })));
  result.relationshipCaptions = await page.locator('svg g.relationship text').allTextContents();
  await page.screenshot({ path: screenshot, fullPage: false });
  // The saved queries as favorites: the zip the application serves, dropped on the Browser's window.
  await page.evaluate(async () => {
    const bytes = await (await fetch('/browser-guide/ipgraph-queries.zip')).arrayBuffer();
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'ipgraph-queries.zip', { type: 'application/zip' }));
    document.querySelector('.filedrop')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-testid="navigationFavorites"]').click();
  const folder = page.locator('[data-testid="savedScriptsFolder-ipgraph"]');
  await folder.waitFor({ timeout: 20000 });
  const items = folder.locator('[data-testid="savedScriptListItem"]');
  if (await items.count() === 0) {
    await folder.getByText('ipgraph', { exact: true }).first().click();
  }
  await items.first().waitFor({ timeout: 10000 });
  result.favorites = await items.allTextContents();
  await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-favorites.png', fullPage: false });
  if (process.env.ALSO_AT) {
    const again = await signedInPage();
    await connectBrowser(again, process.env.ALSO_AT);
    result.alsoAt = { url: process.env.ALSO_AT, connected: true, styled: await guideAndStyle(again) };
    await again.screenshot({ path: screenshot.replace(/\.png$/, '') + '-also-at.png', fullPage: false });
  }
} catch (e) {
  result.errors.push(String(e));
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages.length) await pages[0].screenshot({ path: screenshot });
  } catch (ignored) { /* keep the first error */ }
} finally {
  await browser.close();
}
result.outside = outside.size;
result.outsideUrls = [...outside].slice(0, 10).map((r) => r.url());
console.log(JSON.stringify(result));
process.exit(result.connected && result.nodes > 0 && (!guideTitle || result.guide) ? 0 : 1);
