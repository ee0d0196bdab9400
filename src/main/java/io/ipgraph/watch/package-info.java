/** Watches: saved questions evaluated on every change through the change journal, their alerts, triage and webhooks. */
package io.ipgraph.watch;
