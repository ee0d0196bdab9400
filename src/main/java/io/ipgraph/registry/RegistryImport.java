package io.ipgraph.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Imports real registry files: USPTO trademark bulk XML (daily and annual files, or bare {@code case-file}
 * records cut from them) and WIPO ST.96 and ST.66 trademark XML. Each file is streamed record by record, turned
 * into lines of the import format (see {@link RegistryRecords}) and imported like any other file, so validation,
 * idempotence and provenance are the same: every fact cites the file, with the record and line it comes from.
 * A record that cannot be read is reported with its number and line, and the others go in.
 */
@Service
public class RegistryImport {

	private final GraphImporter importer;

	private final JsonMapper json = JsonMapper.builder().build();

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
			return importStream(file.getFileName().toString(), in, dryRun, progress);
		}
	}

	public Imported importStream(String name, InputStream input, boolean dryRun, Consumer<GraphImporter.Progress> progress) throws IOException {
		Path lines = Files.createTempFile("ipgraph-registry", ".jsonl");
		List<Problem> errors = new ArrayList<>();
		List<Problem> warnings = new ArrayList<>();
		List<String> registrations = new ArrayList<>();
		int[] records = { 0 };
		String sourceId = "src:file-" + RegistryRecords.slug(name);
		try {
			try (Writer out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
				write(out, Map.of("kind", "node", "label", "Source", "id", sourceId, "properties",
						Map.of("title", "Trademark registry file " + name, "kind", "registry-record", "file", name)));
				try {
					XmlRecords.read(input, record -> {
						int index = ++records[0];
						try {
							RegistryRecords.Converted converted = RegistryRecords.convert(record, sourceId, index);
							registrations.add(converted.registrationId());
							converted.warnings().forEach(w -> warnings.add(new Problem(name, index, record.line(), w)));
							for (Map<String, Object> line : converted.lines()) {
								write(out, line);
							}
						}
						catch (RegistryRecords.Unusable ex) {
							errors.add(new Problem(name, index, record.line(), ex.getMessage()));
						}
						catch (IOException ex) {
							throw new java.io.UncheckedIOException(ex);
						}
					});
				}
				catch (XmlRecords.Malformed ex) {
					errors.add(new Problem(name, records[0] + 1, ex.line(),
							"not well-formed XML: " + ex.getMessage() + (records[0] > 0 ? "; the records before it are imported" : "")));
				}
			}
			try (InputStream in = Files.newInputStream(lines)) {
				ImportSummary summary = this.importer.importStream(name, in, Files.size(lines), dryRun, GraphImporter.DEFAULT_BATCH, progress);
				return new Imported(summary, records[0], registrations, errors, warnings);
			}
		}
		finally {
			Files.deleteIfExists(lines);
		}
	}

	/** A one-line account for the terminal. */
	public static String describe(Imported imported) {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d registry records read%n", imported.records()));
		imported.errors().forEach(p -> out.append("  not imported: ").append(p).append('\n'));
		imported.warnings().forEach(p -> out.append("  left out: ").append(p).append('\n'));
		return out.toString();
	}

	private void write(Writer out, Map<String, Object> line) throws IOException {
		out.write(this.json.writeValueAsString(line));
		out.write('\n');
	}

}
