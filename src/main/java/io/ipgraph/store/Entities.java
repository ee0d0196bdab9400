package io.ipgraph.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Entities by id, whatever their kind: found, tested and typed through {@link GraphStore#read}, so with the reader's
 * visibility. A look-up is one index seek per label in one query (a label-less match would scan every node).
 */
@Component
public class Entities {

	private final GraphModel model;

	private final GraphStore store;

	public Entities(GraphModel model, GraphStore store) {
		this.model = model;
		this.store = store;
	}

	/** The entity {@code id} as a row with its type name, when it exists and the reader may see it. */
	public Optional<Map<String, Object>> find(String id) {
		List<Record> records = this.store.read(visibleAnchor("id", "n") + " RETURN n {.*} AS node, labels(n) AS labels LIMIT 1", Map.of("id", id));
		return records.stream().findFirst().map(r -> EntityRow.node(r.get("node"), typeOf(r.get("labels"))));
	}

	/** {@link #find}, or a clear error naming the id. */
	public Map<String, Object> require(String id) {
		return find(id).orElseThrow(() -> unknown(id));
	}

	/** Whether the entity {@code id} exists and the reader may see it. */
	public boolean exists(String id) {
		return !this.store.read(visibleAnchor("id", "n") + " RETURN n.id AS id LIMIT 1", Map.of("id", id)).isEmpty();
	}

	/** The GraphQL type of the entity {@code id}, when it exists and the reader may see it. */
	public Optional<String> kindOf(String id) {
		return this.store.read(visibleAnchor("id", "n") + " RETURN labels(n) AS labels LIMIT 1", Map.of("id", id))
			.stream()
			.findFirst()
			.map(r -> typeOf(r.get("labels")));
	}

	/** The current version of the entity {@code id} (0 before its first edit), for every entity, hidden or not. */
	public Optional<Long> versionOfAny(String id) {
		return this.store.readEverything(anchor("id", "n") + " RETURN coalesce(n.version, 0) AS version", Map.of("id", id))
			.stream()
			.findFirst()
			.map(r -> r.get("version").asLong());
	}

	/** {@link #versionOfAny} of many entities in one read, by id (an id that names no entity is left out). */
	public Map<String, Long> versionsOfAny(List<String> ids) {
		String byId = this.model.entityLabels()
			.stream()
			.map(label -> "MATCH (n:`" + label + "` {id: id}) RETURN n")
			.collect(Collectors.joining(" UNION "));
		Map<String, Long> versions = new java.util.HashMap<>();
		for (Record r : this.store.readEverything("UNWIND $ids AS id CALL (id) { " + byId + " } RETURN id, coalesce(n.version, 0) AS version",
				Map.of("ids", ids))) {
			versions.put(r.get("id").asString(), r.get("version").asLong());
		}
		return versions;
	}

	/** In a write transaction: the entity {@code id} with its labels' type, hidden or not. */
	public Optional<Map<String, Object>> findAny(TransactionContext tx, String id) {
		return tx.run(anchor("id", "n") + " RETURN n {.*} AS node, labels(n) AS labels", Map.of("id", id))
			.list()
			.stream()
			.findFirst()
			.map(r -> EntityRow.node(r.get("node"), typeOf(r.get("labels"))));
	}

	/** The error for an id that names no entity the reader may see. */
	public static BadRequestException unknown(String id) {
		return new BadRequestException("No entity with id '" + id + "'");
	}

	private String typeOf(Value labels) {
		return this.model.typeForLabels(labels.asList(Value::asString));
	}

	/**
	 * A Cypher clause binding {@code variable} to the entity whose id is the parameter {@code parameter}, hidden or
	 * not (for writes and for the reads that must see everything).
	 */
	public String anchor(String parameter, String variable) {
		return anchor(parameter, variable, "");
	}

	/** Like {@link #anchor}, but only an entity the current reader may see (for read queries through GraphStore.read). */
	public String visibleAnchor(String parameter, String variable) {
		return anchor(parameter, variable, " WHERE " + GraphStore.visible(variable));
	}

	private String anchor(String parameter, String variable, String condition) {
		GraphModel.requireIdentifier(parameter);
		GraphModel.requireIdentifier(variable);
		String union = this.model.entityLabels()
			.stream()
			.map(label -> "MATCH (" + variable + ":`" + label + "` {id: $" + parameter + "})" + condition + " RETURN " + variable)
			.collect(Collectors.joining(" UNION "));
		return "CALL () { " + union + " }";
	}

}
