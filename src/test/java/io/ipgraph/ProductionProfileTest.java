package io.ipgraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code production} profile turns GraphiQL, introspection and the schema page off; the query timeout
 * terminates a runaway transaction in Neo4j itself (nothing is left running there).
 */
class ProductionProfileTest {

	@Test
	void developmentToolsAreOffAndRunawayQueriesAreTerminated(@TempDir Path dir) throws Exception {
		try {
			runProduction(dir);
		}
		finally {
			// Spring Boot switches introspection off for the whole JVM (graphql-java's switch): on again for the other tests
			graphql.introspection.Introspection.enabledJvmWide(true);
		}
	}

	private static void runProduction(Path dir) throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).profiles("production")
			.run("--server.port=0", "--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=32m",
					"--ipgraph.embedded.data-dir=" + dir.resolve("neo4j"), "--ipgraph.neo4j.query-timeout=2s")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			assertThat(get(port, "/graphiql").statusCode()).isEqualTo(404);
			assertThat(get(port, "/graphql/schema").statusCode()).isEqualTo(404);
			HttpResponse<String> introspection = post(port, "{\"query\":\"{ __schema { types { name } } }\"}");
			assertThat(introspection.body()).contains("errors").doesNotContain("\"types\"");
			// ordinary queries still work
			assertThat(post(port, "{\"query\":\"{ company(id: \\\"company:amazon\\\") { name } }\"}").body()).contains("Amazon.com, Inc.");

			GraphStore store = app.getBean(GraphStore.class);
			long started = System.nanoTime();
			assertThatThrownBy(() -> store.read("UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n", Map.of()))
				.isInstanceOf(ClientException.class)
				.hasMessageContaining("timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			assertThat(store.read("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
					Map.of()).getFirst().get("n").asLong()).isZero();
		}
	}

	private static HttpResponse<String> get(String port, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", GraphQlClient.basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String port, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", GraphQlClient.basic("analyst"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
