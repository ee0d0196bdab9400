package io.ipgraph.report;

import java.util.Locale;

import io.ipgraph.model.BadRequestException;

/** The formats a report is written in, with their media type and file extension. */
public enum ReportFormat {

	/** One self-contained page: inline CSS and SVG. */
	HTML("text/html;charset=UTF-8", "html"),
	/** Paged, from the same HTML. */
	PDF("application/pdf", "pdf"),
	/** GitHub-flavoured Markdown with footnotes; the picture as a data URI or a file beside it. */
	MD("text/markdown;charset=UTF-8", "md");

	private final String mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/** The format named {@code name} (html, pdf, md or markdown, in any case). */
	public static ReportFormat parse(String name) {
		String folded = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return switch (folded) {
			case "html", "htm" -> HTML;
			case "pdf" -> PDF;
			case "md", "markdown" -> MD;
			default -> throw new BadRequestException("format must be html, pdf or md, was '" + name + "'");
		};
	}

}
