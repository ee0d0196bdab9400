package io.ipgraph.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.conflict.Squatting;
import io.ipgraph.conflict.Squatting.SquattingHit;
import io.ipgraph.graphql.NodeQueries;
import io.ipgraph.home.Pages;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.report.Html;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's pages, rendered on the server, with no script: search across kinds and scripts with facets by kind
 * and jurisdiction, a page per entity ({@link EntityPage}), the conflict check of a mark and the squatting check of a
 * firm. Each page has its own address; a wrong input is said on the page, with the form to correct it.
 */
@RestController
class Workspace {

	private static final int HITS = 100;

	private final NodeQueries queries;

	private final GraphModel model;

	private final Entities entities;

	private final EntityPage entityPage;

	private final ConflictSearch conflicts;

	private final Squatting squatting;

	private final GraphStore store;

	Workspace(NodeQueries queries, GraphModel model, Entities entities, EntityPage entityPage, ConflictSearch conflicts, Squatting squatting,
			GraphStore store) {
		this.store = store;
		this.queries = queries;
		this.model = model;
		this.entities = entities;
		this.entityPage = entityPage;
		this.conflicts = conflicts;
		this.squatting = squatting;
	}

	@GetMapping(path = "/search", produces = MediaType.TEXT_HTML_VALUE)
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String jurisdiction) {
		StringBuilder html = new StringBuilder(frame("Search" + (q.isBlank() ? "" : ": " + q), q));
		html.append("<section><h2>Search</h2>");
		if (q.isBlank()) {
			html.append("<p>Names and aliases in any script, mark texts, registration and case numbers, titles: type them above.</p></section>");
			return html.append(end()).toString();
		}
		List<String> labels = null;
		if (kind != null && !kind.isBlank()) {
			labels = List.of(this.model.nodeIgnoringCase(kind).orElseThrow(() -> new BadRequestException("Unknown kind '" + kind + "'")).label());
		}
		List<Map<String, Object>> hits = this.queries.search(q, labels, HITS);
		Map<String, Integer> kinds = new TreeMap<>();
		Map<String, Integer> places = new TreeMap<>();
		List<Map<String, Object>> shown = new ArrayList<>();
		for (Map<String, Object> hit : hits) {
			Map<?, ?> node = (Map<?, ?>) hit.get("node");
			String place = place(node);
			kinds.merge(String.valueOf(hit.get("kind")), 1, Integer::sum);
			if (place != null) {
				places.merge(place, 1, Integer::sum);
			}
			if (jurisdiction == null || jurisdiction.isBlank() || jurisdiction.equals(place)) {
				shown.add(hit);
			}
		}
		html.append("<div class=\"facets\"><p><b>Kind</b> ");
		kinds.forEach((k, n) -> html.append(facet("/search?q=" + Links.encode(q) + "&kind=" + Links.encode(k), k, n, k.equalsIgnoreCase(kind))));
		html.append("</p><p><b>Jurisdiction</b> ");
		places.forEach((p, n) -> html.append(facet("/search?q=" + Links.encode(q) + (kind != null ? "&kind=" + Links.encode(kind) : "") + "&jurisdiction="
				+ Links.encode(p), p, n, p.equals(jurisdiction))));
		html.append("</p>");
		if (kind != null || jurisdiction != null) {
			html.append("<p><a href=\"/search?q=").append(Links.encode(q)).append("\">all hits</a></p>");
		}
		html.append("</div>");
		if (shown.isEmpty()) {
			html.append("<p>Nothing found for <b>").append(Html.escape(q)).append("</b> that you may see.</p>");
		}
		html.append("<ol class=\"hits\">");
		for (Map<String, Object> hit : shown) {
			Map<?, ?> node = (Map<?, ?>) hit.get("node");
			@SuppressWarnings("unchecked")
			Map<String, Object> row = (Map<String, Object>) node;
			html.append("<li>").append(Links.to(row));
			List<String> aliases = EntityRow.strings(node.get("aliases"));
			if (!aliases.isEmpty()) {
				html.append("<br><small>").append(Html.escape(String.join(" · ", aliases))).append("</small>");
			}
			if (place(node) != null) {
				html.append(" <span class=\"place\">").append(Html.escape(place(node))).append("</span>");
			}
			html.append("</li>");
		}
		return html.append("</ol></section>").append(end()).toString();
	}

	@GetMapping(path = "/entity/{id}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> entity(@PathVariable String id) {
		if (this.entities.find(id).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(Pages.problem(404, "Nothing here",
					"No entity with id '" + id + "' that you may see.", "<a href=\"/search\">Search</a> for it by name."));
		}
		String body = this.entityPage.render(id);
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(frame(id, "") + body + end());
	}

	@GetMapping(path = "/check/conflicts", produces = MediaType.TEXT_HTML_VALUE)
	String conflictCheck(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String classes,
			@RequestParam(defaultValue = "") String jurisdiction, @RequestParam(defaultValue = "") String date) {
		StringBuilder html = new StringBuilder(frame("Conflict check", ""));
		html.append("<section><h2>Conflict check</h2><form action=\"/check/conflicts\" method=\"get\" class=\"check\">")
			.append(input("Mark", "text", text, "Lumora")).append(input("Nice classes", "classes", classes, "3 5"))
			.append(input("Territory", "jurisdiction", jurisdiction, "CN")).append(input("Filed on (earlier ones conflict)", "date", date, "2026-06"))
			.append("<button type=\"submit\">Check</button></form>");
		if (!text.isBlank()) {
			try {
				if (!classes.isBlank() && !classes.strip().matches("\\d+([ ,]+\\d+)*")) {
					throw new BadRequestException("Nice classes are numbers from 1 to 45, separated by spaces or commas, e.g. 3 5; got '" + classes + "'");
				}
				List<Integer> nice = classes.isBlank() ? List.of() : Arrays.stream(classes.strip().split("[ ,]+")).map(Integer::valueOf).toList();
				Sources sources = new Sources();
				html.append(EntityPage.conflictTable(this.conflicts.search(text, nice, jurisdiction.strip().toUpperCase(java.util.Locale.ROOT),
						date.isBlank() ? null : date.strip(), List.of(), List.of(), 25), sources));
				html.append("<h3>Sources</h3>").append(sources.list(this.store));
			}
			catch (BadRequestException | NumberFormatException ex) {
				html.append("<p class=\"error\">").append(Html.escape(ex.getMessage())).append("</p>");
			}
		}
		return html.append("</section>").append(end()).toString();
	}

	@GetMapping(path = "/check/squatting", produces = MediaType.TEXT_HTML_VALUE)
	String squattingCheck(@RequestParam String firm, @RequestParam(defaultValue = "") String jurisdiction) {
		StringBuilder html = new StringBuilder(frame("Squatting check", ""));
		html.append("<section><h2>Squatting check</h2>");
		try {
			Squatting.SquattingReport report = this.squatting.find(firm, jurisdiction.strip().toUpperCase(java.util.Locale.ROOT), 2);
			html.append("<p>").append(Links.to(report.firm())).append(" in <b>").append(Html.escape(jurisdiction)).append("</b>: its first filing there ")
				.append(report.firstFiling() == null ? "is not in the graph" : Html.escape(report.firstFiling())).append("; marks looked for: ")
				.append(Html.escape(String.join(", ", report.markTexts()))).append(".</p>");
			if (report.hits().isEmpty()) {
				html.append("<p>No registration copies them there, as you may see it.</p>");
			}
			Sources sources = new Sources();
			html.append("<table class=\"conflicts\"><tr><th>registration</th><th>why</th><th>near a partner</th></tr>");
			for (SquattingHit hit : report.hits()) {
				html.append("<tr><td>").append(Links.to(hit.registration())).append(" ")
					.append(sources.marks(hit.registration().get("sourceIds"), hit.registration().get("quotes"))).append("</td><td>")
					.append(EntityPage.reasons(hit.reasons())).append("</td><td>").append(hit.flag() == null ? "no" : Html.escape(hit.flag()))
					.append("</td></tr>");
			}
			html.append("</table>");
			if (!sources.isEmpty()) {
				html.append("<h3>Sources</h3>").append(sources.list(this.store));
			}
		}
		catch (BadRequestException ex) {
			html.append("<p class=\"error\">").append(Html.escape(ex.getMessage())).append("</p>");
		}
		return html.append("</section>").append(end()).toString();
	}

	/** A wrong address (an unknown kind in a facet): the problem page, 400, saying what was wrong. */
	@org.springframework.web.bind.annotation.ExceptionHandler(BadRequestException.class)
	ResponseEntity<String> badRequest(BadRequestException ex) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(Pages.problem(400, "Not understood", ex.getMessage(),
				"<a href=\"/search\">Search</a> again."));
	}

	private static String place(Map<?, ?> node) {
		for (String key : List.of("jurisdiction", "country", "nationality")) {
			if (node.get(key) instanceof String s && !s.isBlank()) {
				return s;
			}
		}
		return null;
	}

	private static String facet(String href, String label, int count, boolean chosen) {
		return "<a class=\"facet" + (chosen ? " chosen" : "") + "\" href=\"" + Html.escape(href) + "\">" + Html.escape(label) + " <span>" + count
				+ "</span></a> ";
	}

	private static String input(String label, String name, String value, String example) {
		return "<label>" + Html.escape(label) + " <input name=\"" + name + "\" value=\"" + Html.escape(value) + "\" placeholder=\"" + Html.escape(example)
				+ "\"></label> ";
	}

	static final String STYLE = """
			<style>
			nav.work { display: flex; gap: 16px; align-items: center; } nav.work form { margin: 0; } nav.work input { width: 320px; padding: 4px 6px; }
			.kind { color: #56687a; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; } section.title h2 { margin: 2px 0; font-size: 24px; }
			.aliases { color: #3d4f60; } a.cite { font-size: 11px; vertical-align: super; text-decoration: none; margin-left: 1px; }
			ol.sources li { margin: 4px 0; } blockquote { margin: 2px 0 6px 14px; color: #3d4f60; font-style: italic; }
			table.links th, table.facts th { width: 200px; font-weight: 600; } table.links ul { margin: 0; padding-left: 16px; }
			a.facet { display: inline-block; border: 1px solid #c8d1da; border-radius: 12px; padding: 1px 9px; margin: 2px; text-decoration: none; }
			a.facet.chosen { background: #17324d; color: #fff; } a.facet span { color: #56687a; } a.facet.chosen span { color: #dde; }
			ol.hits li { margin: 6px 0; } .place { color: #56687a; } .error { color: #a1271d; font-weight: 600; } .more { color: #56687a; }
			form.check label { display: inline-block; margin: 4px 10px 4px 0; } ul.reasons { margin: 0; padding-left: 16px; }
			a:focus, button:focus, input:focus { outline: 2px solid #f0a30a; outline-offset: 1px; }
			</style>
			""";

	/** The top of every workspace page: the frame of ipgraph's pages, and a search box on every page. */
	static String frame(String title, String query) {
		return Pages.head(title + " · ipgraph") + STYLE + "<header><h1><a href=\"/\">ipgraph</a></h1><nav class=\"work\">"
				+ "<form action=\"/search\" method=\"get\" role=\"search\"><input name=\"q\" type=\"search\" aria-label=\"Search\" value=\"" + Html.escape(query)
				+ "\" placeholder=\"Search names, marks, numbers in any script\" accesskey=\"s\"> <button type=\"submit\">Search</button></form>"
				+ "<a href=\"/check/conflicts\">Conflict check</a> <a href=\"/alerts\">Alerts</a> <a href=\"/import\">Import</a></nav><p class=\"who\">" + Html.escape(CurrentUser.name()) + "</p></header>\n<main>\n";
	}

	static String end() {
		return "</main></body></html>\n";
	}

}
