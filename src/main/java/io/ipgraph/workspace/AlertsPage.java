package io.ipgraph.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.report.Html;
import io.ipgraph.store.GraphStore;
import io.ipgraph.watch.Alerts;
import io.ipgraph.watch.Alerts.Alert;
import io.ipgraph.watch.Alerts.AlertCount;
import io.ipgraph.watch.Watch;
import io.ipgraph.watch.Watches;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts inbox: the watches the reader sees with their alerts per state, and the alerts, newest first, each with
 * what matched (a link to its page), why, the change that caused it and its sources. Alerts on what the reader may
 * not see are not there. Each alert has its triage form (confirm, dismiss with a reason, back to new), which sends
 * GraphQL's {@code triageAlert} as JSON from the page ({@code actions.js}): a request a page of another site cannot make
 * in the reader's name, and one the server checks like any other.
 */
@RestController
class AlertsPage {

	private final Watches watches;

	private final Alerts alerts;

	private final GraphStore store;

	AlertsPage(Watches watches, Alerts alerts, GraphStore store) {
		this.watches = watches;
		this.alerts = alerts;
		this.store = store;
	}

	@GetMapping(path = "/alerts", produces = MediaType.TEXT_HTML_VALUE)
	String inbox(@RequestParam(required = false) String watch, @RequestParam(required = false) String state) {
		StringBuilder html = new StringBuilder(Workspace.frame("Alerts", ""));
		html.append("<section><h2>Alerts</h2>");
		List<Watch> mine = this.watches.visible();
		if (mine.isEmpty()) {
			html.append("<p>No watch yet. Make one with GraphQL: <code>watchMark</code>, <code>watchEntity</code> or <code>watchSquatting</code> ")
				.append("(see the README's \"Watch a mark and receive alerts\").</p></section>");
			return html.append(Workspace.end()).toString();
		}
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (AlertCount c : this.alerts.counts(null)) {
			counts.computeIfAbsent(c.watchId(), k -> new TreeMap<>()).put(c.state(), c.count());
		}
		html.append("<table class=\"watches\"><tr><th>watch</th><th>kind</th><th>owner</th>");
		Alerts.STATES.forEach(s -> html.append("<th>").append(s).append("</th>"));
		html.append("</tr>");
		for (Watch w : mine) {
			html.append("<tr><td><a href=\"/alerts?watch=").append(Links.encode(w.id())).append("\">").append(Html.escape(w.name())).append("</a></td><td>")
				.append(Html.escape(w.kind())).append("</td><td>").append(Html.escape(w.owner())).append("</td>");
			for (String s : Alerts.STATES) {
				long n = counts.getOrDefault(w.id(), Map.of()).getOrDefault(s, 0L);
				html.append("<td><a href=\"/alerts?watch=").append(Links.encode(w.id())).append("&amp;state=").append(s).append("\">").append(n)
					.append("</a></td>");
			}
			html.append("</tr>");
		}
		html.append("</table>");
		List<Alert> shown;
		try {
			shown = this.alerts.list(watch, state, null, 100, 0);
		}
		catch (BadRequestException ex) {
			return html.append("<p class=\"error\">").append(Html.escape(ex.getMessage())).append("</p></section>").append(Workspace.end()).toString();
		}
		Sources sources = new Sources();
		html.append("<h3>").append(state == null ? "Newest" : Html.escape(state)).append(" alerts").append(watch == null ? "" : " of this watch")
			.append("</h3><table class=\"alerts\"><tr><th>state</th><th>what</th><th>why</th><th>caused by</th><th>triage</th></tr>");
		for (Alert a : shown) {
			html.append("<tr><td><span class=\"state\">").append(Html.escape(a.state())).append("</span><br><small>").append(Html.escape(a.kind())).append("</small></td><td><a href=\"")
				.append(Links.entity(a.subjectId())).append("\">").append(Html.escape(a.title())).append("</a> ").append(sources.marks(a.sourceIds(), a.quotes()))
				.append("<br><small><code>").append(Html.escape(a.id())).append("</code></small></td><td>").append(EntityPage.reasons(a.reasons()))
				.append("</td><td>").append(a.changeId() == null ? "the daily look at the clocks" : "<code>" + Html.escape(a.changeId()) + "</code>")
				.append("<br><small>").append(Html.escape(a.at())).append("</small></td><td>").append(triage(a)).append("</td></tr>");
		}
		html.append("</table>");
		if (shown.isEmpty()) {
			html.append("<p>None.</p>");
		}
		html.append("<p>Triage: confirm a real match, dismiss one that is not (say why: a dismissed match does not alert again until what the")
			.append(" registration says changes), or set it back to new. GraphQL's <code>triageAlert(id, state, reason)</code> does the same.</p>");
		if (!sources.isEmpty()) {
			html.append("<h3>Sources</h3>").append(sources.list(this.store));
		}
		return html.append("</section><script src=\"/workspace/actions.js\"></script>").append(Workspace.end()).toString();
	}

	private static String triage(Alert a) {
		StringBuilder form = new StringBuilder("<form class=\"triage\" data-done=\"Saved\" data-mutation=\"mutation($id: ID!, $state: AlertState!, $reason: String)")
			.append(" { triageAlert(id: $id, state: $state, reason: $reason) { id state stateBy } }\"><input type=\"hidden\" name=\"id\" value=\"")
			.append(Html.escape(a.id())).append("\"><select name=\"state\" aria-label=\"New state\">");
		for (String[] choice : new String[][] { { "CONFIRMED", "confirm" }, { "DISMISSED", "dismiss" }, { "NEW", "back to new" } }) {
			if (!choice[0].equalsIgnoreCase(a.state())) {
				form.append("<option value=\"").append(choice[0]).append("\">").append(choice[1]).append("</option>");
			}
		}
		return form.append("</select> <input name=\"reason\" size=\"16\" placeholder=\"why (to dismiss)\" aria-label=\"Why\"> ")
			.append("<button type=\"submit\">Save</button></form>").toString();
	}

}
