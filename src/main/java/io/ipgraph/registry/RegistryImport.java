package io.ipgraph.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.ipgraph.imports.BoundedInput;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportSummary;

import org.springframework.stereotype.Service;

/**
 * Imports real registry files: USPTO trademark bulk XML (daily and annual files, or bare {@code case-file}
 * records cut from them) and WIPO ST.96 and ST.66 trademark XML. Each file is streamed record by record, turned
 * into lines of the import format (see {@link RegistryRecords}) and handed to the importer as values, which imports
 * them as it imports any file, so validation, idempotence and provenance are the same: every fact cites the file,
 * with the record and line it comes from.
 * A record that cannot be read is reported with its number and line, and the others go in.
 */
@Service
public class RegistryImport {

	private final GraphImporter importer;

	RegistryImport(GraphImporter importer) {
		this.importer = importer;
	}

	/** A record (or the rest of a file) that did not go in, or a part of a record that was left out. */
	public record Problem(String file, int record, int line, String message) {

		@Override
		public String toString() {
			return this.file + (this.record > 0 ? " record " + this.record : "") + (this.line > 0 ? " (line " + this.line + ")" : "") + ": "
					+ this.message;
		}

	}

	/** What an import of one registry file did. */
	public record Imported(ImportSummary summary, int records, List<String> registrations, List<Problem> errors, List<Problem> warnings) {
	}

	public Imported importFile(Path file, boolean dryRun, Consumer<GraphImporter.Progress> progress) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return importStream(file.getFileName().toString(), in, Files.size(file), dryRun, progress);
		}
	}

	public Imported importStream(String name, InputStream input, boolean dryRun, Consumer<GraphImporter.Progress> progress) throws IOException {
		return importStream(name, input, -1, dryRun, progress);
	}

	/**
	 * Streams the records of a registry file into an import: each record's lines go to the importer as they are read
	 * ({@code totalBytes}, or -1, only for progress), so a bulk file is read once and held one record at a time.
	 */
	public Imported importStream(String name, InputStream input, long totalBytes, boolean dryRun, Consumer<GraphImporter.Progress> progress)
			throws IOException {
		List<Problem> errors = new ArrayList<>();
		List<Problem> warnings = new ArrayList<>();
		List<String> registrations = new ArrayList<>();
		int[] records = { 0 };
		String sourceId = "src:file-" + RegistryRecords.slug(name);
		BoundedInput.Counted counted = BoundedInput.counting(input);
		ImportSummary summary = this.importer.importLines(name, dryRun, counted::count, totalBytes, progress, lines -> {
			lines.accept(new NodeLine(1, "Source", sourceId,
					Map.of("title", "Trademark registry file " + name, "kind", "registry-record", "file", name), List.of()));
			long[] next = { 2 };
			try {
				XmlRecords.read(counted, record -> {
					int index = ++records[0];
					try {
						RegistryRecords.Converted converted = RegistryRecords.convert(record, sourceId, index, next[0]);
						registrations.add(converted.registrationId());
						converted.warnings().forEach(w -> warnings.add(new Problem(name, index, record.line(), w)));
						next[0] += converted.lines().size();
						converted.lines().forEach(lines);
					}
					catch (RegistryRecords.Unusable ex) {
						errors.add(new Problem(name, index, record.line(), ex.getMessage()));
					}
				});
			}
			catch (XmlRecords.Malformed ex) {
				errors.add(new Problem(name, records[0] + 1, ex.line(),
						"not well-formed XML: " + ex.getMessage() + (records[0] > 0 ? "; the records before it are imported" : "")));
			}
		});
		return new Imported(summary, records[0], registrations, errors, warnings);
	}

	/** A one-line account for the terminal. */
	public static String describe(Imported imported) {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d registry records read%n", imported.records()));
		imported.errors().forEach(p -> out.append("  not imported: ").append(p).append('\n'));
		imported.warnings().forEach(p -> out.append("  left out: ").append(p).append('\n'));
		return out.toString();
	}

}
