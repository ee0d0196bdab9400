package io.ipgraph.workspace;

import io.ipgraph.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import by upload: a file in one of the import formats (ipgraph's JSON Lines, FollowTheMoney JSON Lines, registry XML)
 * sent to {@code POST /api/import} from the page ({@code import.js}), with its progress as it is read (the server
 * imports while the file arrives, a batch at a time), then the import's summary: lines, what was created, updated or
 * left unchanged per kind, and every refused line with the reason. A dry run checks a file without writing it. The
 * API needs the EDITOR role; others are told so instead of the form.
 */
@RestController
class ImportPage {

	@GetMapping(path = "/import", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		StringBuilder html = new StringBuilder(Workspace.frame("Import", "")).append(STYLE);
		html.append("<section><h2>Import</h2>");
		if (!CurrentUser.has("EDITOR")) {
			html.append("<p>Importing needs the EDITOR role; ask an editor or an admin of this instance. The command line and ")
				.append("<code>POST /api/import</code> take the same files.</p></section>");
			return html.append(Workspace.end()).toString();
		}
		html.append("<form id=\"upload\"><p><label>File <input type=\"file\" name=\"file\" required accept=\".jsonl,.ndjson,.json,.xml,.gz\"></label></p>")
			.append("<p><label>Format <select name=\"format\"><option value=\"ipgraph\">ipgraph JSON Lines</option>")
			.append("<option value=\"ftm\">FollowTheMoney JSON Lines</option><option value=\"registry\">registry XML (ST.96 / TMview)</option></select></label> ")
			.append("<label><input type=\"checkbox\" name=\"dryRun\"> dry run (check it, write nothing)</label></p>")
			.append("<p><button type=\"submit\">Upload and import</button></p></form>")
			.append("<div id=\"progress\" hidden><progress max=\"100\" value=\"0\"></progress> <span class=\"said\" role=\"status\"></span></div>")
			.append("<div id=\"summary\" aria-live=\"polite\"></div>")
			.append("<p class=\"more\">The formats are described in the documentation, under Importing data; every fact needs its source. ")
			.append("A file with refused lines keeps the lines that were valid; the refused ones are listed with their line numbers.</p>")
			.append("</section><script src=\"/workspace/import.js\"></script>");
		return html.append(Workspace.end()).toString();
	}

	private static final String STYLE = """
			<style>
			#progress progress { width: 420px; height: 14px; vertical-align: middle; } table.kinds td, table.kinds th { padding: 2px 10px; text-align: right; }
			table.kinds th:first-child, table.kinds td:first-child { text-align: left; } ol.refused li { margin: 3px 0; }
			</style>
			""";

}
