package io.ipgraph.imports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Writes the graph, or the part of it around some entities, in the import format: Source nodes first, then the
 * other nodes, then the relationships, each with its sources. Importing the file into an empty database gives
 * the same graph (see {@link GraphChecksum}). Left out: ipgraph's bookkeeping, the keys it derives (the import
 * derives them again), {@code ABOUT} links of disputed claims (the import makes them from {@code subjectId}),
 * and analysts' entity-resolution judgements with their {@code SAME_AS} links, which belong to this database.
 */
@Service
public class GraphExport {

	static final Set<String> NOT_EXPORTED_LABELS = Set.of("IpgraphMigration", "IpgraphSeed", "Judgement", "Change", "Retracted", "Watch",
			"Alert", "Delivery");

	static final Set<String> NOT_EXPORTED_TYPES = Set.of("ABOUT", "SAME_AS", "CONCERNS");

	private static final int PAGE = 5000;

	private final GraphStore store;

	private final JsonMapper json = JsonMapper.builder().build();

	GraphExport(GraphStore store) {
		this.store = store;
	}

	/** Counts of what was written. */
	public record Exported(long nodes, long relationships) {
	}

	/** The whole graph. */
	public Exported all(Writer out) throws IOException {
		long nodes = 0;
		long relationships = 0;
		// sources first, claims last: what a line refers to comes before it
		for (int pass = 0; pass < 3; pass++) {
			String after = "";
			while (true) {
				List<Record> page = this.store.read("""
						MATCH (n) WHERE n.id > $after AND CASE WHEN n:Source THEN 0 WHEN n:Assertion THEN 2 ELSE 1 END = $pass
						  AND NOT any(l IN labels(n) WHERE l IN $skip)
						RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id LIMIT $page""",
						Map.of("after", after, "pass", pass, "skip", List.copyOf(NOT_EXPORTED_LABELS), "page", PAGE));
				for (Record r : page) {
					writeNode(out, r);
					nodes++;
				}
				if (page.size() < PAGE) {
					break;
				}
				after = page.getLast().get("id").asString();
			}
		}
		String after = "";
		while (true) {
			List<Record> page = this.store.read("""
					MATCH (a) WHERE a.id > $after AND NOT any(l IN labels(a) WHERE l IN $skip)
					WITH a ORDER BY a.id LIMIT $page
					OPTIONAL MATCH (a)-[r]->(b) WHERE NOT type(r) IN $types AND NOT any(l IN labels(b) WHERE l IN $skip)
					RETURN a.id AS id, collect({type: type(r), to: b.id, props: properties(r)}) AS rels""",
					Map.of("after", after, "skip", List.copyOf(NOT_EXPORTED_LABELS), "types", List.copyOf(NOT_EXPORTED_TYPES), "page", PAGE));
			for (Record r : page) {
				for (Value rel : r.get("rels").values()) {
					if (!rel.get("type").isNull()) {
						writeRelationship(out, r.get("id").asString(), rel.get("type").asString(), rel.get("to").asString(), rel.get("props").asMap());
						relationships++;
					}
				}
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.getLast().get("id").asString();
		}
		out.flush();
		return new Exported(nodes, relationships);
	}

	/**
	 * The entities within {@code hops} relationships of {@code ids} (every type but the excluded ones), the
	 * relationships among them, and the Source nodes they cite.
	 */
	public Exported around(List<String> ids, int hops, Writer out) throws IOException {
		if (ids.isEmpty() || hops < 0 || hops > 4) {
			throw new IllegalArgumentException("give at least one id, and hops between 0 and 4");
		}
		List<Record> nodes = this.store.read("""
				UNWIND $ids AS id
				MATCH (start) WHERE start.id = id AND NOT any(l IN labels(start) WHERE l IN $skip)
				MATCH (start)-[rs*0..%d]-(n) WHERE all(r IN rs WHERE NOT type(r) IN $types) AND NOT any(l IN labels(n) WHERE l IN $skip)
				WITH DISTINCT n
				RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id""".formatted(hops),
				Map.of("ids", ids, "skip", List.copyOf(NOT_EXPORTED_LABELS), "types", List.copyOf(NOT_EXPORTED_TYPES)));
		if (nodes.isEmpty()) {
			throw new IllegalArgumentException("No entity with id " + ids);
		}
		List<String> nodeIds = nodes.stream().map(r -> r.get("id").asString()).toList();
		List<String> cited = new ArrayList<>();
		List<Record> rels = this.store.read("""
				MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND NOT type(r) IN $types
				RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to""",
				Map.of("ids", nodeIds, "types", List.copyOf(NOT_EXPORTED_TYPES)));
		nodes.forEach(r -> cited.addAll(strings(r.get("props").asMap().get("sourceIds"))));
		rels.forEach(r -> cited.addAll(strings(r.get("props").asMap().get("sourceIds"))));
		List<Record> sources = this.store.read("""
				MATCH (s:Source) WHERE s.id IN $ids AND NOT s.id IN $inside
				RETURN s.id AS id, labels(s) AS labels, properties(s) AS props ORDER BY s.id""",
				Map.of("ids", cited.stream().distinct().toList(), "inside", nodeIds));
		long written = 0;
		for (Record r : sources) {
			writeNode(out, r);
			written++;
		}
		for (boolean sourcePass : new boolean[] { true, false }) {
			for (Record r : nodes) {
				if (r.get("labels").asList(Value::asString).contains("Source") == sourcePass) {
					writeNode(out, r);
					written++;
				}
			}
		}
		for (Record r : rels) {
			writeRelationship(out, r.get("from").asString(), r.get("type").asString(), r.get("to").asString(), r.get("props").asMap());
		}
		out.flush();
		return new Exported(written, rels.size());
	}

	private void writeNode(Writer out, Record r) throws IOException {
		Map<String, Object> props = new TreeMap<>(r.get("props").asMap());
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("kind", "node");
		line.put("label", r.get("labels").asList(Value::asString).stream().filter(l -> !NOT_EXPORTED_LABELS.contains(l)).findFirst().orElseThrow());
		line.put("id", r.get("id").asString());
		List<Map<String, Object>> sources = citations(props);
		props.remove("id");
		ImportValidator.DERIVED.forEach(props::remove);
		line.put("properties", props);
		if (!sources.isEmpty()) {
			line.put("sources", sources);
		}
		out.write(this.json.writeValueAsString(line));
		out.write('\n');
	}

	private void writeRelationship(Writer out, String from, String type, String to, Map<String, Object> properties) throws IOException {
		Map<String, Object> props = new TreeMap<>(properties);
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("kind", "relationship");
		line.put("type", type);
		line.put("from", from);
		line.put("to", to);
		if (props.get("importKey") != null) {
			line.put("key", props.get("importKey"));
		}
		List<Map<String, Object>> sources = citations(props);
		ImportValidator.DERIVED.forEach(props::remove);
		if (!props.isEmpty()) {
			line.put("properties", props);
		}
		line.put("sources", sources);
		out.write(this.json.writeValueAsString(line));
		out.write('\n');
	}

	private static List<Map<String, Object>> citations(Map<String, Object> props) {
		List<String> ids = strings(props.get("sourceIds"));
		List<String> quotes = strings(props.get("quotes"));
		List<Map<String, Object>> sources = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			Map<String, Object> citation = new HashMap<>();
			citation.put("id", ids.get(i));
			citation.put("quote", i < quotes.size() ? quotes.get(i) : "");
			sources.add(citation);
		}
		return sources;
	}

	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
