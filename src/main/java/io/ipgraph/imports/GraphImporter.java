package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
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
	 * Imports one stream. {@code totalBytes} (or -1) is only for progress; {@code progress} is called after every
	 * batch. Reading, parsing and checking the next batch overlap with writing the previous one (one batch in flight
	 * at most, so memory stays bounded and a crash still leaves whole batches only).
	 */
	public ImportSummary importStream(String name, InputStream input, long totalBytes, boolean dryRun, int batchSize,
			Consumer<Progress> progress) throws IOException {
		ImportSummary summary = new ImportSummary(name, dryRun);
		ImportParser parser = new ImportParser();
		// labels of the ids seen in this file, for relationship ends and for cited sources, and the sources found in
		// the database (these two belong to this thread; the writer gets what a batch needs in a PreparedBatch)
		Map<String, String> fileLabels = new HashMap<>();
		Set<String> knownSources = new HashSet<>();
		// the ids whose defining line was refused, with that line: a line citing one is refused naming it, not as unknown
		Map<String, Long> refused = new java.util.concurrent.ConcurrentHashMap<>();
		// per label and relationship pattern: whether its last batch was all new (see write; the writer's)
		Map<String, Boolean> fastPath = new HashMap<>();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		long bytes = 0;
		long lineNumber = 0;
		List<ImportLine> batch = new ArrayList<>();
		// a dry run writes the whole file in one transaction and rolls it back, so later lines see earlier ones
		var dryRunSession = dryRun ? this.store.driver().session(this.store.sessionConfig()) : null;
		Transaction dryRunTx = dryRun ? dryRunSession.beginTransaction(TransactionConfig.builder().withTimeout(java.time.Duration.ofHours(1)).build())
				: null;
		ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ipgraph-import-writer").daemon(true).factory());
		Future<?> pending = null;
		ImportLimitExceeded stopped = null;
		try (BoundedInput.Lines reader = new BoundedInput.Lines(new InputStreamReader(input, decoder), this.limits.maxLine().toBytes())) {
			String text;
			while (true) {
				try {
					text = reader.readLine();
				}
				catch (CharacterCodingException ex) {
					summary.reject(lineNumber + 1, "?", "not UTF-8 text; the rest of the file is not read");
					break;
				}
				catch (ImportLimitExceeded ex) {
					// the batch being read is not written: the import keeps the whole batches before it, as if interrupted
					stopped = ex;
					batch.clear();
					summary.reject(lineNumber + 1, "?", ex.getMessage() + "; the rest of the file is not read");
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
					if (line instanceof NodeLine node) {
						this.validator.node(node);
						String earlier = fileLabels.putIfAbsent(node.id(), node.label());
						if (earlier != null && !earlier.equals(node.label())) {
							throw new Rejected(lineNumber, "id \"" + node.id() + "\" is a " + earlier + " earlier in the file");
						}
					}
					batch.add(line);
				}
				catch (Rejected ex) {
					summary.reject(ex.line(), kindOf(text), ex.getMessage());
					String id = line instanceof NodeLine node ? node.id() : line == null ? nodeIdIn(text) : null;
					if (id != null) {
						refused.putIfAbsent(id, ex.line());
					}
				}
				if (batch.size() >= batchSize) {
					Progress done = new Progress(lineNumber, bytes, totalBytes, summary);
					pending = submit(writer, pending, this.preparation.prepare(batch, fileLabels, knownSources, refused), summary, dryRunTx, fastPath, () -> progress.accept(done));
					batch = new ArrayList<>();
				}
			}
			if (!batch.isEmpty()) {
				pending = submit(writer, pending, this.preparation.prepare(batch, fileLabels, knownSources, refused), summary, dryRunTx, fastPath, () -> { });
			}
			await(pending);
		}
		finally {
			// never return (or roll a dry run back) while a batch is still being written
			writer.shutdown();
			try {
				writer.awaitTermination(1, TimeUnit.HOURS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (dryRunTx != null) {
				dryRunTx.rollback();
				dryRunTx.close();
				dryRunSession.close();
			}
		}
		summary.finish(lineNumber);
		if (stopped != null) {
			throw stopped.withSummary(summary);
		}
		progress.accept(new Progress(lineNumber, totalBytes > 0 ? totalBytes : bytes, totalBytes, summary));
		return summary;
	}

	/** Hands a batch to the writer once the one before it is written (whose failure ends the import here). */
	private Future<?> submit(ExecutorService writer, Future<?> pending, PreparedBatch batch, ImportSummary summary, Transaction dryRunTx,
			Map<String, Boolean> fastPath, Runnable then) {
		await(pending);
		return writer.submit(DelegatingSecurityContextRunnable.create(() -> {
			this.writer.writeBatch(batch, summary, dryRunTx, fastPath);
			then.run();
		}, SecurityContextHolder.getContext()));
	}

	private static void await(Future<?> pending) {
		if (pending == null) {
			return;
		}
		try {
			pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
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
