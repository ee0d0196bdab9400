package io.ipgraph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.model.Cited;
import io.ipgraph.model.EntityRow;

/**
 * Numbers citations in the order a report first cites them. A citation is a source and the words of that
 * source (the quote); the same source with the same words keeps its number.
 */
final class Footnotes {

	/** A cited source and the words of it that state the fact. */
	record Citation(String sourceId, String quote) {
	}

	private final Map<Citation, Integer> numbers = new LinkedHashMap<>();

	/** The footnote numbers of the facts of these nodes or relationships (each with sourceIds and quotes). */
	@SafeVarargs
	final List<Integer> cite(Map<String, ?>... facts) {
		Set<Integer> cited = new LinkedHashSet<>();
		for (Map<String, ?> fact : facts) {
			if (fact == null) {
				continue;
			}
			number(EntityRow.strings(fact.get("sourceIds")), EntityRow.strings(fact.get("quotes")), cited);
		}
		return List.copyOf(cited);
	}

	/** The footnote numbers of one fact that names its sources. */
	List<Integer> cite(Cited fact) {
		Set<Integer> cited = new LinkedHashSet<>();
		number(fact.sourceIds(), fact.quotes(), cited);
		return List.copyOf(cited);
	}

	private void number(List<String> ids, List<String> quotes, Set<Integer> cited) {
		for (int i = 0; i < ids.size(); i++) {
			Citation citation = new Citation(ids.get(i), i < quotes.size() ? quotes.get(i) : "");
			cited.add(this.numbers.computeIfAbsent(citation, c -> this.numbers.size() + 1));
		}
	}

	/** The footnote numbers of several lists of facts. */
	List<Integer> citeAll(List<? extends Map<String, ?>> facts) {
		Set<Integer> cited = new LinkedHashSet<>();
		facts.forEach(f -> cited.addAll(cite(f)));
		return List.copyOf(cited);
	}

	/** Every citation, in footnote order. */
	List<Citation> citations() {
		return new ArrayList<>(this.numbers.keySet());
	}

}
