package io.ipgraph.home;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ipgraph.report.Html;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first thing a person opens: {@code /} in a web browser shows what this instance holds (entities per kind,
 * sources, the last imports and edits) and the ways in (GraphiQL with the example documents, Neo4j Browser where the
 * role allows, reports, import). {@code /api/overview} gives the same as JSON for a program. One page, no scripts,
 * nothing fetched from anywhere.
 */
@RestController
class FrontPage {

	private final Overview overview;

	private final boolean graphiql;

	FrontPage(Overview overview, @Value("${spring.graphql.graphiql.enabled:false}") boolean graphiql) {
		this.overview = overview;
		this.graphiql = graphiql;
	}

	@GetMapping(path = "/api/overview", produces = MediaType.APPLICATION_JSON_VALUE)
	Overview.Holdings overview() {
		return this.overview.holdings();
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		Overview.Holdings holdings = this.overview.holdings();
		boolean editor = holdings.roles().contains("EDITOR") || holdings.roles().contains("ADMIN");
		StringBuilder html = new StringBuilder(Pages.head("ipgraph"));
		html.append("<header><h1>ipgraph</h1><p class=\"who\">Signed in as <b>").append(Html.escape(holdings.user()))
			.append("</b> (").append(Html.escape(String.join(", ", holdings.roles()))).append(")</p></header>\n<main>\n");

		html.append("<section class=\"find\"><h2>Find</h2><form action=\"/search\" method=\"get\" role=\"search\"><input name=\"q\" type=\"search\" ")
			.append("aria-label=\"Search\" size=\"48\" placeholder=\"A name, mark, registration or case number, in any script\" autofocus> ")
			.append("<button type=\"submit\">Search</button></form><p>Each entity has a page with its facts and their sources, its links, ")
			.append("its network, its timeline and its report; or run a <a href=\"/check/conflicts\">conflict check</a> of a mark, or read the ")
			.append("<a href=\"/alerts\">alerts</a> of your watches.</p></section>\n");
		html.append("<section><h2>Ways in</h2><ul class=\"ways\">");
		if (this.graphiql) {
			html.append("<li><a href=\"/graphiql\">GraphiQL</a>: write and run GraphQL queries; it opens with a tab per example question.</li>");
		}
		html.append(editor
				? "<li><a href=\"/browser/\">Neo4j Browser</a>: draw the graph, with ipgraph's guide, style and saved queries (sign in with your ipgraph user; "
						+ (holdings.roles().contains("ADMIN") ? "read and write" : "read only") + ").</li>"
				: "<li>Neo4j Browser: for editors and administrators (it shows the database as stored); ask one for the role.</li>");
		html.append("<li>Investigative reports, each fact with its source: ");
		html.append(holdings.cases().stream()
			.map(c -> "<a href=\"/api/reports/" + URLEncoder.encode(String.valueOf(c.get("id")), StandardCharsets.UTF_8) + "?format=html\">"
					+ text(c.get("title")) + "</a>")
			.collect(Collectors.joining("; ")));
		html.append(" (any entity: <code>/api/reports/{id}?format=html|pdf|md</code>)</li>");
		html.append(editor
				? "<li><a href=\"/import\">Import</a> a file (JSON Lines, FollowTheMoney, registry XML) from the page, or with <code>curl -u " + Html.escape(holdings.user())
						+ " -H 'content-type: application/x-ndjson' --data-binary @extract.jsonl " + "http://&lt;this host&gt;/api/import</code></li>"
				: "<li>Import: for editors.</li>");
		html.append("<li>For programs: <code>POST /graphql</code>, <code>GET /api/overview</code> (this page as JSON), <code>GET /graphql/schema</code>.</li>");
		html.append("</ul></section>\n");
		html.append("<section><h2>What this instance holds</h2>\n<table class=\"counts\">");
		long total = 0;
		for (Map.Entry<String, Long> kind : holdings.entities().entrySet()) {
			html.append("<tr><th>").append(Html.escape(kind.getKey())).append("</th><td>").append(kind.getValue()).append("</td></tr>");
			total += kind.getValue();
		}
		html.append("<tr class=\"total\"><th>all</th><td>").append(total).append("</td></tr></table>\n");
		html.append("<h3>Sources by kind</h3><p>").append(holdings.sourcesByKind().entrySet().stream()
			.map(e -> Html.escape(e.getKey()) + ": " + e.getValue())
			.collect(Collectors.joining(" · "))).append("</p>\n");
		html.append("<h3>Newest sources</h3><ul class=\"sources\">");
		for (Map<String, Object> source : holdings.latestSources()) {
			html.append("<li><b>").append(text(source.get("title"))).append("</b>");
			if (source.get("publisher") != null) {
				html.append(" · ").append(text(source.get("publisher")));
			}
			Object date = source.get("retrievedOn") != null ? source.get("retrievedOn") : source.get("publishedOn");
			if (date != null) {
				html.append(" · ").append(text(date));
			}
			html.append(" <code>").append(text(source.get("id"))).append("</code></li>");
		}
		html.append("</ul></section>\n");

		html.append("<section><h2>Last imports and edits</h2>");
		if (holdings.latestChanges().isEmpty()) {
			html.append("<p>None yet: the graph holds the seed and what the files imported with the command line brought.</p>");
		}
		else {
			html.append("<table class=\"changes\"><tr><th>when</th><th>who</th><th>what</th><th>entity</th><th>reason</th></tr>");
			for (Map<String, Object> change : holdings.latestChanges()) {
				html.append("<tr><td>").append(text(change.get("at"))).append("</td><td>").append(text(change.get("by")))
					.append("</td><td>").append(text(change.get("action"))).append("</td><td>")
					.append(change.get("entityId") != null ? "<code>" + text(change.get("entityId")) + "</code>" : describeImport(change))
					.append("</td><td>").append(text(change.get("reason"))).append("</td></tr>");
			}
			html.append("</table>");
		}
		html.append("</section>\n");

		html.append("</main></body></html>\n");
		return html.toString();
	}

	private static String describeImport(Map<String, Object> change) {
		Object details = change.get("details");
		return details == null ? "" : "<small>" + text(details) + "</small>";
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return Html.escape(list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		return value == null ? "" : Html.escape(String.valueOf(value));
	}

}
