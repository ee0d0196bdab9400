package io.ipgraph.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;

/**
 * Writes prepared batches: checks each line against what the batch's look-ups found (cited sources, relationship
 * ends, retracted ids), then writes the batch in one transaction ({@code UNWIND ... MERGE} per label and per
 * relationship pattern) with its audit record, and counts what was created, updated and refused.
 */
final class BatchWriter {

	/**
	 * Keeps the cached plans of the import's statements while the database grows under them: Neo4j would otherwise
	 * plan them again whenever the counts of labels change a lot, which during a bulk load is all the time, and
	 * planning these statements costs more than running a batch of them.
	 */
	static final String REPLAN = "CYPHER replan=skip ";

	private final GraphStore store;

	private final ImportValidator validator;

	BatchWriter(GraphStore store, ImportValidator validator) {
		this.store = store;
		this.validator = validator;
	}

	void writeBatch(PreparedBatch prepared, ImportSummary summary, Transaction dryRunTx, Map<String, Boolean> fastPath) {
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
				// the batch's change record, in the batch's own transaction, naming what it wrote (the change journal)
				AuditTrail.record(tx, by, new AuditTrail.Entry("import", null, null, null, null, null, null,
						Map.of("file", file, "firstLine", firstLine, "lastLine", lastLine, "created", attempt.total(0), "updated", attempt.total(1),
								"unchanged", attempt.total(2)), touched(nodes), links(relationships)));
				return attempt;
			}, config);
		}
	}

	/** The nodes a batch writes, as {@code Label:id}, for the change journal. */
	static List<String> touched(Map<String, List<Map<String, Object>>> nodes) {
		List<String> touched = new ArrayList<>();
		nodes.forEach((label, rows) -> rows.forEach(row -> touched.add(label + ":" + row.get("id"))));
		return touched;
	}

	/** The relationships a batch writes, as {@code FromLabel:fromId|TYPE|ToLabel:toId}, for the change journal. */
	static List<String> links(Map<List<String>, List<Map<String, Object>>> relationships) {
		List<String> links = new ArrayList<>();
		relationships.forEach((pattern, rows) -> rows.forEach(row -> links.add(pattern.get(0) + ":" + row.get("from") + "|" + pattern.get(1) + "|"
				+ pattern.get(2) + ":" + row.get("to"))));
		return links;
	}

	/**
	 * Writes a batch's rows. With {@code fastPath} (kept over a whole import), a label or relationship pattern whose
	 * last batch was all new is first written with a plain {@code MERGE ... ON CREATE SET}; only when some of its rows
	 * were there already does the batch go through the statement that merges citations and counts updated and unchanged.
	 */
	void write(Cypher tx, Map<String, List<Map<String, Object>>> nodes,
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
			if (DerivedKeys.NAMED_LABELS.contains(label)) {
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
			keys.add(Map.of("id", r.get("id").asString(), "keys",
					DerivedKeys.nameKeys(r.get("name").asString(null), r.get("aliases").asList(Value::asString))));
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
