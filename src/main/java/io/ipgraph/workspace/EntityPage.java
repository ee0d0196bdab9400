package io.ipgraph.workspace;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.ipgraph.analysis.Aggregations;
import io.ipgraph.analysis.Aggregations.Contradiction;
import io.ipgraph.analysis.GraphAnalysis;
import io.ipgraph.analysis.GraphAnalysis.Subgraph;
import io.ipgraph.analysis.Timeline;
import io.ipgraph.analysis.Timeline.TimelineEvent;
import io.ipgraph.clocks.LegalClocks;
import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.conflict.ConflictScorer.Reason;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.conflict.ConflictSearch.Conflict;
import io.ipgraph.model.EntityRow;
import io.ipgraph.report.Html;
import io.ipgraph.store.GraphStore;

import org.springframework.stereotype.Component;

/**
 * An entity's page: what it is called in every script, its facts with numbered sources and their quotes, the facts on
 * which sources disagree side by side, everything linked to it (each link with its sources), for a registration its
 * legal clocks and the earlier registrations that conflict with it, the timeline, and its report to download. Every
 * read goes through the store with the reader's visibility: what they may not see is not on the page.
 */
@Component
class EntityPage {

	/** Links shown per kind of relationship; the rest are counted ("N more"). */
	static final int LINKS_SHOWN = 25;

	private static final Set<String> NOT_SHOWN = Set.of("id", "__typename", "sourceIds", "quotes", "aliases", "nameKeys", "markKey", "markPinyin",
			"markPhonetic", "markDeletes", "classTokens", "version", "restrictedBy", "restrictedAt", "restrictedReason");

	private final GraphStore store;

	private final GraphAnalysis analysis;

	private final Aggregations aggregations;

	private final Timeline timeline;

	private final ConflictSearch conflicts;

	private final LegalClocks clocks;

	private final IdentitySection identity;

	EntityPage(GraphStore store, GraphAnalysis analysis, Aggregations aggregations, Timeline timeline, ConflictSearch conflicts, LegalClocks clocks,
			IdentitySection identity) {
		this.identity = identity;
		this.store = store;
		this.analysis = analysis;
		this.aggregations = aggregations;
		this.timeline = timeline;
		this.conflicts = conflicts;
		this.clocks = clocks;
	}

	/** The page's main part for the entity {@code id} (the reader may see it: the caller found it). */
	String render(String id) {
		Subgraph around = this.analysis.around(id, 1, 200);
		Map<String, Object> row = around.center();
		String kind = EntityRow.typeName(row);
		Sources sources = new Sources();
		StringBuilder html = new StringBuilder();
		html.append("<section class=\"title\"><p class=\"kind\">").append(Html.escape(kind)).append("</p><h2>").append(Html.escape(Links.name(row)))
			.append("</h2>");
		List<String> aliases = EntityRow.strings(row.get("aliases"));
		if (!aliases.isEmpty()) {
			html.append("<p class=\"aliases\">Also: ").append(String.join(" · ", aliases.stream().map(Html::escape).toList())).append("</p>");
		}
		html.append("<p class=\"ids\"><code>").append(Html.escape(id)).append("</code> · report: ");
		for (String format : List.of("html", "pdf", "md")) {
			html.append("<a class=\"report\" href=\"/api/reports/").append(Links.encode(id)).append("?format=").append(format).append("\">")
				.append(format.equals("md") ? "Markdown" : format.toUpperCase(java.util.Locale.ROOT)).append("</a> ");
		}
		html.append("· <a class=\"network\" href=\"").append(Links.entity(id)).append("/network\">Network</a></p></section>\n");

		html.append("<section><h3>Facts</h3><table class=\"facts\">");
		new TreeMap<>(row).forEach((key, value) -> {
			if (!NOT_SHOWN.contains(key) && value != null && !(value instanceof List<?> l && l.isEmpty())) {
				html.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value instanceof List<?> l ? String.join(", ",
						l.stream().map(String::valueOf).toList()) : String.valueOf(value))).append("</td></tr>");
			}
		});
		html.append("</table><p class=\"cited\">As the sources say: ").append(sources.marks(row.get("sourceIds"), row.get("quotes"))).append("</p>");
		List<Contradiction> disputes = this.aggregations.contradictions(id, null, 50);
		if (!disputes.isEmpty()) {
			html.append("<h3>Where the sources disagree</h3><table class=\"disputes\">");
			for (Contradiction d : disputes) {
				html.append("<tr><th>").append(Html.escape(d.property())).append("</th>");
				for (Map<String, Object> claim : d.claims()) {
					html.append("<td>").append(Html.escape(String.valueOf(claim.get("value")))).append(" ")
						.append(sources.marks(claim.get("sourceIds"), claim.get("quotes"))).append("</td>");
				}
				html.append("</tr>");
			}
			html.append("</table>");
		}
		html.append("</section>\n");

		links(html, id, around, sources);
		if (IdentitySection.applies(kind)) {
			html.append(this.identity.render(id));
		}
		if (kind.equals("Registration")) {
			registration(html, id, row, sources);
		}
		if (kind.equals("Company") || kind.equals("Person")) {
			html.append("<section><h3>Squatting check</h3><form class=\"inline\" action=\"/check/squatting\" method=\"get\">")
				.append("<input type=\"hidden\" name=\"firm\" value=\"").append(Html.escape(id)).append("\">")
				.append("<label>Registrations copying this firm's marks in <input name=\"jurisdiction\" size=\"4\" placeholder=\"CN\" required></label> ")
				.append("<button type=\"submit\">Check</button></form></section>\n");
		}
		timeline(html, id, sources);
		if (!sources.isEmpty()) {
			html.append("<section><h3>Sources</h3>").append(sources.list(this.store)).append("</section>\n");
		}
		if (IdentitySection.applies(kind)) {
			html.append("<script src=\"/workspace/actions.js\"></script>\n");
		}
		return html.toString();
	}

	private void links(StringBuilder html, String id, Subgraph around, Sources sources) {
		Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
		around.nodes().forEach(n -> byId.put(String.valueOf(n.get("id")), n));
		Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
		for (Map<String, Object> hop : around.relationships()) {
			boolean out = id.equals(hop.get("from"));
			String other = String.valueOf(out ? hop.get("to") : hop.get("from"));
			if (!byId.containsKey(other) || other.equals(id)) {
				continue;
			}
			groups.computeIfAbsent((out ? "" : "← ") + hop.get("type") + (out ? " →" : ""), k -> new java.util.ArrayList<>()).add(hop);
		}
		html.append("<section><h3>Linked to it</h3>");
		if (groups.isEmpty()) {
			html.append("<p>Nothing you may see.</p>");
		}
		html.append("<table class=\"links\">");
		groups.forEach((type, hops) -> {
			html.append("<tr><th>").append(Html.escape(type)).append("</th><td><ul>");
			hops.stream().limit(LINKS_SHOWN).forEach(hop -> {
				String other = String.valueOf(id.equals(hop.get("from")) ? hop.get("to") : hop.get("from"));
				html.append("<li>").append(Links.to(byId.get(other)));
				if (hop.get("properties") instanceof List<?> props && !props.isEmpty()) {
					html.append(" <small>").append(Html.escape(String.join(", ", props.stream().map(p -> {
						Map<?, ?> m = (Map<?, ?>) p;
						return m.get("key") + ": " + m.get("value");
					}).toList()))).append("</small>");
				}
				html.append(" ").append(sources.marks(hop.get("sourceIds"), hop.get("quotes"))).append("</li>");
			});
			if (hops.size() > LINKS_SHOWN) {
				html.append("<li class=\"more\">").append(hops.size() - LINKS_SHOWN).append(" more</li>");
			}
			html.append("</ul></td></tr>");
		});
		html.append("</table>");
		if (around.truncated()) {
			html.append("<p class=\"more\">More links than shown here: the report and GraphQL's <code>neighbourhood</code> have them all.</p>");
		}
		html.append("</section>\n");
	}

	private void registration(StringBuilder html, String id, Map<String, Object> row, Sources sources) {
		html.append("<section><h3>Legal clocks</h3><table class=\"clocks\"><tr><th>window</th><th>article</th><th>opens</th><th>closes</th>")
			.append("<th>late until</th><th>today</th></tr>");
		for (LegalClock c : this.clocks.of(row, LocalDate.now(ZoneOffset.UTC))) {
			html.append("<tr><td>").append(Html.escape(c.rule().name())).append("</td><td>").append(Html.escape(c.rule().law() + ", " + c.rule().article()))
				.append("</td><td>").append(c.opens() == null ? "" : Html.escape(c.opens().date())).append("</td><td>")
				.append(c.closes() == null ? "" : Html.escape(c.closes().date())).append("</td><td>")
				.append(c.lateUntil() == null ? "" : Html.escape(c.lateUntil().date())).append("</td><td>").append(Html.escape(c.state()))
				.append(c.cannotCompute() != null ? ": " + Html.escape(c.cannotCompute()) : "").append("</td></tr>");
		}
		html.append("</table></section>\n");
		List<Conflict> earlier = this.conflicts.forRegistration(id, 10);
		html.append("<section><h3>Earlier registrations that conflict with it</h3>");
		if (earlier.isEmpty()) {
			html.append("<p>None in its territory, as you may see it.</p>");
		}
		else {
			html.append(conflictTable(earlier, sources));
		}
		html.append("</section>\n");
	}

	/** Ranked conflicts with their reasons. */
	static String conflictTable(List<Conflict> conflicts, Sources sources) {
		StringBuilder html = new StringBuilder("<table class=\"conflicts\"><tr><th>registration</th><th>score</th><th>why</th></tr>");
		for (Conflict c : conflicts) {
			html.append("<tr><td>").append(Links.to(c.registration())).append(" ").append(sources.marks(c.registration().get("sourceIds"),
					c.registration().get("quotes"))).append("</td><td>").append(c.scored().score()).append("</td><td>").append(reasons(c.scored().reasons()))
				.append("</td></tr>");
		}
		return html.append("</table>").toString();
	}

	static String reasons(List<Reason> reasons) {
		StringBuilder html = new StringBuilder("<ul class=\"reasons\">");
		reasons.forEach(r -> html.append("<li><b>").append(Html.escape(r.kind())).append("</b> ").append(Html.escape(r.detail())).append("</li>"));
		return html.append("</ul>").toString();
	}

	private void timeline(StringBuilder html, String id, Sources sources) {
		List<TimelineEvent> events = this.timeline.of(id, 1, null, true);
		if (events.isEmpty()) {
			return;
		}
		html.append("<section><h3>Timeline</h3><table class=\"timeline\">");
		events.stream().limit(60).forEach(e -> html.append("<tr><td class=\"date\">").append(Html.escape(String.valueOf(e.dateAsGiven() != null
				? e.dateAsGiven() : e.date()))).append("</td><td class=\"kind\">").append(Html.escape(e.kind())).append("</td><td>")
			.append(Html.escape(e.title())).append(" ").append(sources.marks(e.sourceIds(), e.quotes())).append("</td></tr>"));
		if (events.size() > 60) {
			html.append("<tr><td></td><td></td><td class=\"more\">").append(events.size() - 60).append(" more</td></tr>");
		}
		html.append("</table></section>\n");
	}

}
