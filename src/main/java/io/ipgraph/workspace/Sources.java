package io.ipgraph.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.model.EntityRow;
import io.ipgraph.report.Html;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;

/**
 * The numbered sources of one page: each citation (a source and its words) gets a number the first time it is cited,
 * shown as {@code [n]} beside the fact, and the list at the end gives each number its source's title, publisher,
 * address and the quote.
 */
final class Sources {

	/** One cited source with the words it is cited for. */
	private record Cited(String sourceId, String quote) {
	}

	private final Map<Cited, Integer> numbers = new LinkedHashMap<>();

	/** The {@code [n]} marks of a fact's citations (its parallel {@code sourceIds} and {@code quotes}). */
	String marks(Object sourceIds, Object quotes) {
		List<String> ids = EntityRow.strings(sourceIds);
		List<String> words = EntityRow.strings(quotes);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < ids.size(); i++) {
			Cited c = new Cited(ids.get(i), i < words.size() ? words.get(i) : null);
			int n = this.numbers.computeIfAbsent(c, k -> this.numbers.size() + 1);
			out.append("<a class=\"cite\" href=\"#source-").append(n).append("\">[").append(n).append("]</a>");
		}
		return out.toString();
	}

	boolean isEmpty() {
		return this.numbers.isEmpty();
	}

	/** The numbered list, each source as the reader may see it (a source they may not see is named by its id only). */
	String list(GraphStore store) {
		List<String> ids = new ArrayList<>(this.numbers.keySet().stream().map(Cited::sourceId).distinct().toList());
		Map<String, Map<String, Object>> found = new LinkedHashMap<>();
		for (Record r : store.read("MATCH (s:Source) WHERE s.id IN $ids AND " + GraphStore.shown("s") + " RETURN s {.*} AS s", Map.of("ids", ids))) {
			Map<String, Object> s = r.get("s").asMap();
			found.put((String) s.get("id"), s);
		}
		StringBuilder html = new StringBuilder("<ol class=\"sources\">");
		this.numbers.forEach((c, n) -> {
			Map<String, Object> s = found.get(c.sourceId());
			html.append("<li id=\"source-").append(n).append("\">");
			if (s == null) {
				html.append("<code>").append(Html.escape(c.sourceId())).append("</code>");
			}
			else {
				html.append("<a href=\"").append(Links.entity(c.sourceId())).append("\">").append(Html.escape(String.valueOf(s.getOrDefault("title", c.sourceId()))))
					.append("</a>");
				for (String key : List.of("publisher", "publishedOn", "kind")) {
					if (s.get(key) != null) {
						html.append(" · ").append(Html.escape(String.valueOf(s.get(key))));
					}
				}
				if (s.get("url") instanceof String url && url.startsWith("http")) {
					html.append(" · <span class=\"url\">").append(Html.escape(url)).append("</span>");
				}
			}
			if (c.quote() != null && !c.quote().isBlank()) {
				html.append("<blockquote>").append(Html.escape(c.quote())).append("</blockquote>");
			}
			html.append("</li>");
		});
		return html.append("</ol>").toString();
	}

}
