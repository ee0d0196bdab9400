package io.ipgraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts on one data directory: data written before the stop is there after it, the seed is not loaded twice, and an
 * applied migration edited since stops the start and leaves the store free.
 */
class RestartTest {

	@Test
	void restartKeepsDataAndDoesNotDuplicateTheSeed(@TempDir Path dataDir) throws Exception {
		Map<String, Long> first;
		try (ConfigurableApplicationContext app = start(dataDir)) {
			first = counts(app);
			assertThat(first.get("companies")).isPositive();
			app.getBean(GraphStore.class)
				.write("CREATE (:Source {id: 'src:analyst-note-restart', title: 'Analyst note', kind: 'analyst-note', sourceIds: [], quotes: []})",
						Map.of());
			assertThat(graphql(app, "{ companies(limit: 100) { id } }")).contains("company:actionsoft");
		}
		try (ConfigurableApplicationContext app = start(dataDir)) {
			Map<String, Long> second = counts(app);
			assertThat(second.get("companies")).isEqualTo(first.get("companies"));
			assertThat(second.get("relationships")).isEqualTo(first.get("relationships"));
			assertThat(second.get("nodes")).isEqualTo(first.get("nodes") + 1);
			assertThat(graphql(app, "{ source(id: \"src:analyst-note-restart\") { title } }")).contains("Analyst note");
			app.getBean(GraphStore.class).write("MATCH (m:IpgraphMigration {version: 1}) SET m.realChecksum = m.checksum, m.checksum = 'edited'", Map.of());
		}
		// an applied migration that no longer matches its file stops the start, with the reason, before the port opens
		assertThatThrownBy(() -> start(dataDir).close()).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Migration V0001__Unique_ids.cypher changed after it was applied");
		// and the failed start released the store: with the checksum back, the next start opens it
		try (var db = io.ipgraph.embedded.EmbeddedNeo4j.start(new io.ipgraph.embedded.EmbeddedNeo4jProperties(dataDir, "localhost", 0, "32m", null, true, 0))) {
			db.database("neo4j").executeTransactionally("MATCH (m:IpgraphMigration {version: 1}) SET m.checksum = m.realChecksum REMOVE m.realChecksum");
		}
		try (ConfigurableApplicationContext app = start(dataDir)) {
			assertThat(counts(app).get("companies")).isEqualTo(first.get("companies"));
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(IpgraphApplication.class)
			.run("--server.port=0", "--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=64m", "--ipgraph.embedded.data-dir=" + dataDir.toAbsolutePath());
	}

	private static Map<String, Long> counts(ConfigurableApplicationContext app) {
		var r = app.getBean(GraphStore.class).read("""
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH (c:Company) RETURN count(c) AS companies }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				RETURN nodes, companies, relationships""", Map.of()).getFirst();
		return Map.of("nodes", r.get("nodes").asLong(), "companies", r.get("companies").asLong(), "relationships",
				r.get("relationships").asLong());
	}

	private static String graphql(ConfigurableApplicationContext app, String query) throws Exception {
		String port = app.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", GraphQlClient.basic("analyst"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + quote(query) + "}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
