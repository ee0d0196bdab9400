package io.ipgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.report.Markdown;
import io.ipgraph.report.Report;
import io.ipgraph.report.ReportBuilder;
import io.ipgraph.report.ReportFormat;
import io.ipgraph.report.Reports;
import io.ipgraph.report.UnknownEntityException;

/**
 * {@code report [--hops N] [--format html|pdf|md] --out FILE ID}: writes the investigative report on entity ID
 * to FILE. Markdown gets its picture as an SVG file beside it ({@code FILE} without {@code .md}, plus
 * {@code .svg}). Exit code 0 on success, 1 when there is no such entity, 2 when the command could not run.
 */
public final class ReportCommand {

	public static final String USAGE = "usage: report [--hops N] [--format html|pdf|md] --out FILE ID"
			+ " (hops " + ReportBuilder.MIN_HOPS + "-" + ReportBuilder.MAX_HOPS + ", default 2; format default: from FILE's extension, else html)";

	private final Reports reports;

	private final PrintStream err;

	public ReportCommand(Reports reports, PrintStream err) {
		this.reports = reports;
		this.err = err;
	}

	public int run(List<String> args) {
		int hops = 2;
		String format = null;
		String out = null;
		String id = null;
		try {
			for (int i = 0; i < args.size(); i++) {
				switch (args.get(i)) {
					case "--hops" -> hops = Integer.parseInt(args.get(++i));
					case "--format" -> format = args.get(++i);
					case "--out" -> out = args.get(++i);
					default -> {
						if (args.get(i).startsWith("--") || id != null) {
							this.err.println(USAGE);
							return 2;
						}
						id = args.get(i);
					}
				}
			}
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			this.err.println(USAGE);
			return 2;
		}
		if (id == null || out == null) {
			this.err.println(USAGE);
			return 2;
		}
		try {
			ReportFormat chosen = ReportFormat.parse(format != null ? format : extension(out));
			Report report = this.reports.build(id, hops);
			Path file = Path.of(out);
			if (chosen == ReportFormat.MD) {
				String name = file.getFileName().toString();
				Path picture = file.resolveSibling((name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".svg");
				Files.writeString(picture, report.network().svg(), StandardCharsets.UTF_8);
				Files.writeString(file, this.reports.markdown(report, picture.getFileName().toString()), StandardCharsets.UTF_8);
				this.err.printf(Locale.ROOT, "wrote the report on %s to %s (picture: %s)%n", id, file, picture);
			}
			else {
				Files.write(file, this.reports.write(report, chosen).content());
				this.err.printf(Locale.ROOT, "wrote the report on %s to %s%n", id, file);
			}
			this.err.printf(Locale.ROOT, "%d entities drawn, %d footnotes%n", report.network().labels().size(), report.footnotes().size());
			return 0;
		}
		catch (UnknownEntityException ex) {
			this.err.println("report: " + ex.getMessage());
			return 1;
		}
		catch (BadRequestException ex) {
			this.err.println("report: " + ex.getMessage());
			this.err.println(USAGE);
			return 2;
		}
		catch (IOException ex) {
			this.err.println("report failed: " + ex.getMessage());
			return 2;
		}
	}

	private static String extension(String file) {
		int dot = file.lastIndexOf('.');
		String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
		return List.of("html", "htm", "pdf", "md", "markdown").contains(ext) ? ext : "html";
	}

}
