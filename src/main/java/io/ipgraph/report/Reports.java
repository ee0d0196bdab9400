package io.ipgraph.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.springframework.stereotype.Service;

/** Makes reports and writes them in the format asked for. */
@Service
public class Reports {

	private final ReportBuilder builder;

	Reports(ReportBuilder builder) {
		this.builder = builder;
	}

	/** A report written out: its bytes, format and a file name for it. */
	public record Rendered(byte[] content, ReportFormat format, String fileName) {

		public String mediaType() {
			return this.format.mediaType();
		}

	}

	public Report build(String id, int hops) {
		return this.builder.build(id, hops);
	}

	/** The report in one file; in Markdown the picture is a data URI. */
	public Rendered render(String id, int hops, ReportFormat format) {
		return write(build(id, hops), format);
	}

	/** A report in one file; in Markdown the picture is a data URI. */
	public Rendered write(Report report, ReportFormat format) {
		byte[] content = switch (format) {
			case HTML -> html(report).getBytes(StandardCharsets.UTF_8);
			case PDF -> pdf(report);
			case MD -> markdown(report, "data:image/svg+xml;base64,"
					+ Base64.getEncoder().encodeToString(report.network().svg().getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
		};
		return new Rendered(content, format, fileName(report.id(), format));
	}

	/** The report in Markdown, its picture at {@code pictureAddress}. */
	public String markdown(Report report, String pictureAddress) {
		return Markdown.render(report, pictureAddress);
	}

	public String html(Report report) {
		return Html.render(report);
	}

	public byte[] pdf(Report report) {
		return Pdf.render(Html.render(report));
	}

	/** A file name made from the entity's id: letters, digits, dots and dashes only. */
	public static String fileName(String id, ReportFormat format) {
		String base = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
		return "report-" + (base.isEmpty() ? "entity" : base) + "." + format.extension();
	}

}
