package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;

import org.springframework.stereotype.Service;

/**
 * Imports files in ipgraph's JSON Lines format. Lines are read in batches; each batch is validated and then
 * written in one transaction ({@code UNWIND ... MERGE} per label and per relationship pattern), so a crash
 * leaves whole batches only and running the same import again completes it: nodes merge on their id
 * (backed by the uniqueness constraints), relationships on their ends, type and key, and a citation already
 * there is not added twice. A line that fails validation is reported with its number and reason; the other
 * lines go in. A dry run does all of this in one transaction, which it rolls back.
 */
@Service
public class GraphImporter {

	public static final int DEFAULT_BATCH = 5000;

	private final GraphStore store;

	private final GraphModel model;

	private final ImportValidator validator;

	private final BatchPreparation preparation;

	private final BatchWriter writer;

	private final ImportLimits limits;

	public GraphImporter(GraphStore store, GraphModel model, ImportLimits limits) {
		this.limits = limits;
		this.store = store;
		this.model = model;
		this.validator = new ImportValidator(model);
		this.preparation = new BatchPreparation(store, model);
		this.writer = new BatchWriter(store, this.validator);
	}

	/** How much one import may read. */
	public ImportLimits limits() {
		return this.limits;
	}

	/**
	 * Checks one node as an import line would be checked and writes it in the caller's transaction, with its derived
	 * keys and citations (an editor's update goes this way, so edits and imports obey the same rules).
	 */
	public void writeNode(org.neo4j.driver.TransactionContext tx, NodeLine line) {
		try {
			this.validator.node(line);
		}
		catch (Rejected ex) {
			throw new BadRequestException(ex.getMessage());
		}
		this.writer.write(tx::run, Map.of(line.label(), List.of(BatchPreparation.nodeRow(line))), Map.of(), new ImportSummary.Counts(), null);
	}

	/** How an import went so far. */
	public record Progress(long lines, long bytes, long totalBytes, ImportSummary summary) {
	}

	/**
	 * Imports one file of the import format. {@code totalBytes} (or -1) is only for progress; {@code progress} is
	 * called after every batch. Reading, parsing and checking the next batch overlap with writing the previous one
	 * (see {@link ImportRun}).
	 */
	public ImportSummary importStream(String name, InputStream input, long totalBytes, boolean dryRun, int batchSize,
			Consumer<Progress> progress) throws IOException {
		ImportParser parser = new ImportParser();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		long bytes = 0;
		long lineNumber = 0;
		try (ImportRun run = begin(name, dryRun, batchSize, totalBytes, progress);
				BoundedInput.Lines reader = new BoundedInput.Lines(new InputStreamReader(input, decoder), this.limits.maxLine().toBytes())) {
			while (true) {
				String text;
				try {
					text = reader.readLine();
				}
				catch (CharacterCodingException ex) {
					run.summary.reject(lineNumber + 1, "?", "not UTF-8 text; the rest of the file is not read");
					break;
				}
				catch (ImportLimitExceeded ex) {
					run.stop(lineNumber + 1, ex);
					break;
				}
				if (text == null) {
					break;
				}
				lineNumber++;
				bytes += text.length() + 1;
				if (lineNumber == 1 && text.startsWith("\uFEFF")) {
					text = text.substring(1);
				}
				if (text.isBlank()) {
					continue;
				}
				ImportLine line = null;
				try {
					line = parser.parse(text, lineNumber);
					run.add(line, bytes);
				}
				catch (Rejected ex) {
					run.refuse(ex, kindOf(text), line instanceof NodeLine node ? node.id() : line == null ? nodeIdIn(text) : null);
				}
			}
			return run.finish(lineNumber, bytes);
		}
	}

	/** Hands the lines a reader of another format builds to an import, one by one. */
	@FunctionalInterface
	public interface LineReader {

		void read(Consumer<ImportLine> lines) throws IOException;

	}

	/**
	 * Imports the lines a reader of another format (registry records, FollowTheMoney entities) builds as values, with
	 * no text in between: each is checked as a parsed line would be (ids, property values, the model) and goes the
	 * same way into batches. {@code bytesRead} and {@code totalBytes} (or -1) are the input's, for progress.
	 */
	public ImportSummary importLines(String name, boolean dryRun, LongSupplier bytesRead, long totalBytes, Consumer<Progress> progress,
			LineReader reader) throws IOException {
		ImportParser parser = new ImportParser();
		long[] last = { 0 };
		try (ImportRun run = begin(name, dryRun, DEFAULT_BATCH, totalBytes, progress)) {
			try {
				reader.read(line -> {
					last[0] = Math.max(last[0], line.line());
					try {
						run.add(parser.check(line), bytesRead.getAsLong());
					}
					catch (Rejected ex) {
						run.refuse(ex, line instanceof NodeLine node ? node.label() : ((ImportLine.RelationshipLine) line).type(),
								line instanceof NodeLine node ? node.id() : null);
					}
				});
			}
			catch (ImportLimitExceeded ex) {
				// past a limit of the input (its size, its expansion, a line): as for a file of the import format
				run.stop(last[0] + 1, ex);
			}
			return run.finish(last[0], bytesRead.getAsLong());
		}
	}

	private ImportRun begin(String name, boolean dryRun, int batchSize, long totalBytes, Consumer<Progress> progress) {
		return new ImportRun(this.store, this.validator, this.preparation, this.writer, name, dryRun, batchSize, totalBytes, progress);
	}

	/** The id of a node line that could not be parsed, where the text still shows one. */
	private static String nodeIdIn(String text) {
		java.util.regex.Matcher id = NODE_ID.matcher(text);
		return text.contains("\"node\"") && id.find() ? id.group(1) : null;
	}

	private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]{1,300})\"");

	private static String kindOf(String text) {
		int label = text.indexOf("\"label\"");
		int type = text.indexOf("\"type\"");
		int at = label >= 0 ? label + 7 : type >= 0 ? type + 6 : -1;
		if (at < 0) {
			return "?";
		}
		int open = text.indexOf('"', text.indexOf(':', at) + 1);
		int close = open < 0 ? -1 : text.indexOf('"', open + 1);
		return open < 0 || close < 0 || close - open > 40 ? "?" : text.substring(open + 1, close);
	}

}
