package io.ipgraph.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.ipgraph.report.Html;

/** Addresses and names of the workspace's pages: every entity has a page of its own, to bookmark and send. */
final class Links {

	private Links() {
	}

	static String entity(String id) {
		return "/entity/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
	}

	static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

	/** What an entity is called: its name, text, title, case or registration number, else its id. */
	static String name(Map<String, ?> row) {
		if (row.get("markText") instanceof String text && row.get("number") instanceof String number) {
			// a registration: its mark and its office's number
			return text + " · " + (row.get("office") != null ? row.get("office") + " " : "") + number;
		}
		for (String key : List.of("name", "text", "markText", "title", "caseNumber", "number")) {
			if (row.get(key) instanceof String s && !s.isBlank()) {
				return key.equals("number") && row.get("office") != null ? row.get("office") + " " + s : s;
			}
		}
		return String.valueOf(row.get("id"));
	}

	/** A link to an entity's page, with its kind. */
	static String to(Map<String, ?> row) {
		return "<a href=\"" + entity(String.valueOf(row.get("id"))) + "\">" + Html.escape(name(row)) + "</a> <span class=\"kind\">"
				+ Html.escape(row.get("__typename") == null ? "" : String.valueOf(row.get("__typename"))) + "</span>";
	}

}
