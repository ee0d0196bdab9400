package io.ipgraph.workspace;

import java.util.List;
import java.util.Map;

import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.model.EntityRow;
import io.ipgraph.report.Html;
import io.ipgraph.resolution.EntityResolution;
import io.ipgraph.resolution.Judgements;
import io.ipgraph.resolution.NameMatcher.Reason;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.Entities;

import org.springframework.stereotype.Component;

/**
 * A named entity's identity on its page: the records accepted merge judgements join to it, the judgements that name
 * it, and for editors the records that may be the same (with why) to merge or to judge distinct, and the members to
 * split off. Each judgement form carries the edit versions the page was read at, so a judgement is refused, and the
 * page says so, when someone changed one of the entities first. The server checks the role; the forms are shown to
 * editors only because no one else could use them.
 */
@Component
class IdentitySection {

	static final int CANDIDATES = 10;

	private static final String MERGE = "mutation($ids: [ID!]!, $versions: [Int], $reason: String!)"
			+ " { mergeEntities(ids: $ids, versions: $versions, reason: $reason) { id decision } }";

	private static final String SPLIT = "mutation($ids: [ID!]!, $versions: [Int], $reason: String!)"
			+ " { splitEntities(ids: $ids, versions: $versions, reason: $reason) { id decision } }";

	private final EntityResolution resolution;

	private final Judgements judgements;

	private final Entities entities;

	IdentitySection(EntityResolution resolution, Judgements judgements, Entities entities) {
		this.resolution = resolution;
		this.judgements = judgements;
		this.entities = entities;
	}

	static boolean applies(String kind) {
		return DerivedKeys.NAMED_LABELS.contains(kind);
	}

	String render(String id) {
		StringBuilder html = new StringBuilder("<section id=\"identity\"><h3>Identity</h3>");
		List<?> members = (List<?>) this.resolution.identity(id).get("members");
		if (members.size() > 1) {
			html.append("<p>Judged one and the same: ");
			members.forEach(m -> html.append(Links.to(row(m))).append(" "));
			html.append("</p>");
		}
		else {
			html.append("<p>No other record is judged to be this one.</p>");
		}
		List<Map<String, Object>> made = this.judgements.list(id, true, 20);
		if (!made.isEmpty()) {
			html.append("<table class=\"judgements\"><tr><th>judgement</th><th>entities</th><th>by, when</th><th>why</th></tr>");
			for (Map<String, Object> j : made) {
				html.append("<tr><td>").append(Html.escape(String.valueOf(j.get("decision")))).append(" <small>")
					.append(Html.escape(String.valueOf(j.get("status")))).append("</small></td><td>")
					// the entities named as the reader may see them: one they may not see is left out, not named by its id
					.append(String.join(", ", this.resolution.entities(EntityRow.strings(j.get("entityIds"))).stream().map(Links::to).toList()))
					.append("</td><td>").append(Html.escape(String.valueOf(j.get("by"))))
					.append(", ").append(Html.escape(String.valueOf(j.get("at")))).append("</td><td>").append(Html.escape(String.valueOf(j.get("reason"))))
					.append("</td></tr>");
			}
			html.append("</table>");
		}
		if (CurrentUser.has("EDITOR")) {
			List<Map<String, Object>> candidates = this.resolution.candidates(id, null, 0.5, CANDIDATES);
			// the edit versions the forms are made on, of this entity, its candidates and its members, in one read
			List<String> judged = new java.util.ArrayList<>(List.of(id));
			candidates.forEach(c -> judged.add(String.valueOf(row(c.get("b")).get("id"))));
			members.forEach(m -> judged.add(String.valueOf(row(m).get("id"))));
			Map<String, Long> versions = this.entities.versionsOfAny(judged);
			long version = versions.getOrDefault(id, 0L);
			html.append("<h4>May be the same</h4>");
			if (candidates.isEmpty()) {
				html.append("<p>No record scores 0.5 or more against its names.</p>");
			}
			else {
				html.append("<table class=\"candidates\"><tr><th>record</th><th>score</th><th>why</th><th>judge</th></tr>");
				for (Map<String, Object> c : candidates) {
					Map<String, Object> other = row(c.get("b"));
					String otherId = String.valueOf(other.get("id"));
					long otherVersion = versions.getOrDefault(otherId, 0L);
					html.append("<tr><td>").append(Links.to(other)).append("</td><td>").append(c.get("score")).append("</td><td><ul class=\"reasons\">");
					for (Object r : (List<?>) c.get("reasons")) {
						if (r instanceof Reason reason) {
							html.append("<li><b>").append(Html.escape(reason.kind())).append("</b> ").append(Html.escape(reason.detail())).append("</li>");
						}
					}
					html.append("</ul></td><td>").append(form("merge", MERGE, "Merge", "the same: why", id, version, otherId, otherVersion))
						.append(form("split", SPLIT, "Distinct", "not the same: why", id, version, otherId, otherVersion)).append("</td></tr>");
				}
				html.append("</table>");
			}
			for (Object m : members) {
				String memberId = String.valueOf(row(m).get("id"));
				if (!memberId.equals(id)) {
					html.append("<p>").append(Links.to(row(m))).append(" ")
						.append(form("split", SPLIT, "Split off", "why it is another", id, version, memberId, versions.getOrDefault(memberId, 0L)))
						.append("</p>");
				}
			}
			html.append("<h4>Merge with a record by its id</h4><form class=\"judge merge-id\" data-reload data-done=\"Merged\" data-mutation=\"").append(Html.escape(MERGE))
				.append("\"><input type=\"hidden\" name=\"ids\" data-list value=\"").append(Html.escape(id)).append("\"><input type=\"hidden\" name=\"versions\" data-list data-int value=\"")
				.append(version).append("\"><label>Id <input name=\"ids\" data-list required size=\"28\"></label><input type=\"hidden\" name=\"versions\" data-list data-int value=\"\">")
				.append(" <label>Why <input name=\"reason\" required size=\"28\"></label> <button type=\"submit\">Merge</button></form>");
		}
		return html.append("</section>\n").toString();
	}

	/** A judgement form on two entities at the versions read. */
	private static String form(String kind, String mutation, String button, String placeholder, String id, long version, String otherId, long otherVersion) {
		return "<form class=\"judge " + kind + "\" data-reload data-done=\"" + button + ": done\" data-mutation=\"" + Html.escape(mutation) + "\">"
				+ "<input type=\"hidden\" name=\"ids\" data-list value=\"" + Html.escape(id) + "\"><input type=\"hidden\" name=\"ids\" data-list value=\""
				+ Html.escape(otherId) + "\"><input type=\"hidden\" name=\"versions\" data-list data-int value=\"" + version + "\">"
				+ "<input type=\"hidden\" name=\"versions\" data-list data-int value=\"" + otherVersion + "\">"
				+ "<input name=\"reason\" required size=\"18\" placeholder=\"" + Html.escape(placeholder) + "\" aria-label=\"Why\"> <button type=\"submit\">"
				+ Html.escape(button) + "</button></form>";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> row(Object value) {
		return (Map<String, Object>) value;
	}

}
