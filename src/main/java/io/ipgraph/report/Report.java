package io.ipgraph.report;

import java.util.List;

/**
 * An investigative report, independent of its format: the summary, the tables and the picture of the network,
 * every fact carrying the numbers of its footnotes, and the footnotes themselves (one per source and quote).
 *
 * @param id the entity the report is about
 * @param title the report's title (the entity's name)
 * @param kind the entity's type (Lawsuit, Company, Mark ...)
 * @param hops how far from the entity the report looks
 * @param summary the narrative, sentence by sentence
 * @param network the picture of the network
 * @param tables parties, links, timeline, registrations, legal clocks, lawsuits, seizures, conflicts, contradictions
 * @param footnotes the sources, numbered as cited
 * @param generatedOn the date the report was made (ISO)
 */
public record Report(String id, String title, String kind, int hops, List<Sentence> summary, Network network, List<Table> tables,
		List<Footnote> footnotes, String generatedOn) {

	/** A sentence of the summary and the footnotes of the facts it states. */
	public record Sentence(String text, List<Integer> notes) {
	}

	/** A table: a heading, what it shows, its columns and its rows; {@code empty} is said when it has no rows. */
	public record Table(String anchor, String heading, String intro, List<String> columns, List<Row> rows, String empty) {

		/** The same table without the columns that are empty in every row. */
		Table withoutEmptyColumns() {
			List<Integer> kept = java.util.stream.IntStream.range(0, this.columns.size())
				.filter(c -> this.rows.stream().anyMatch(r -> !r.cells().get(c).isBlank()))
				.boxed()
				.toList();
			if (this.rows.isEmpty() || kept.size() == this.columns.size()) {
				return this;
			}
			return new Table(this.anchor, this.heading, this.intro, kept.stream().map(this.columns::get).toList(),
					this.rows.stream().map(r -> new Row(kept.stream().map(r.cells()::get).toList(), r.notes())).toList(), this.empty);
		}

	}

	/** A row of a table and the footnotes of its facts. */
	public record Row(List<String> cells, List<Integer> notes) {
	}

	/**
	 * The picture of the network as SVG, the entities drawn in it, and whether some were left out.
	 *
	 * @param svg the picture (an {@code <svg>} element)
	 * @param labels the names of the entities drawn, in drawing order
	 * @param leftOut how many entities of the subgraph the picture leaves out
	 */
	public record Network(String svg, List<String> labels, int leftOut) {
	}

	/** A footnote: where a fact comes from (the source) and the words that state it there (the quote). */
	public record Footnote(int number, String sourceId, String title, String publisher, String date, String url, String retrievedOn,
			String kind, String note, String quote) {
	}

}
