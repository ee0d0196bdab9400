// Walks ipgraph's workspace in headless Chromium as a signed-in user (IPGRAPH_USER / IPGRAPH_PASSWORD, HTTP Basic), as
// a person would: typing, pressing Enter, clicking links and buttons, on a machine cut off from everything but loopback
// (every request to another host is aborted and counted). The walk is a list of steps given as JSON:
//   {"go": "/path"}                      open an address
//   {"search": "words"}                  type into the search box of the page and press Enter
//   {"click": "css selector"}            click the first element that matches (and wait for the next page)
//   {"fill": "css selector", "value": "text", "submit": true}   type into a field, then press Enter
//   {"pdf": "css selector"}              download the link's target and check it is a PDF
//   {"tap": "css selector", "wait": "css selector"}   click something that changes the page in place (a button of
//                                        the network canvas, a form sent by script), then wait until the second matches
//   {"select": "css selector", "value": "option value"}   choose an option of a select element
//   {"upload": "css selector", "file": "/path"}          choose a file in a file input
//   {"graphql": "query or mutation"}     send GraphQL as the same user from outside the page (someone in another tab)
// After every step it records the address, the status, the page's h2 and the text of its main part, and takes a
// screenshot. Prints one JSON line: {"outside":0,"steps":[{...}],"errors":[]}.
// Usage: node workspace-walk.mjs <base-url> <steps-json> <screenshot-prefix>
import { launchChromium } from './chromium.mjs';

const [base, stepsJson, screenshots] = process.argv.slice(2);
if (!base || !stepsJson || !screenshots) {
  console.error('usage: node workspace-walk.mjs <base-url> <steps-json> <screenshot-prefix>');
  process.exit(2);
}
const steps = JSON.parse(stepsJson);
const browser = await launchChromium();
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const result = { outside: 0, steps: [], errors: [] };
const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
  httpCredentials: { username: process.env.IPGRAPH_USER || '', password: process.env.IPGRAPH_PASSWORD || '' } });
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.protocol === 'data:' || loopback.test(url.hostname)) return route.continue();
  result.outside++;
  return route.abort('internetdisconnected');
});
const page = await context.newPage();
page.on('pageerror', (e) => result.errors.push(String(e)));
// a page's own address may answer an error (the walk checks its status); anything else it loads must not
page.on('response', (r) => { if (r.request().resourceType() !== 'document' && r.status() >= 400) result.errors.push(`${r.status()} ${r.url()}`); });
page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) result.errors.push(m.text().substring(0, 200)); });
let n = 0;
try {
  for (const step of steps) {
    n++;
    const record = { step };
    let response = null;
    if (step.go) {
      response = await page.goto(base + step.go, { waitUntil: 'load' });
    } else if (step.search !== undefined) {
      const box = page.locator('input[name=q]').first();
      await box.fill(step.search);
      [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), box.press('Enter')]);
    } else if (step.click) {
      const target = page.locator(step.click).first();
      await target.waitFor({ timeout: 10000 });
      [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
    } else if (step.fill) {
      const field = page.locator(step.fill).first();
      await field.fill(step.value);
      if (step.submit) {
        [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), field.press('Enter')]);
      }
    } else if (step.tap) {
      const target = page.locator(step.tap).first();
      await target.waitFor({ timeout: 10000 });
      await target.click();
      if (step.wait) await page.locator(step.wait).first().waitFor({ timeout: 10000 });
    } else if (step.select) {
      await page.locator(step.select).first().selectOption(step.value);
    } else if (step.upload) {
      await page.locator(step.upload).first().setInputFiles(step.file);
    } else if (step.graphql) {
      const answer = await page.request.post(base + '/graphql', { data: { query: step.graphql } });
      record.graphql = { status: answer.status(), body: (await answer.text()).substring(0, 2000) };
    } else if (step.pdf) {
      const href = await page.locator(step.pdf).first().getAttribute('href');
      const pdf = await page.request.get(base + href);
      const body = await pdf.body();
      record.pdf = { status: pdf.status(), type: pdf.headers()['content-type'], magic: body.subarray(0, 5).toString('latin1'), bytes: body.length };
    }
    // a network page settles when its requests are answered (the page counts them on its root element)
    await page.waitForFunction(() => !window.ipgraphCanvas || document.documentElement.dataset.pending === '0', null, { timeout: 10000 }).catch(() => {});
    record.url = page.url().substring(base.length);
    // on a network page: what the canvas draws (nodes by kind, links)
    record.canvas = await page.evaluate(() => {
      const cy = window.ipgraphCanvas;
      if (!cy) return null;
      const kinds = {};
      const nodes = cy.nodes('[kind]');
      const colours = {};
      nodes.forEach((n) => {
        kinds[n.data('kind')] = (kinds[n.data('kind')] || 0) + 1;
        colours[n.data('kind')] = n.style('background-color');
      });
      return { nodes: nodes.length, edges: cy.edges().length, kinds, colours, ids: nodes.map((n) => n.id()) };
    }).catch(() => null);
    record.status = response ? response.status() : null;
    record.heading = (await page.locator('h2').first().textContent().catch(() => '')) || '';
    record.text = ((await page.locator('main').first().innerText().catch(() => '')) || '').replace(/\s+/g, ' ').substring(0, 6000);
    await page.screenshot({ path: `${screenshots}-${String(n).padStart(2, '0')}.png`, fullPage: false });
    result.steps.push(record);
  }
} catch (e) {
  result.errors.push(`step ${n}: ${String(e).substring(0, 300)}`);
}
await browser.close();
console.log(JSON.stringify(result));
