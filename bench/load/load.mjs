// One phase of ipgraph's loopback load test: 20 analysts (closed loop, autocannon) for a fixed time, optionally with
// abusive clients and an import running at the same time. Prints one JSON line with the figures.
// Usage: node load.mjs <base-url> <phase normal|mixed> <seconds> <analyst user:pass> <editor user:pass> <import.jsonl> <queries.json>
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const [base, phase, seconds, analyst, editor, importFile, queriesFile] = process.argv.slice(2);
if (!queriesFile) {
  console.error('usage: node load.mjs <base-url> <normal|mixed> <seconds> <analyst user:pass> <editor user:pass> <import.jsonl> <queries.json>');
  process.exit(2);
}
const basic = (credentials) => 'Basic ' + Buffer.from(credentials).toString('base64');
const { normal, abusive } = JSON.parse(readFileSync(queriesFile, 'utf8'));
const duration = Number(seconds);

function requestsOf(documents, tally) {
  return documents.map((d) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: basic(analyst) },
    body: typeof d === 'string' ? JSON.stringify({ query: d }) : JSON.stringify(d),
    onResponse: (status, body) => {
      if (status !== 200) tally.non200++;
      else if (body.includes('"errors"')) tally.graphqlErrors++;
      else tally.answered++;
    },
  }));
}

function run(name, connections, documents, tally) {
  return autocannon({ url: base, connections, duration, requests: requestsOf(documents, tally), timeout: 30 });
}

async function importLoop(stats) {
  const body = readFileSync(importFile);
  const until = Date.now() + duration * 1000;
  while (Date.now() < until) {
    const started = Date.now();
    const response = await fetch(base + '/api/import?name=load-test.jsonl', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: basic(editor) },
      body,
    });
    const summary = await response.json().catch(() => ({}));
    if (response.status === 200) stats.imports++;
    else stats.failed++;
    stats.lines += summary.lines || 0;
    stats.millis.push(Date.now() - started);
  }
}

const normalTally = { answered: 0, graphqlErrors: 0, non200: 0 };
const abusiveTally = { answered: 0, graphqlErrors: 0, non200: 0 };
const importStats = { imports: 0, failed: 0, lines: 0, millis: [] };
const runs = [run('normal', 20, normal, normalTally)];
if (phase === 'mixed') {
  runs.push(run('abusive', 4, abusive, abusiveTally));
  runs.push(importLoop(importStats));
}
const [normalResult, abusiveResult] = await Promise.all(runs);
const figures = (r, tally) => r && ({
  requests: r.requests.total,
  throughput_rps: r.requests.average,
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  max_ms: r.latency.max,
  transport_errors: r.errors + r.timeouts,
  ...tally,
});
console.log(JSON.stringify({
  phase,
  seconds: duration,
  normal: figures(normalResult, normalTally),
  abusive: phase === 'mixed' ? figures(abusiveResult, abusiveTally) : null,
  import: phase === 'mixed' ? importStats : null,
}));
