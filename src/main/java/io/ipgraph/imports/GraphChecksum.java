package io.ipgraph.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * A fingerprint of the graph's content: counts per label and relationship type, and a SHA-256 over every node
 * (labels, id, properties) and relationship (ends' ids, type, properties) in a stable order. Two databases
 * with the same fingerprint hold the same graph, whatever their internal ids. What an export leaves out is
 * left out here too: ipgraph's bookkeeping (applied migrations, loaded seeds) and analysts' judgements with their
 * links, which belong to one database.
 */
@Service
public class GraphChecksum {

	private static final int PAGE = 10_000;

	private static final List<String> SKIP_LABELS = List.copyOf(GraphExport.NOT_EXPORTED_LABELS);

	private static final List<String> SKIP_TYPES = List.of("SAME_AS", "CONCERNS");

	private final GraphStore store;

	GraphChecksum(GraphStore store) {
		this.store = store;
	}

	/**
	 * Counts per label and per type, and the content digest. A node with two labels (a restricted one: its kind and
	 * {@code Restricted}) is counted under each label, and once in {@link #nodes()}.
	 */
	public record Fingerprint(Map<String, Long> labels, Map<String, Long> types, String sha256, long nodes) {

		public Fingerprint(Map<String, Long> labels, Map<String, Long> types, String sha256) {
			this(labels, types, sha256, labels.values().stream().mapToLong(Long::longValue).sum());
		}

		public long relationships() {
			return this.types.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public Fingerprint fingerprint() {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Long> labels = new TreeMap<>();
		Map<String, Long> types = new TreeMap<>();
		long nodes = 0;
		String after = "";
		while (true) {
			List<Record> page = this.store.readEverything("""
					MATCH (n) WHERE n.id > $after AND NOT any(l IN labels(n) WHERE l IN $skip)
					RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id LIMIT $page""",
					Map.of("after", after, "page", PAGE, "skip", SKIP_LABELS));
			for (Record r : page) {
				List<String> ls = r.get("labels").asList(Value::asString).stream().sorted().toList();
				ls.forEach(l -> labels.merge(l, 1L, Long::sum));
				nodes++;
				digest.update(("N" + ls + r.get("id").asString() + canonical(r.get("props").asMap())).getBytes(StandardCharsets.UTF_8));
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.getLast().get("id").asString();
		}
		// relationships, in the order of their start node's id, then type, end and properties
		after = "";
		while (true) {
			List<Record> page = this.store.readEverything("""
					MATCH (a) WHERE a.id > $after AND NOT any(l IN labels(a) WHERE l IN $skip)
					WITH a ORDER BY a.id LIMIT $page
					OPTIONAL MATCH (a)-[r]->(b) WHERE NOT type(r) IN $types AND NOT any(l IN labels(b) WHERE l IN $skip)
					RETURN a.id AS id, collect([type(r), b.id, properties(r)]) AS rels""",
					Map.of("after", after, "page", PAGE, "skip", SKIP_LABELS, "types", SKIP_TYPES));
			for (Record r : page) {
				List<String> rels = r.get("rels").asList(v -> v.get(0).isNull() ? null
						: v.get(0).asString() + "|" + v.get(1).asString(null) + "|" + canonical(v.get(2).asMap()));
				List<String> sorted = rels.stream().filter(java.util.Objects::nonNull).sorted().toList();
				for (String rel : sorted) {
					types.merge(rel.substring(0, rel.indexOf('|')), 1L, Long::sum);
					digest.update(("R" + r.get("id").asString() + "|" + rel).getBytes(StandardCharsets.UTF_8));
				}
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.getLast().get("id").asString();
		}
		return new Fingerprint(labels, types, HexFormat.of().formatHex(digest.digest()), nodes);
	}

	/** Properties as text with sorted keys, so equal maps give equal text. */
	static String canonical(Map<String, Object> properties) {
		Map<String, Object> sorted = new TreeMap<>(properties);
		// an edit's version counts edits made in this database; a copy starts its own count
		sorted.remove("version");
		return sorted.toString();
	}

}
