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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.keys.MarkKeys;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;

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

	/**
	 * Keeps the cached plans of the import's statements while the database grows under them: Neo4j would otherwise
	 * plan them again whenever the counts of labels change a lot, which during a bulk load is all the time, and
	 * planning these statements costs more than running a batch of them.
	 */
	static final String REPLAN = "CYPHER replan=skip ";

	/** Labels whose names ipgraph folds into {@code nameKeys} for entity resolution. */
	static final Set<String> NAMED = Set.of("Company", "Person", "Authority", "Court", "Office");

	private final GraphStore store;

	private final GraphModel model;

	private final ImportValidator validator;

	private final List<String> labels;

	private final ImportLimits limits;

	public GraphImporter(GraphStore store, GraphModel model, ImportLimits limits) {
		this.limits = limits;
		this.store = store;
		this.model = model;
		this.validator = new ImportValidator(model);
		this.labels = model.relationshipPatterns().keySet().stream().flatMap(p -> java.util.stream.Stream.of(p.get(0), p.get(2))).distinct().toList();
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
		write(tx::run, Map.of(line.label(), List.of(nodeRow(line))), Map.of(), new ImportSummary.Counts(), null);
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
		// the database (these two belong to this thread; the writer gets what a batch needs in a Prepared)
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
					pending = submit(writer, pending, prepare(batch, fileLabels, knownSources, refused), summary, dryRunTx, fastPath, () -> progress.accept(done));
					batch = new ArrayList<>();
				}
			}
			if (!batch.isEmpty()) {
				pending = submit(writer, pending, prepare(batch, fileLabels, knownSources, refused), summary, dryRunTx, fastPath, () -> { });
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

	/**
	 * A batch ready for the writer: its lines; the labels of the ids they refer to, from the file (as it stood at the
	 * batch's last line) and from the database; the cited sources found in the database; the retracted ids; and the
	 * rows to write. All of it is looked up and built on the reading thread, so that the writer only writes. (What the
	 * lookups find does not depend on the batches before: they ask only for what this file does not hold.)
	 */
	private record Prepared(List<ImportLine> lines, Map<String, String> inFile, Map<String, String> stored, Set<String> storedSources,
			Set<String> retracted, Map<ImportLine, Map<String, Object>> rows, Map<String, Long> refused) {

		/**
		 * Why a line cannot refer to {@code id}: {@code unknown} (it is in neither the file nor the database), or, when the
		 * line that defines it was refused, that line, so that one refusal does not read as many unknown ids.
		 */
		String missing(String what, String id, String unknown) {
			Long line = this.refused.get(id);
			return line != null ? what + " \"" + id + "\": line " + line + ", which defines it, was refused" : unknown;
		}

	}

	private Prepared prepare(List<ImportLine> batch, Map<String, String> fileLabels, Set<String> knownSources, Map<String, Long> refused) {
		Map<String, String> inFile = new HashMap<>();
		Set<String> unknownIds = new HashSet<>();
		Set<String> cited = new HashSet<>();
		Map<ImportLine, Map<String, Object>> rows = new java.util.IdentityHashMap<>();
		Consumer<String> refer = id -> {
			String label = fileLabels.get(id);
			if (label != null) {
				inFile.put(id, label);
			}
			else {
				unknownIds.add(id);
			}
		};
		List<String> nodeIds = new ArrayList<>();
		for (ImportLine line : batch) {
			if (line instanceof NodeLine node) {
				nodeIds.add(node.id());
				refer.accept(node.id());
				if (node.label().equals("Assertion") && node.properties().get("subjectId") instanceof String subject) {
					refer.accept(subject);
				}
				rows.put(line, nodeRow(node));
			}
			else if (line instanceof RelationshipLine rel) {
				refer.accept(rel.from());
				refer.accept(rel.to());
				rows.put(line, relationshipRow(rel));
			}
			for (Citation c : line.sources()) {
				String label = fileLabels.get(c.id());
				if (label != null) {
					inFile.put(c.id(), label);
				}
				cited.add(c.id());
			}
		}
		// ends, subjects and cited sources that this file does not hold: look them up in the database
		Set<String> unknownSources = new HashSet<>(cited);
		unknownSources.removeIf(id -> knownSources.contains(id) || "Source".equals(inFile.get(id)));
		knownSources.addAll(storedSources(unknownSources));
		cited.retainAll(knownSources);
		return new Prepared(batch, inFile, storedLabels(unknownIds), cited, retracted(nodeIds), rows, refused);
	}

	/** Hands a batch to the writer once the one before it is written (whose failure ends the import here). */
	private Future<?> submit(ExecutorService writer, Future<?> pending, Prepared batch, ImportSummary summary, Transaction dryRunTx,
			Map<String, Boolean> fastPath, Runnable then) {
		await(pending);
		return writer.submit(DelegatingSecurityContextRunnable.create(() -> {
			writeBatch(batch, summary, dryRunTx, fastPath);
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

	private void writeBatch(Prepared prepared, ImportSummary summary, Transaction dryRunTx, Map<String, Boolean> fastPath) {
		List<ImportLine> batch = prepared.lines();
		Map<String, String> fileLabels = prepared.inFile();
		Map<String, String> storedLabels = prepared.stored();
		Set<String> retracted = prepared.retracted();

		Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
		Map<List<String>, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
		List<Written> written = new ArrayList<>();
		for (ImportLine line : batch) {
			try {
				for (Citation c : line.sources()) {
					if (!prepared.storedSources().contains(c.id()) && !"Source".equals(fileLabels.get(c.id()))) {
						throw new Rejected(line.line(), prepared.missing("cites", c.id(),
								"cites \"" + c.id() + "\", which is no Source in this file (before this line) or in the database"));
					}
				}
				if (line instanceof NodeLine node) {
					if (retracted.contains(node.id())) {
						throw new Rejected(line.line(), "\"" + node.id() + "\" was retracted; an editor restores it (restoreEntity) before it is imported again");
					}
					Map<String, Object> row = prepared.rows().get(line);
					if (node.label().equals("Assertion")) {
						// a disputed claim is linked to what it is about: (:Assertion)-[:ABOUT]->(subject)
						String subject = (String) node.properties().get("subjectId");
						String subjectLabel = fileLabels.getOrDefault(subject, storedLabels.get(subject));
						if (subjectLabel == null) {
							throw new Rejected(line.line(), prepared.missing("subjectId", subject,
									"subjectId \"" + subject + "\" is no node in this file (before this line) or in the database"));
						}
						row.put("subjectLabel", subjectLabel);
					}
					nodes.computeIfAbsent(node.label(), k -> new ArrayList<>()).add(row);
					written.add(new Written(line.line(), node.label(), null, row));
				}
				else if (line instanceof RelationshipLine rel) {
					String fromLabel = fileLabels.getOrDefault(rel.from(), storedLabels.get(rel.from()));
					String toLabel = fileLabels.getOrDefault(rel.to(), storedLabels.get(rel.to()));
					if (fromLabel == null || toLabel == null) {
						String end = fromLabel == null ? rel.from() : rel.to();
						throw new Rejected(line.line(), prepared.missing(fromLabel == null ? "from" : "to", end,
								"no node \"" + end + "\" in this file (before this line) or in the database"));
					}
					this.validator.relationship(rel, fromLabel, toLabel);
					Map<String, Object> row = prepared.rows().get(line);
					relationships.computeIfAbsent(List.of(fromLabel, rel.type(), toLabel), k -> new ArrayList<>()).add(row);
					written.add(new Written(line.line(), rel.type(), List.of(fromLabel, rel.type(), toLabel), row));
				}
			}
			catch (Rejected ex) {
				summary.reject(ex.line(), line instanceof NodeLine n ? n.label() : ((RelationshipLine) line).type(), ex.getMessage());
				if (line instanceof NodeLine n) {
					prepared.refused().putIfAbsent(n.id(), ex.line());
				}
			}
		}
		if (dryRunTx != null) {
			write(dryRunTx::run, nodes, relationships, summary, fastPath);
		}
		else {
			try {
				summary.add(commit(nodes, relationships, summary.name(), batch.getFirst().line(), batch.getLast().line(), fastPath));
			}
			catch (ClientException | DatabaseException ex) {
				// the database refused something validation let through: write line by line, so that only the
				// lines it refuses are rejected (with its reason) and the others still go in
				for (Written one : written) {
					Map<String, List<Map<String, Object>>> node = one.pattern() == null ? Map.of(one.kind(), List.of(one.row())) : Map.of();
					Map<List<String>, List<Map<String, Object>>> relationship = one.pattern() != null ? Map.of(one.pattern(), List.of(one.row()))
							: Map.of();
					try {
						summary.add(commit(node, relationship, summary.name(), one.line(), one.line(), null));
					}
					catch (ClientException | DatabaseException refused) {
						summary.reject(one.line(), one.kind(), "the database refused it: " + refused.getMessage());
					}
				}
			}
		}
	}

	/** A validated line ready to write: its node label (or relationship type and pattern) and its row. */
	private record Written(long line, String kind, List<String> pattern, Map<String, Object> row) {
	}

	/** Writes rows in one transaction with the batch's change record; the counts once it has committed. */
	private ImportSummary.Counts commit(Map<String, List<Map<String, Object>>> nodes, Map<List<String>, List<Map<String, Object>>> relationships,
			String file, long firstLine, long lastLine, Map<String, Boolean> fastPath) {
		try (var session = this.store.driver().session(this.store.sessionConfig())) {
			TransactionConfig config = TransactionConfig.builder().withTimeout(java.time.Duration.ofMinutes(10)).build();
			String by = CurrentUser.name();
			// counted only once the transaction commits: a retried batch is not counted twice
			return session.executeWrite(tx -> {
				ImportSummary.Counts attempt = new ImportSummary.Counts();
				write(tx::run, nodes, relationships, attempt, fastPath);
				// the batch's change record, in the batch's own transaction
				AuditTrail.record(tx, by, new AuditTrail.Entry("import", null, null, null, null, null, null,
						Map.of("file", file, "firstLine", firstLine, "lastLine", lastLine, "created", attempt.total(0), "updated", attempt.total(1),
								"unchanged", attempt.total(2))));
				return attempt;
			}, config);
		}
	}

	/**
	 * Writes a batch's rows. With {@code fastPath} (kept over a whole import), a label or relationship pattern whose
	 * last batch was all new is first written with a plain {@code MERGE ... ON CREATE SET}; only when some of its rows
	 * were there already does the batch go through the statement that merges citations and counts updated and unchanged.
	 */
	private void write(Cypher tx, Map<String, List<Map<String, Object>>> nodes,
			Map<List<String>, List<Map<String, Object>>> relationships, ImportSink counts, Map<String, Boolean> fastPath) {
		for (Map.Entry<String, List<Map<String, Object>>> entry : nodes.entrySet()) {
			String label = entry.getKey();
			List<Map<String, Object>> rows = dedupe(entry.getValue());
			long createdFirst = 0;
			if (fastPath != null && fastPath.getOrDefault(label, true)) {
				// the common case of a bulk load: every node is new, and one plain MERGE writes them all
				createdFirst = tx.run(REPLAN + """
						UNWIND $rows AS row
						MERGE (n:`%s` {id: row.id})
						ON CREATE SET n += row.props, n.sourceIds = row.sourceIds, n.quotes = row.quotes""".formatted(label), Map.of("rows", rows))
					.consume()
					.counters()
					.nodesCreated();
			}
			if (createdFirst > 0 && createdFirst == rows.size()) {
				counts.count(label, "created", createdFirst);
			}
			else {
				// some were there already: merge citations and properties, telling updated from unchanged (the nodes
				// just created above come out unchanged, and are counted as created)
				long created = createdFirst;
				for (Record r : tx.run(REPLAN + """
					UNWIND $rows AS row
					MERGE (n:`%1$s` {id: row.id})
					ON CREATE SET n.importCreated = true
					WITH n, row, n.importCreated IS NOT NULL AS created,
					     [i IN range(0, size(row.sourceIds) - 1) WHERE NOT any(j IN range(0, size(coalesce(n.sourceIds, [])) - 1)
					       WHERE n.sourceIds[j] = row.sourceIds[i] AND n.quotes[j] = row.quotes[i])] AS fresh
					WITH n, row, fresh, CASE WHEN created THEN 'created'
					  WHEN size(fresh) = 0 AND all(k IN keys(row.props) WHERE n[k] = row.props[k]) THEN 'unchanged'
					  ELSE 'updated' END AS outcome
					SET n += row.props, n.sourceIds = coalesce(n.sourceIds, []) + [i IN fresh | row.sourceIds[i]],
					    n.quotes = coalesce(n.quotes, []) + [i IN fresh | row.quotes[i]]
					REMOVE n.importCreated
					RETURN outcome, count(*) AS n""".formatted(label), Map.of("rows", rows)).list()) {
					String outcome = r.get("outcome").asString();
					long n = r.get("n").asLong() - (outcome.equals("unchanged") ? createdFirst : 0);
					created += outcome.equals("created") ? n : 0;
					if (n > 0) {
						counts.count(label, outcome, n);
					}
				}
				if (createdFirst > 0) {
					counts.count(label, "created", createdFirst);
				}
				if (fastPath != null) {
					fastPath.put(label, created == rows.size());
				}
			}
			if (NAMED.contains(label)) {
				// lines that give the name and the aliases carry their keys already (see nodeRow); the others get
				// them from what is stored now
				List<Map<String, Object>> partial = entry.getValue().stream().filter(r -> !castMap(r.get("props")).containsKey("nameKeys")).toList();
				if (!partial.isEmpty()) {
					nameKeys(tx, label, partial);
				}
			}
			if (label.equals("Assertion")) {
				about(tx, dedupe(entry.getValue()), counts);
			}
		}
		for (Map.Entry<List<String>, List<Map<String, Object>>> entry : relationships.entrySet()) {
			List<String> pattern = entry.getKey();
			List<Map<String, Object>> keyed = entry.getValue().stream().filter(r -> r.get("key") != null).toList();
			List<Map<String, Object>> plain = entry.getValue().stream().filter(r -> r.get("key") == null).toList();
			Set<Long> written = new HashSet<>();
			for (List<Map<String, Object>> rows : List.of(keyed, plain)) {
				if (rows.isEmpty()) {
					continue;
				}
				String identity = rows == keyed ? " {importKey: row.key}" : "";
				String kind = String.join("|", pattern) + identity;
				long createdFirst = 0;
				if (fastPath != null && fastPath.getOrDefault(kind, true)) {
					createdFirst = tx.run(REPLAN + """
							UNWIND $rows AS row
							MATCH (a:`%1$s` {id: row.from}) MATCH (b:`%3$s` {id: row.to})
							MERGE (a)-[r:`%2$s`%4$s]->(b)
							ON CREATE SET r += row.props, r.sourceIds = row.sourceIds, r.quotes = row.quotes""".formatted(pattern.get(0), pattern.get(1),
							pattern.get(2), identity), Map.of("rows", rows)).consume().counters().relationshipsCreated();
				}
				if (createdFirst > 0 && createdFirst == rows.size()) {
					counts.count(pattern.get(1), "created", createdFirst);
					continue;
				}
				// as for nodes: the relationships just created come out of this one unchanged
				long created = createdFirst;
				for (Record r : tx.run(REPLAN + """
						UNWIND $rows AS row
						MATCH (a:`%1$s` {id: row.from}) MATCH (b:`%3$s` {id: row.to})
						MERGE (a)-[r:`%2$s`%4$s]->(b)
						ON CREATE SET r.importCreated = true
						WITH r, row, r.importCreated IS NOT NULL AS created,
						     [i IN range(0, size(row.sourceIds) - 1) WHERE NOT any(j IN range(0, size(coalesce(r.sourceIds, [])) - 1)
						       WHERE r.sourceIds[j] = row.sourceIds[i] AND r.quotes[j] = row.quotes[i])] AS fresh
						WITH r, row, fresh, CASE WHEN created THEN 'created'
						  WHEN size(fresh) = 0 AND all(k IN keys(row.props) WHERE r[k] = row.props[k]) THEN 'unchanged'
						  ELSE 'updated' END AS outcome
						SET r += row.props, r.sourceIds = coalesce(r.sourceIds, []) + [i IN fresh | row.sourceIds[i]],
						    r.quotes = coalesce(r.quotes, []) + [i IN fresh | row.quotes[i]]
						REMOVE r.importCreated
						RETURN outcome, count(*) AS n, collect(row.line) AS lines""".formatted(pattern.get(0), pattern.get(1), pattern.get(2), identity),
						Map.of("rows", rows)).list()) {
					String outcome = r.get("outcome").asString();
					long n = r.get("n").asLong() - (outcome.equals("unchanged") ? createdFirst : 0);
					created += outcome.equals("created") ? n : 0;
					if (n > 0) {
						counts.count(pattern.get(1), outcome, n);
					}
					r.get("lines").asList(Value::asLong).forEach(line -> written.add(line));
				}
				if (createdFirst > 0) {
					counts.count(pattern.get(1), "created", createdFirst);
				}
				if (fastPath != null) {
					fastPath.put(kind, created == rows.size());
				}
				// an end that is not there after all (its own line was rejected at this stage): say so, never drop silently
				for (Map<String, Object> row : rows) {
					if (!written.contains((Long) row.get("line"))) {
						counts.reject((Long) row.get("line"), pattern.get(1), "no node \"" + row.get("from") + "\" or \"" + row.get("to")
								+ "\" was written (its line was rejected)");
					}
				}
			}
		}
	}

	/** Runs a statement in the batch's transaction (a plain or a managed one). */
	@FunctionalInterface
	interface Cypher {

		Result run(String query, Map<String, Object> parameters);

	}

	/** Links each claim to its subject, with the claim's own citations. */
	private static void about(Cypher tx, List<Map<String, Object>> rows, ImportSink counts) {
		Map<String, List<Map<String, Object>>> bySubject = new LinkedHashMap<>();
		rows.forEach(r -> bySubject.computeIfAbsent((String) r.get("subjectLabel"), k -> new ArrayList<>())
			.add(Map.of("id", r.get("id"), "subject", castMap(r.get("props")).get("subjectId"), "sourceIds", r.get("sourceIds"), "quotes",
					r.get("quotes"))));
		bySubject.forEach((label, subjects) -> {
			for (Record r : tx.run(REPLAN + """
					UNWIND $rows AS row
					MATCH (a:Assertion {id: row.id}) MATCH (s:`%s` {id: row.subject})
					OPTIONAL MATCH (a)-[old:ABOUT]->(s)
					WITH a, s, row, old IS NULL AS created
					MERGE (a)-[r:ABOUT]->(s)
					WITH r, row, created, [i IN range(0, size(row.sourceIds) - 1) WHERE NOT any(j IN range(0, size(coalesce(r.sourceIds, [])) - 1)
					     WHERE r.sourceIds[j] = row.sourceIds[i] AND r.quotes[j] = row.quotes[i])] AS fresh
					SET r.sourceIds = coalesce(r.sourceIds, []) + [i IN fresh | row.sourceIds[i]],
					    r.quotes = coalesce(r.quotes, []) + [i IN fresh | row.quotes[i]]
					RETURN CASE WHEN created THEN 'created' WHEN size(fresh) > 0 THEN 'updated' ELSE 'unchanged' END AS outcome,
					       count(*) AS n""".formatted(label), Map.of("rows", subjects)).list()) {
				counts.count("ABOUT", r.get("outcome").asString(), r.get("n").asLong());
			}
		});
	}

	/** Recomputes the name keys of the named nodes just written, from their stored name and aliases. */
	private static void nameKeys(Cypher tx, String label, List<Map<String, Object>> rows) {
		List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
		List<Map<String, Object>> keys = new ArrayList<>();
		for (Record r : tx.run(REPLAN + "MATCH (n:`" + label + "`) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases",
				Map.of("ids", ids)).list()) {
			List<String> names = new ArrayList<>();
			if (!r.get("name").isNull()) {
				names.add(r.get("name").asString());
			}
			names.addAll(r.get("aliases").asList(Value::asString));
			keys.add(Map.of("id", r.get("id").asString(), "keys", NameKeys.indexKeys(names)));
		}
		tx.run(REPLAN + "UNWIND $rows AS row MATCH (n:`" + label + "` {id: row.id}) SET n.nameKeys = row.keys", Map.of("rows", keys));
	}

	/** One row per id (the last line's properties win, citations add up), so the outcome of each id is counted once. */
	private static List<Map<String, Object>> dedupe(List<Map<String, Object>> rows) {
		Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			byId.merge(row.get("id"), row, (a, b) -> {
				Map<String, Object> merged = new HashMap<>(b);
				Map<String, Object> props = new HashMap<>(castMap(a.get("props")));
				props.putAll(castMap(b.get("props")));
				merged.put("props", props);
				merged.put("sourceIds", concat(a.get("sourceIds"), b.get("sourceIds")));
				merged.put("quotes", concat(a.get("quotes"), b.get("quotes")));
				return merged;
			});
		}
		return List.copyOf(byId.values());
	}

	private Map<String, Object> nodeRow(NodeLine line) {
		Map<String, Object> props = new HashMap<>();
		line.properties().forEach((k, v) -> {
			if (v != null && !k.equals("id")) {
				props.put(k, v);
			}
		});
		if (line.label().equals("Registration") && props.get("markText") instanceof String text) {
			MarkKeys keys = MarkKeys.of(text);
			props.put("markKey", keys.normalized());
			props.put("markPinyin", keys.pinyin());
			props.put("markPhonetic", keys.phonetic());
			props.put("markDeletes", keys.deletes());
		}
		if (NAMED.contains(line.label()) && props.get("name") instanceof String name && props.get("aliases") instanceof List<?> aliases) {
			List<String> names = new ArrayList<>(List.of(name));
			aliases.forEach(a -> names.add(String.valueOf(a)));
			props.put("nameKeys", NameKeys.indexKeys(names));
		}
		if (line.label().equals("Registration") && props.get("classes") instanceof List<?> classes) {
			props.put("classTokens", MarkKeys.classTokens(classes.stream().map(c -> ((Number) c).intValue()).toList()));
		}
		Map<String, Object> row = new HashMap<>();
		row.put("id", line.id());
		row.put("props", props);
		row.put("sourceIds", line.sources().stream().map(Citation::id).toList());
		row.put("quotes", line.sources().stream().map(Citation::quote).toList());
		return row;
	}

	private static Map<String, Object> relationshipRow(RelationshipLine line) {
		Map<String, Object> props = new HashMap<>();
		line.properties().forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		Map<String, Object> row = new HashMap<>();
		row.put("line", line.line());
		row.put("from", line.from());
		row.put("to", line.to());
		row.put("key", line.key());
		row.put("props", props);
		row.put("sourceIds", line.sources().stream().map(Citation::id).toList());
		row.put("quotes", line.sources().stream().map(Citation::quote).toList());
		return row;
	}

	/** Labels of stored nodes by id (one index seek per label). */
	private Map<String, String> storedLabels(Set<String> ids) {
		Map<String, String> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		String union = String.join(" UNION ", this.labels.stream()
			.map(l -> "MATCH (n:`" + l + "` {id: id}) RETURN '" + l + "' AS label")
			.toList());
		for (Record r : this.store.readEverything("UNWIND $ids AS id CALL (id) { " + union + " } RETURN id, label", Map.of("ids", List.copyOf(ids)))) {
			found.putIfAbsent(r.get("id").asString(), r.get("label").asString());
		}
		return found;
	}

	/** Those of the ids that an editor has retracted. */
	private Set<String> retracted(List<String> ids) {
		Set<String> found = new HashSet<>();
		if (!ids.isEmpty()) {
			this.store.readEverything("MATCH (n:Retracted) WHERE n.id IN $ids RETURN n.id AS id", Map.of("ids", ids)).forEach(r -> found.add(r.get("id").asString()));
		}
		return found;
	}

	private Set<String> storedSources(Set<String> ids) {
		Set<String> found = new HashSet<>();
		if (!ids.isEmpty()) {
			this.store.readEverything("MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id", Map.of("ids", List.copyOf(ids)))
				.forEach(r -> found.add(r.get("id").asString()));
		}
		return found;
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

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	private static List<Object> concat(Object a, Object b) {
		List<Object> out = new ArrayList<>((List<?>) a);
		out.addAll((List<?>) b);
		return out;
	}

}
