package io.ipgraph.store;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphApplication;
import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.embedded.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ipgraph against a Neo4j server that goes away: started while the server is down, it serves DOWN health and a
 * classified GraphQL error (no stack trace, no hang); once the server is up it applies the schema and seed by
 * itself; when the server dies mid-operation and comes back, ipgraph recovers without a restart. The server is a
 * real Neo4j on a real Bolt port, stopped and started by the test.
 */
class DatabaseOutageTest {

	private static final String QUERY = "{\"query\":\"{ company(id: \\\"company:amazon\\\") { name } }\"}";

	@Test
	void startsWithoutTheDatabaseAndRecoversWhenItComesAndGoes(@TempDir Path dir) throws Exception {
		int bolt = freePort();
		EmbeddedNeo4jProperties server = new EmbeddedNeo4jProperties(dir.resolve("server"), "localhost", bolt, "64m", "outage-test-pw");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0",
				"--ipgraph.neo4j.uri=bolt://localhost:" + bolt, "--ipgraph.neo4j.password=outage-test-pw")) {
			String port = app.getEnvironment().getProperty("local.server.port");
			// no database: the app is up, says DOWN, and answers GraphQL with a classified error
			assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);
			HttpResponse<String> down = graphql(port);
			assertThat(down.statusCode()).isEqualTo(200);
			assertThat(down.body()).contains("The graph database is unavailable").doesNotContain("Exception").doesNotContain("at org.");

			// the database arrives: migrations and seed are applied in the background, no restart
			EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(server);
			try {
				awaitAnswer(port, "Amazon.com, Inc.");
				awaitHealthy(port);
			}
			finally {
				neo4j.close();
			}
			// it dies mid-operation: DOWN and classified errors again
			assertThat(graphql(port).body()).contains("The graph database is unavailable");
			assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);
			// and comes back with its data: ipgraph carries on
			neo4j = EmbeddedNeo4j.start(server);
			try {
				awaitAnswer(port, "Amazon.com, Inc.");
				awaitHealthy(port);
			}
			finally {
				neo4j.close();
			}
		}
	}

	private static void awaitAnswer(String port, String expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = graphql(port).body();
			if (last.contains(expected)) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("no answer with " + expected + " within 90 s; last: " + last);
	}

	private static void awaitHealthy(String port) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (get(port, "/actuator/health").statusCode() != 200) {
			assertThat(System.nanoTime()).as("health UP within 60 s").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	private static HttpResponse<String> graphql(String port) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", GraphQlClient.basic("analyst"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String port, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", GraphQlClient.basic("analyst"))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
