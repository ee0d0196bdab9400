package io.ipgraph.store;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final GraphStore store;

	private final Neo4jConnectionProperties properties;

	GraphInitializer(GraphStore store, Neo4jConnectionProperties properties) {
		this.store = store;
		this.properties = properties;
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
		try (Session session = this.store.driver().session(this.store.sessionConfig())) {
			session.run("CREATE CONSTRAINT ipgraph_migration_version IF NOT EXISTS "
					+ "FOR (m:IpgraphMigration) REQUIRE m.version IS UNIQUE").consume();
			for (CypherScript script : CypherScript.load("classpath*:cypher/migrations/*.cypher")) {
				Matcher m = VERSIONED.matcher(script.name());
				if (!m.matches()) {
					throw new IllegalStateException("Migration file " + script.name() + " must be named V<n>__<description>.cypher");
				}
				long version = Long.parseLong(m.group(1));
				var applied = session
					.executeRead(tx -> tx.run("MATCH (m:IpgraphMigration {version: $v}) RETURN m.checksum AS checksum",
							Map.of("v", version)).list());
				if (!applied.isEmpty()) {
					String checksum = applied.getFirst().get("checksum").asString();
					if (!checksum.equals(script.checksum())) {
						throw new IllegalStateException("Migration " + script.name()
								+ " changed after it was applied; add a new migration instead of editing an applied one");
					}
					continue;
				}
				for (String statement : script.statements()) {
					session.run(statement).consume();
				}
				session.executeWriteWithoutResult(tx -> tx.run(
						"CREATE (:IpgraphMigration {version: $v, description: $d, checksum: $c, appliedAt: datetime()})",
						Map.of("v", version, "d", m.group(2).replace('_', ' '), "c", script.checksum())).consume());
				log.info("Applied migration {}", script.name());
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
	}

	void seed() {
		List<CypherScript> scripts = CypherScript.load("classpath*:cypher/seed/*.cypher");
		try (Session session = this.store.driver().session(this.store.sessionConfig())) {
			for (CypherScript script : scripts) {
				boolean done = session.executeRead(tx -> tx
					.run("MATCH (s:IpgraphSeed {name: $n, checksum: $c}) RETURN count(s) > 0 AS done",
							Map.of("n", script.name(), "c", script.checksum()))
					.single()
					.get("done")
					.asBoolean());
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
