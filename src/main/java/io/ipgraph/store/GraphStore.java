package io.ipgraph.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;

import io.ipgraph.embedded.EmbeddedNeo4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one gateway through which ipgraph's read queries reach Neo4j. Reads run in read transactions (so a
 * cluster routes them to readers) with the configured timeout, and every round trip is counted, which lets
 * the tests prove that nested GraphQL fields are batched. With the embedded database, reads run in-process
 * ({@link InProcessReads}) and answer in the driver's types; writes always go through the driver.
 */
@Component
public class GraphStore {

	private final Driver driver;

	private final Neo4jConnectionProperties properties;

	private final AtomicLong roundTrips = new AtomicLong();

	/** Reads in the same process, bypassing Bolt, when Neo4j is embedded; null with a Neo4j server. */
	private final InProcessReads inProcess;

	GraphStore(Driver driver, Neo4jConnectionProperties properties, ObjectProvider<EmbeddedNeo4j> embedded,
			@Value("${ipgraph.embedded.in-process-reads:true}") boolean inProcessReads) {
		this.driver = driver;
		this.properties = properties;
		EmbeddedNeo4j db = embedded.getIfAvailable();
		this.inProcess = (db != null && inProcessReads) ? new InProcessReads(db.database(properties.database())) : null;
	}

	/**
	 * Runs a parameterised read query and returns its records. Every read gets {@code $seeRestricted}: whether the
	 * signed-in user may see restricted entities (editors and admins, and the command line), for queries to filter
	 * with {@link #visible(String)}.
	 */
	public List<Record> read(String cypher, Map<String, Object> parameters) {
		this.roundTrips.incrementAndGet();
		Map<String, Object> withVisibility = new java.util.HashMap<>(parameters);
		withVisibility.put("seeRestricted", io.ipgraph.security.CurrentUser.has("EDITOR"));
		if (this.inProcess != null) {
			return this.inProcess.read(cypher, withVisibility, this.properties.queryTimeout());
		}
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeRead(tx -> tx.run(cypher, withVisibility).list(),
					TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	/** Whether the node bound to {@code variable} may be shown to the reader of the current request. */
	public static String visible(String variable) {
		return "($seeRestricted OR NOT " + variable + ":Restricted)";
	}

	/** Runs a parameterised write query in one transaction and returns its records. */
	public List<Record> write(String cypher, Map<String, Object> parameters) {
		this.roundTrips.incrementAndGet();
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeWrite(tx -> tx.run(cypher, parameters).list(),
					TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	/** Runs several statements in one write transaction (retried by the driver on transient errors). */
	public <T> T inWriteTransaction(TransactionCallback<T> work) {
		this.roundTrips.incrementAndGet();
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeWrite(work, TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	public SessionConfig sessionConfig() {
		return SessionConfig.forDatabase(this.properties.database());
	}

	public Driver driver() {
		return this.driver;
	}

	/** Number of database round trips made through this gateway since start. */
	public long roundTrips() {
		return this.roundTrips.get();
	}

}
