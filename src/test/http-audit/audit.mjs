// GraphQL-over-HTTP conformance audit (graphql-http's auditServer) of a running ipgraph, signed in with the given
// Authorization header. Prints one JSON line: [{id, name, status, reason?}, ...].
// Usage: node audit.mjs <graphql-url> <authorization-header-value>
import { auditServer } from 'graphql-http';

const [url, authorization] = process.argv.slice(2);
if (!url || !authorization) {
  console.error('usage: node audit.mjs <graphql-url> <authorization-header-value>');
  process.exit(2);
}
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers || {});
  headers.set('authorization', authorization);
  return fetch(input, { ...init, headers });
};
const results = await auditServer({ url, fetchFn });
console.log(JSON.stringify(results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason }))));
