package io.ipgraph.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.types.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Read queries against the embedded database in the same process, without Bolt: no serialisation, no network hop and
 * no hand-over between the driver's and the server's threads. The answer has the driver's types (records, values,
 * nodes), and failures the driver's exceptions, so callers cannot tell which way a read went; writes keep going
 * through the driver. Used only when Neo4j is embedded ({@code ipgraph.embedded.in-process-reads}, on by default).
 */
final class InProcessReads {

	private final GraphDatabaseAPI database;

	InProcessReads(GraphDatabaseService database) {
		this.database = (GraphDatabaseAPI) database;
	}

	List<Record> read(String cypher, Map<String, Object> parameters, Duration timeout, Visibility visibility) {
		// never committed: the transaction is rolled back when closed; the reader's visibility is the kernel's to apply
		try (Transaction tx = this.database.beginTransaction(KernelTransaction.Type.EXPLICIT, visibility.login(),
				ClientConnectionInfo.EMBEDDED_CONNECTION, timeout.toMillis(), TimeUnit.MILLISECONDS);
				Result result = tx.execute(cypher, parameters)) {
			if (result.getQueryExecutionType().queryType() != QueryExecutionType.QueryType.READ_ONLY) {
				// what a read transaction over Bolt answers to a query that writes
				throw translate("Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed: a read query may not write ("
						+ result.getQueryExecutionType().queryType() + ")", null);
			}
			List<String> keys = result.columns();
			List<Record> records = new ArrayList<>();
			while (result.hasNext()) {
				Map<String, Object> row = result.next();
				List<Value> values = new ArrayList<>(keys.size());
				for (String key : keys) {
					values.add(value(row.get(key)));
				}
				records.add(new InternalRecord(keys, values));
			}
			return records;
		}
		catch (QueryExecutionException ex) {
			throw translate(readOnly(ex.getStatusCode(), ex.getMessage()), ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof Status.HasStatus status) {
				throw translate(readOnly(status.status().code().serialize(), ex.getMessage()), ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	/**
	 * A write refused by the read transaction's access mode is what a read transaction over Bolt answers to a query
	 * that writes: the same code, whichever check caught it first.
	 */
	private static String readOnly(String code, String message) {
		return "Neo.ClientError.Security.Forbidden".equals(code) && message != null && message.contains("with READ")
				? "Neo.ClientError.Statement.AccessMode" : code;
	}

	/** The driver's exception for a Neo4j status code, as a Bolt client would have received it. */
	static RuntimeException translate(String code, String message, Throwable cause) {
		String text = message == null ? code : message;
		// the GQL status the driver gives an error that has only a Neo4j status code
		String gqlStatus = "50N42";
		String description = "error: general processing exception - unexpected error. " + text;
		if (code != null && code.startsWith("Neo.ClientError")) {
			return new ClientException(gqlStatus, description, code, text, Map.of(), cause);
		}
		if (code != null && code.startsWith("Neo.TransientError")) {
			return new TransientException(gqlStatus, description, code, text, Map.of(), cause);
		}
		return new DatabaseException(gqlStatus, description, code, text, Map.of(), cause);
	}

	/** A value of the embedded API as the driver would have decoded it. */
	static Value value(Object value) {
		if (value instanceof Node node) {
			return new InternalNode(node.getId(), node.getElementId(), labels(node), properties(node.getAllProperties())).asValue();
		}
		if (value instanceof Relationship rel) {
			return relationship(rel).asValue();
		}
		if (value instanceof Path path) {
			List<Entity> entities = new ArrayList<>();
			for (var entity : path) {
				if (entity instanceof Node node) {
					entities.add(new InternalNode(node.getId(), node.getElementId(), labels(node), properties(node.getAllProperties())));
				}
				else if (entity instanceof Relationship rel) {
					entities.add(relationship(rel));
				}
			}
			return new InternalPath(entities).asValue();
		}
		if (value instanceof Collection<?> list) {
			List<Value> values = new ArrayList<>(list.size());
			for (Object item : list) {
				values.add(value(item));
			}
			return Values.value(values);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Value> values = new HashMap<>(map.size() * 2);
			map.forEach((k, v) -> values.put((String) k, value(v)));
			return Values.value(values);
		}
		return Values.value(value);
	}

	private static InternalRelationship relationship(Relationship rel) {
		Node start = rel.getStartNode();
		Node end = rel.getEndNode();
		return new InternalRelationship(rel.getId(), rel.getElementId(), start.getId(), start.getElementId(), end.getId(), end.getElementId(),
				rel.getType().name(), properties(rel.getAllProperties()));
	}

	private static List<String> labels(Node node) {
		List<String> labels = new ArrayList<>();
		node.getLabels().forEach(l -> labels.add(l.name()));
		return labels;
	}

	private static Map<String, Value> properties(Map<String, Object> properties) {
		Map<String, Value> values = new HashMap<>(properties.size() * 2);
		properties.forEach((k, v) -> values.put(k, value(v)));
		return values;
	}

}
