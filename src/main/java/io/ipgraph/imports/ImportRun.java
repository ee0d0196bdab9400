package io.ipgraph.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.ipgraph.imports.GraphImporter.Progress;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One import under way, whatever the format it was read from: it takes checked lines one by one, gathers them into
 * batches and hands each batch, prepared, to a writer thread, so that reading the next batch overlaps with writing the
 * one before (one batch in flight at most, so memory stays bounded and a crash still leaves whole batches only).
 * Closing it waits for the writer and rolls a dry run back.
 */
final class ImportRun implements AutoCloseable {

	private final ImportValidator validator;

	private final BatchPreparation preparation;

	private final BatchWriter batchWriter;

	private final int batchSize;

	private final long totalBytes;

	private final Consumer<Progress> progress;

	final ImportSummary summary;

	// labels of the ids seen in this import, for relationship ends and for cited sources, and the sources found in
	// the database (these two belong to the reading thread; the writer gets what a batch needs in a PreparedBatch)
	private final Map<String, String> fileLabels = new HashMap<>();

	private final Set<String> knownSources = new HashSet<>();

	// the ids whose defining line was refused, with that line: a line citing one is refused naming it, not as unknown
	private final Map<String, Long> refused = new ConcurrentHashMap<>();

	// per label and relationship pattern: whether its last batch was all new (the writer's; see BatchWriter)
	private final Map<String, Boolean> fastPath = new HashMap<>();

	private final Session dryRunSession;

	private final Transaction dryRunTx;

	private final ExecutorService writer = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("ipgraph-import-writer").daemon(true).factory());

	private List<ImportLine> batch = new ArrayList<>();

	private Future<?> pending;

	private ImportLimitExceeded stopped;

	ImportRun(GraphStore store, ImportValidator validator, BatchPreparation preparation, BatchWriter batchWriter, String name,
			boolean dryRun, int batchSize, long totalBytes, Consumer<Progress> progress) {
		this.validator = validator;
		this.preparation = preparation;
		this.batchWriter = batchWriter;
		this.batchSize = batchSize;
		this.totalBytes = totalBytes;
		this.progress = progress;
		this.summary = new ImportSummary(name, dryRun);
		// a dry run writes the whole import in one transaction and rolls it back, so later lines see earlier ones
		this.dryRunSession = dryRun ? store.driver().session(store.sessionConfig()) : null;
		this.dryRunTx = dryRun ? this.dryRunSession.beginTransaction(TransactionConfig.builder().withTimeout(Duration.ofHours(1)).build()) : null;
	}

	/** Checks a line against the model and adds it to the batch; a full batch goes to the writer. */
	void add(ImportLine line, long bytes) {
		if (line instanceof NodeLine node) {
			this.validator.node(node);
			String earlier = this.fileLabels.putIfAbsent(node.id(), node.label());
			if (earlier != null && !earlier.equals(node.label())) {
				throw new Rejected(line.line(), "id \"" + node.id() + "\" is a " + earlier + " earlier in the file");
			}
		}
		this.batch.add(line);
		if (this.batch.size() >= this.batchSize) {
			Progress done = new Progress(line.line(), bytes, this.totalBytes, this.summary);
			submit(() -> this.progress.accept(done));
		}
	}

	/** A line that cannot go in; {@code id}, when known, is the node it would have defined. */
	void refuse(Rejected rejected, String kind, String id) {
		this.summary.reject(rejected.line(), kind, rejected.getMessage());
		if (id != null) {
			this.refused.putIfAbsent(id, rejected.line());
		}
	}

	/** Stops reading at a limit: the batch being read is not written, as if the import were interrupted there. */
	void stop(long line, ImportLimitExceeded limit) {
		this.stopped = limit;
		this.batch.clear();
		this.summary.reject(line, "?", limit.getMessage() + "; the rest of the file is not read");
	}

	/** Writes what is left and waits for the writer; the summary of {@code lines} lines read. */
	ImportSummary finish(long lines, long bytes) {
		if (!this.batch.isEmpty()) {
			submit(() -> { });
		}
		await(this.pending);
		this.summary.finish(lines);
		if (this.stopped != null) {
			throw this.stopped.withSummary(this.summary);
		}
		this.progress.accept(new Progress(lines, this.totalBytes > 0 ? this.totalBytes : bytes, this.totalBytes, this.summary));
		return this.summary;
	}

	/** Hands the batch to the writer once the one before it is written (whose failure ends the import here). */
	private void submit(Runnable then) {
		PreparedBatch prepared = this.preparation.prepare(this.batch, this.fileLabels, this.knownSources, this.refused);
		this.batch = new ArrayList<>();
		await(this.pending);
		this.pending = this.writer.submit(DelegatingSecurityContextRunnable.create(() -> {
			this.batchWriter.writeBatch(prepared, this.summary, this.dryRunTx, this.fastPath);
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

	/** Never returns (or rolls a dry run back) while a batch is still being written. */
	@Override
	public void close() {
		this.writer.shutdown();
		try {
			this.writer.awaitTermination(1, TimeUnit.HOURS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.dryRunTx != null) {
			this.dryRunTx.rollback();
			this.dryRunTx.close();
			this.dryRunSession.close();
		}
	}

}
