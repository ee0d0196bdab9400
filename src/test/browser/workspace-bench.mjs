// Times ipgraph's workspace in headless Chromium as a user meets it (IPGRAPH_USER / IPGRAPH_PASSWORD, HTTP Basic), with
// every request beyond the machine aborted and counted:
//   search   typing a query into the search box and pressing Enter, to the results page loaded
//   entity   opening an entity's page by its address, to the page loaded
//   canvas   a network canvas grown by its own buttons (choose a node, add its neighbours of a kind) until `drawn` nodes
//            are on it; then, with them all drawn, a pan (an arrow key on the canvas) to the next frame drawn, and an
//            expansion (a click on an expand button) to its nodes added and drawn
// Usage: node workspace-bench.mjs <base-url> <plan-json>
//   plan: {"warmup": 5, "searches": ["..."], "entities": ["id", ...], "canvas": "id", "drawn": 500, "pans": 30, "expands": 20}
// Prints one JSON line: {"outside":0,"search":[ms...],"entity":[ms...],"pan":[ms...],"expand":[ms...],
// "expandRequest":[ms...] (of each expansion, its request's answer), "drawn":n,"drawnAtEnd":n,"errors":[]}.
import { launchChromium } from './chromium.mjs';

const [base, planJson] = process.argv.slice(2);
if (!base || !planJson) {
  console.error('usage: node workspace-bench.mjs <base-url> <plan-json>');
  process.exit(2);
}
const plan = JSON.parse(planJson);
const browser = await launchChromium();
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const out = { outside: 0, search: [], entity: [], pan: [], expand: [], expandRequest: [], drawn: 0, errors: [] };
const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
  httpCredentials: { username: process.env.IPGRAPH_USER || '', password: process.env.IPGRAPH_PASSWORD || '' } });
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.protocol === 'data:' || loopback.test(url.hostname)) return route.continue();
  out.outside++;
  return route.abort('internetdisconnected');
});
const page = await context.newPage();
page.on('pageerror', (e) => out.errors.push(String(e)));
const settled = () => page.waitForFunction(() => document.documentElement.dataset.pending === '0', null, { timeout: 30000 });

async function search(q) {
  const box = page.locator('input[name=q]').first();
  await box.fill(q);
  const t0 = performance.now();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), box.press('Enter')]);
  return performance.now() - t0;
}

async function entity(id) {
  const t0 = performance.now();
  const r = await page.goto(base + '/entity/' + encodeURIComponent(id), { waitUntil: 'load' });
  const ms = performance.now() - t0;
  if (r.status() !== 200) out.errors.push(`entity ${id}: ${r.status()}`);
  return ms;
}

// one expansion through the page's own buttons, timed in the page from the click to its nodes drawn
const expandOnce = () => page.evaluate(() => new Promise((resolve) => {
  const button = document.querySelector('#panel button.expand:not([disabled])');
  if (!button) { resolve(null); return; }
  const cy = window.ipgraphCanvas;
  if (!window.__jsonPatched) {
    window.__jsonPatched = true;
    const orig = Response.prototype.json;
    Response.prototype.json = async function () { window.__headers = performance.now(); const v = await orig.call(this); window.__parsed = performance.now(); return v; };
  }
  const t0 = performance.now();
  let added = 0;
  cy.one('add', () => { added = performance.now(); cy.one('render', () => {
    const total = performance.now() - t0;
    // of which the answer to the expansion's request (the server's part and the wire)
    const asked = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/network/expand')).pop();
    performance.clearResourceTimings();
    resolve({ total, request: asked ? asked.responseEnd - asked.startTime : null,
      phases: asked ? [asked.startTime - t0, asked.responseEnd - asked.startTime, window.__headers - asked.responseEnd, window.__parsed - window.__headers, added - window.__parsed, performance.now() - added].map(Math.round) : null });
  }); });
  button.click();
}));

try {
  await page.goto(base + '/search', { waitUntil: 'load' });
  const warm = plan.warmup || 0;
  for (let i = 0; i < plan.searches.length; i++) {
    const ms = await search(plan.searches[i]);
    if (i >= warm) out.search.push(ms);
  }
  for (let i = 0; i < plan.entities.length; i++) {
    const ms = await entity(plan.entities[i]);
    if (i >= warm) out.entity.push(ms);
  }
  if (plan.canvas) {
    await page.goto(base + '/entity/' + encodeURIComponent(plan.canvas) + '/network', { waitUntil: 'load' });
    await settled();
    const count = () => page.evaluate(() => window.ipgraphCanvas.nodes('[kind]').length);
    let next = 0;
    let tries = 0;
    while (await count() < plan.drawn && tries++ < 2000) {
      const buttons = page.locator('#drawn button');
      const n = await buttons.count();
      await buttons.nth(next % n).click();
      await settled();
      if (await expandOnce() === null) { next++; continue; }
      await settled();
    }
    out.drawn = await count();
    // with them all drawn: pans, then expansions of the nodes that still have neighbours to add
    await page.locator('#canvas').focus();
    for (let i = 0; i < plan.pans; i++) {
      out.pan.push(await page.evaluate((key) => new Promise((resolve) => {
        const cy = window.ipgraphCanvas;
        const t0 = performance.now();
        cy.one('render', () => resolve(performance.now() - t0));
        document.getElementById('canvas').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }), i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    }
    while (out.expand.length < plan.expands && tries++ < 4000) {
      const buttons = page.locator('#drawn button');
      const n = await buttons.count();
      await buttons.nth(next % n).click();
      await settled();
      const ms = await expandOnce();
      await settled();
      if (ms === null) { next++; continue; }
      out.expand.push(ms.total);
      out.expandRequest.push(ms.request);
      (out.phases = out.phases || []).push(ms.phases);
    }
    out.drawnAtEnd = await count();
  }
} catch (e) {
  out.errors.push(String(e).substring(0, 400));
}
await browser.close();
console.log(JSON.stringify(out));
