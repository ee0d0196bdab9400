package io.ipgraph.report;

import java.util.List;
import java.util.stream.Collectors;

import io.ipgraph.report.Report.Footnote;
import io.ipgraph.report.Report.Row;
import io.ipgraph.report.Report.Sentence;
import io.ipgraph.report.Report.Table;

/**
 * Writes a report as GitHub-flavoured Markdown: tables, and footnotes ({@code [^3]}) defined at the end. The
 * picture is an image whose address the caller gives: a file written beside the report, or a data URI.
 */
public final class Markdown {

	private Markdown() {
	}

	public static String render(Report report, String pictureAddress) {
		StringBuilder md = new StringBuilder();
		md.append("# ").append(inline(report.title())).append("\n\n");
		md.append("Investigative report on ").append(report.kind()).append(" `").append(report.id()).append("` and the network within ")
			.append(report.hops()).append(" relationship").append(report.hops() == 1 ? "" : "s").append(" of it. Made by ipgraph on ")
			.append(report.generatedOn()).append(". Every fact carries a numbered footnote to its source.\n\n");
		md.append("## Summary\n\n");
		for (Sentence s : report.summary()) {
			md.append(inline(s.text())).append(notes(s.notes())).append("\n\n");
		}
		md.append("## The network\n\n");
		md.append("![Network of the entities in this report](").append(pictureAddress).append(")\n\n");
		if (report.network().leftOut() > 0) {
			md.append(report.network().leftOut()).append(" more entities are listed in the tables but not drawn.\n\n");
		}
		for (Table table : report.tables()) {
			md.append("## ").append(inline(table.heading())).append("\n\n").append(inline(table.intro())).append("\n\n");
			if (table.rows().isEmpty()) {
				md.append("_").append(inline(table.empty())).append("_\n\n");
				continue;
			}
			md.append("| ").append(table.columns().stream().map(Markdown::cell).collect(Collectors.joining(" | "))).append(" | Sources |\n");
			md.append("|").append("---|".repeat(table.columns().size() + 1)).append('\n');
			for (Row row : table.rows()) {
				md.append("| ").append(row.cells().stream().map(Markdown::cell).collect(Collectors.joining(" | "))).append(" | ")
					.append(notes(row.notes())).append(" |\n");
			}
			md.append('\n');
		}
		md.append("## Sources\n\n");
		for (Footnote f : report.footnotes()) {
			md.append("[^").append(f.number()).append("]: ");
			if (f.quote() != null && !f.quote().isBlank()) {
				md.append("\u201C").append(inline(f.quote())).append("\u201D \u2014 ");
			}
			md.append(inline(Html.citation(f))).append(" `").append(f.sourceId()).append("`\n");
		}
		md.append("\n## Documents cited\n\n");
		for (Footnote f : Html.documents(report)) {
			md.append("- `").append(f.sourceId()).append("` ").append(inline(Html.document(f))).append('\n');
		}
		return md.toString();
	}

	private static String notes(List<Integer> numbers) {
		return numbers.stream().map(n -> "[^" + n + "]").collect(Collectors.joining());
	}

	private static String cell(String text) {
		return inline(text).replace("|", "\\|");
	}

	/** Text on one line, with the characters that Markdown would read as markup escaped. */
	private static String inline(String text) {
		return text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
	}

}
