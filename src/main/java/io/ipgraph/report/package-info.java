/** Investigative reports: a case, company, mark or network as HTML, PDF or Markdown, with a footnote for every fact. */
package io.ipgraph.report;
