package io.ipgraph;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application against the official Neo4j image instead of the embedded database, as
 * {@code NEO4J_URI} configures it. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jServerIT {

	@Container
	static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community").withAdminPassword("ipgraph-test");

	@Test
	void startsWithoutAnEmbeddedDatabaseAndSeedsTheServer() {
		try (var app = new SpringApplicationBuilder(IpgraphApplication.class)
			.run("--server.port=0", "--ipgraph.neo4j.uri=" + NEO4J.getBoltUrl(), "--ipgraph.neo4j.password=ipgraph-test")) {
			assertThat(app.getBeanNamesForType(io.ipgraph.embedded.EmbeddedNeo4j.class)).isEmpty();
			var rows = app.getBean(io.ipgraph.store.GraphStore.class)
				.read("MATCH (c:Company {id: 'company:actionsoft'}) RETURN c.name AS name", java.util.Map.of());
			assertThat(rows).hasSize(1);
		}
	}

}
