package io.ipgraph.report;

import java.util.List;
import java.util.stream.Collectors;

import io.ipgraph.report.Report.Footnote;
import io.ipgraph.report.Report.Row;
import io.ipgraph.report.Report.Sentence;
import io.ipgraph.report.Report.Table;

/**
 * Writes a report as one self-contained page (inline CSS and SVG, no scripts, nothing fetched). The page is
 * well-formed XHTML, so the PDF renderer reads the same text a browser shows. Footnote numbers link to the
 * list of sources at the end.
 */
public final class Html {

	private static final String STYLE = """
			@page { size: A4; margin: 16mm 14mm 18mm 14mm;
			  @bottom-center { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #666; } }
			body { font-family: 'DejaVu Sans', 'CJK', Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #222; margin: 0 auto; max-width: 1100px; padding: 0 12px; }
			h1 { font-size: 18pt; margin: 0.2em 0 0.1em; }
			h2 { font-size: 13pt; margin: 1.4em 0 0.4em; border-bottom: 1px solid #ccc; padding-bottom: 2px; page-break-after: avoid; }
			p.meta { color: #555; margin: 0 0 1em; font-size: 9pt; }
			p.intro { color: #444; margin: 0.2em 0 0.5em; font-size: 9pt; }
			table { border-collapse: collapse; width: 100%; font-size: 8pt; margin-bottom: 0.6em; }
			th, td { border: 1px solid #ccc; padding: 3px 4px; text-align: left; vertical-align: top; }
			th { background: #eef1f5; }
			thead { display: table-header-group; }
			tr { page-break-inside: avoid; }
			td.notes, th.notes { width: 9%; }
			sup.fn { font-size: 7pt; line-height: 0; }
			sup.fn a, td.notes a { color: #1a5fb4; text-decoration: none; }
			td.notes { font-size: 7pt; }
			div.network { border: 1px solid #ddd; margin: 0.4em 0; page-break-inside: avoid; }
			div.network svg { display: block; width: 100%; height: auto; }
			ol.sources { font-size: 8pt; padding-left: 2.4em; }
			.sources li { margin-bottom: 0.3em; }
			ul.sources { list-style: none; padding-left: 0; font-size: 8pt; }
			ol.sources q { font-style: italic; }
			.sources .id { color: #777; }
			p.empty { color: #777; font-style: italic; }
			""";

	private Html() {
	}

	static String render(Report report) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>");
		html.append("<title>").append(escape("Investigative report: " + report.title())).append("</title>");
		html.append("<style>").append(STYLE).append("</style></head><body>");
		html.append("<h1>").append(escape(report.title())).append("</h1>");
		html.append("<p class=\"meta\">Investigative report on ").append(escape(report.kind())).append(" <code>").append(escape(report.id()))
			.append("</code> and the network within ").append(report.hops()).append(" relationship").append(report.hops() == 1 ? "" : "s")
			.append(" of it. Made by ipgraph on ").append(escape(report.generatedOn()))
			.append(". Every fact carries a numbered footnote to its source; where sources disagree, each claim is shown.</p>");
		html.append("<h2 id=\"summary\">Summary</h2>");
		for (Sentence s : report.summary()) {
			html.append("<p>").append(escape(s.text())).append(notes(s.notes())).append("</p>");
		}
		html.append("<h2 id=\"network\">The network</h2>");
		html.append("<p class=\"intro\">").append(report.network().labels().size()).append(" entities, coloured by type; arrows point along each relationship.");
		if (report.network().leftOut() > 0) {
			html.append(" ").append(report.network().leftOut()).append(" more entities are listed in the tables but not drawn.");
		}
		html.append("</p><div class=\"network\">").append(report.network().svg()).append("</div>");
		for (Table table : report.tables()) {
			html.append("<h2 id=\"").append(escape(table.anchor())).append("\">").append(escape(table.heading())).append("</h2>");
			html.append("<p class=\"intro\">").append(escape(table.intro())).append("</p>");
			if (table.rows().isEmpty()) {
				html.append("<p class=\"empty\">").append(escape(table.empty())).append("</p>");
				continue;
			}
			html.append("<table class=\"").append(escape(table.anchor())).append("\"><thead><tr>");
			for (String column : table.columns()) {
				html.append("<th>").append(escape(column)).append("</th>");
			}
			html.append("<th class=\"notes\">Sources</th></tr></thead><tbody>");
			for (Row row : table.rows()) {
				html.append("<tr>");
				for (String cell : row.cells()) {
					html.append("<td>").append(escape(cell)).append("</td>");
				}
				html.append("<td class=\"notes\">").append(cellNotes(row.notes())).append("</td></tr>");
			}
			html.append("</tbody></table>");
		}
		html.append("<h2 id=\"sources\">Sources</h2><ol class=\"sources\">");
		for (Footnote f : report.footnotes()) {
			html.append("<li id=\"fn-").append(f.number()).append("\" value=\"").append(f.number()).append("\">");
			if (f.quote() != null && !f.quote().isBlank()) {
				html.append("<q>").append(escape(f.quote())).append("</q> \u2014 ");
			}
			html.append(escape(citation(f))).append(" <span class=\"id\">[").append(escape(f.sourceId())).append("]</span></li>");
		}
		html.append("</ol><h2 id=\"documents\">Documents cited</h2><ul class=\"sources\">");
		for (Footnote f : documents(report)) {
			html.append("<li><span class=\"id\">[").append(escape(f.sourceId())).append("]</span> ").append(escape(document(f))).append("</li>");
		}
		html.append("</ul></body></html>\n");
		return html.toString();
	}

	/** One footnote per source, in the order first cited. */
	static List<Footnote> documents(Report report) {
		java.util.Map<String, Footnote> first = new java.util.LinkedHashMap<>();
		report.footnotes().forEach(f -> first.putIfAbsent(f.sourceId(), f));
		return List.copyOf(first.values());
	}

	/** A source in short: title, publisher, date and address where known. */
	static String citation(Footnote f) {
		StringBuilder line = new StringBuilder(f.title());
		for (String part : new String[] { f.publisher(), f.date(), f.url() }) {
			if (part != null && !part.isBlank()) {
				line.append(", ").append(part);
			}
		}
		return line.append('.').toString();
	}
	/** A source in full: its citation, its kind, when it was retrieved, and what ipgraph notes about it. */
	static String document(Footnote f) {
		StringBuilder line = new StringBuilder(citation(f));
		line.setLength(line.length() - 1);
		if (f.kind() != null) {
			line.append(" (").append(f.kind()).append(f.retrievedOn() == null ? "" : ", retrieved " + f.retrievedOn()).append(")");
		}
		line.append('.');
		if (f.note() != null && !f.note().isBlank()) {
			line.append(' ').append(f.note().strip()).append(f.note().strip().endsWith(".") ? "" : ".");
		}
		return line.toString();
	}

	private static String notes(List<Integer> numbers) {
		return numbers.stream()
			.map(n -> "<sup class=\"fn\"><a href=\"#fn-" + n + "\">" + n + "</a></sup>")
			.collect(Collectors.joining("<sup class=\"fn\">, </sup>"));
	}

	/** Footnote links in a table's Sources column: plain links, so that wrapped lines keep their height. */
	private static String cellNotes(List<Integer> numbers) {
		// the comma inside the link: lines break after it, never before
		StringBuilder cell = new StringBuilder();
		for (int i = 0; i < numbers.size(); i++) {
			cell.append("<a class=\"fn\" href=\"#fn-").append(numbers.get(i)).append("\">").append(numbers.get(i))
				.append(i < numbers.size() - 1 ? ",</a> " : "</a>");
		}
		return cell.toString();
	}

	/** Text safe in XML content and attribute values. */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					// control characters are not allowed in XML
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
