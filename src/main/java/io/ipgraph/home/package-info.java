/**
 * ipgraph's own pages: the front page at {@code /} (what this instance holds and the ways in, also as JSON at
 * {@code /api/overview}) and the error pages a web browser gets.
 */
package io.ipgraph.home;
