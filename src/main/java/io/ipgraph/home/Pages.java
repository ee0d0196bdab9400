package io.ipgraph.home;

import io.ipgraph.report.Html;

/** The frame of ipgraph's own pages: one inline style, system fonts, no scripts, nothing loaded from elsewhere. */
public final class Pages {

	private Pages() {
	}

	private static final String STYLE = """
			body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0; color: #1f2933; background: #f7f8fa; }
			header { background: #17324d; color: #fff; padding: 14px 28px; display: flex; align-items: baseline; gap: 24px; }
			header h1 { margin: 0; font-size: 22px; } header a { color: #fff; } .who { margin: 0; opacity: .85; }
			main { padding: 8px 28px 40px; max-width: 1100px; }
			section { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 6px 20px 14px; margin: 18px 0; }
			h2 { font-size: 18px; } h3 { font-size: 15px; margin-bottom: 4px; }
			table { border-collapse: collapse; } th, td { text-align: left; padding: 3px 14px 3px 0; vertical-align: top; }
			table.counts td { text-align: right; font-variant-numeric: tabular-nums; } tr.total th, tr.total td { border-top: 1px solid #aab; }
			table.changes th { border-bottom: 1px solid #aab; } code { background: #eef1f4; padding: 0 3px; border-radius: 3px; }
			ul.ways li { margin: 6px 0; } .status { font-size: 48px; margin: 0; color: #17324d; }
			""";

	/** The start of a page, up to and including the opening body tag. */
	public static String head(String title) {
		return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<link rel=\"icon\" href=\"data:,\"><title>" + Html.escape(title) + "</title><style>" + STYLE + "</style></head><body>\n";
	}

	/** A whole page saying what went wrong and what to do, for a person in a web browser. */
	public static String problem(int status, String title, String detail, String advice) {
		return head(status + " " + title + " · ipgraph")
				+ "<header><h1><a href=\"/\">ipgraph</a></h1></header>\n<main><section><p class=\"status\">" + status + "</p><h2>"
				+ Html.escape(title) + "</h2><p>" + Html.escape(detail) + "</p><p>" + advice + "</p></section></main></body></html>\n";
	}

}
