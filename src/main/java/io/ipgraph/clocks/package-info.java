/** The legal clocks of registrations: windows and deadlines per office, from a table of rules with their articles. */
package io.ipgraph.clocks;
