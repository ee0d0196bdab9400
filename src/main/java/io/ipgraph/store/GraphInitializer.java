package io.ipgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipgraph.embedded.EmbeddedNeo4j;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Brings the database to the schema and data this version expects, before the HTTP port opens: applies the
 * migrations in {@code cypher/migrations} (each version once, checksums verified) and loads the seed cases in
 * {@code cypher/seed} on first start, in one transaction, so a failed seed leaves nothing behind.
 */
@Component
class GraphInitializer implements GraphPreparation {

	private static final Logger log = LoggerFactory.getLogger(GraphInitializer.class);

	private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__(.+)\\.cypher");

	private static final Pattern SCHEMA_COMMAND = Pattern.compile("(?is)\\s*(CREATE|DROP)\\s+(\\w+\\s+)?(INDEX|CONSTRAINT)\\b.*");

	private final GraphStore store;

	private final Neo4jConnectionProperties properties;

	/** The embedded database, read directly for the checks of a restart; null with a Neo4j server. */
	private final GraphDatabaseService embedded;

	GraphInitializer(GraphStore store, Neo4jConnectionProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
		this.store = store;
		this.properties = properties;
		EmbeddedNeo4j db = embedded.getIfAvailable();
		this.embedded = (db == null) ? null : db.database(properties.database());
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public void prepare() {
		migrate();
		if (this.properties.seed()) {
			seed();
		}
	}

	void migrate() {
		Map<Long, String> applied = appliedMigrations();
		List<CypherScript> pending = new ArrayList<>();
		for (CypherScript script : CypherScript.load("classpath:cypher/migrations/*.cypher")) {
			long version = version(script);
			String checksum = applied.get(version);
			if (checksum == null) {
				pending.add(script);
			}
			else if (!checksum.equals(script.checksum())) {
				throw new IllegalStateException("Migration " + script.name()
						+ " changed after it was applied; add a new migration instead of editing an applied one");
			}
		}
		if (pending.isEmpty()) {
			awaitIndexes();
			return;
		}
		try (Session session = this.store.driver().session(this.store.sessionConfig())) {
			session.run("CREATE CONSTRAINT ipgraph_migration_version IF NOT EXISTS "
					+ "FOR (m:IpgraphMigration) REQUIRE m.version IS UNIQUE").consume();
			for (CypherScript script : pending) {
				apply(session, script.statements());
				session.executeWriteWithoutResult(tx -> tx.run(
						"CREATE (:IpgraphMigration {version: $v, description: $d, checksum: $c, appliedAt: datetime()})",
						Map.of("v", version(script), "d", versioned(script).group(2).replace('_', ' '), "c", script.checksum())).consume());
				log.info("Applied migration {}", script.name());
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
	}

	/*
	 * On a restart the checks below are all there is to do. With the embedded database they read it directly, without
	 * Cypher: on a cold JVM each distinct query costs a compilation, and the three of them took about 3 s of a 14 s start.
	 */

	/** Version and checksum of every migration applied so far. */
	private Map<Long, String> appliedMigrations() {
		Map<Long, String> applied = new HashMap<>();
		if (this.embedded == null) {
			this.store.readEverything("MATCH (m:IpgraphMigration) RETURN m.version AS version, m.checksum AS checksum", Map.of())
				.forEach(r -> applied.put(r.get("version").asLong(), r.get("checksum").asString()));
			return applied;
		}
		try (Transaction tx = this.embedded.beginTx()) {
			tx.findNodes(Label.label("IpgraphMigration"))
				.forEachRemaining(n -> applied.put(((Number) n.getProperty("version")).longValue(), (String) n.getProperty("checksum")));
		}
		return applied;
	}

	private boolean seedLoaded(CypherScript script) {
		if (this.embedded == null) {
			return this.store
				.readEverything("MATCH (s:IpgraphSeed {name: $n, checksum: $c}) RETURN count(s) > 0 AS done",
						Map.of("n", script.name(), "c", script.checksum()))
				.getFirst()
				.get("done")
				.asBoolean();
		}
		try (Transaction tx = this.embedded.beginTx(); var seeds = tx.findNodes(Label.label("IpgraphSeed"), "name", script.name())) {
			return seeds.stream().anyMatch(n -> script.checksum().equals(n.getProperty("checksum", null)));
		}
	}

	private void awaitIndexes() {
		if (this.embedded == null) {
			this.store.readEverything("CALL db.awaitIndexes(300)", Map.of());
			return;
		}
		try (Transaction tx = this.embedded.beginTx()) {
			tx.schema().awaitIndexesOnline(300, TimeUnit.SECONDS);
		}
	}

	private static long version(CypherScript script) {
		return Long.parseLong(versioned(script).group(1));
	}

	/** The file name's parts: version and description. */
	private static Matcher versioned(CypherScript script) {
		Matcher m = VERSIONED.matcher(script.name());
		if (!m.matches()) {
			throw new IllegalStateException("Migration file " + script.name() + " must be named V<n>__<description>.cypher");
		}
		return m;
	}

	/**
	 * Runs a migration's statements in order. Consecutive schema commands (indexes, constraints) share one
	 * transaction, so Neo4j creates their indexes together instead of one after another (on a first start, 17
	 * constraints took 9.8 s one by one); anything else runs on its own, as Neo4j does not mix schema and data
	 * changes in one transaction.
	 */
	private static void apply(Session session, List<String> statements) {
		List<String> schema = new ArrayList<>();
		for (String statement : statements) {
			if (SCHEMA_COMMAND.matcher(statement).matches()) {
				schema.add(statement);
				continue;
			}
			applySchema(session, schema);
			session.run(statement).consume();
		}
		applySchema(session, schema);
	}

	private static void applySchema(Session session, List<String> statements) {
		if (statements.isEmpty()) {
			return;
		}
		List<String> batch = List.copyOf(statements);
		statements.clear();
		session.executeWriteWithoutResult(tx -> batch.forEach(statement -> tx.run(statement).consume()));
	}

	void seed() {
		List<CypherScript> scripts = CypherScript.load("classpath:cypher/seed/*.cypher");
		try (Session session = this.store.driver().session(this.store.sessionConfig())) {
			for (CypherScript script : scripts) {
				boolean done = seedLoaded(script);
				if (done) {
					log.info("Seed {} already loaded", script.name());
					continue;
				}
				List<String> statements = script.statements();
				session.executeWriteWithoutResult(tx -> {
					for (String statement : statements) {
						tx.run(statement).consume();
					}
					tx.run("MERGE (s:IpgraphSeed {name: $n}) SET s.checksum = $c, s.loadedAt = datetime()",
							Map.of("n", script.name(), "c", script.checksum()))
						.consume();
				});
				log.info("Loaded seed {} ({} statements)", script.name(), statements.size());
			}
		}
	}

}
