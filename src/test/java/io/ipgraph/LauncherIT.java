package io.ipgraph;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/ipgraph, the README's fast start of the packaged jar: it prepares the extracted jar and its JDK AOT cache, then
 * starts from them on a fresh store and answers GraphQL. The JVM is told to refuse to run without the cache
 * ({@code -XX:AOTMode=on}), so a cache that does not fit the jar fails the test instead of going unnoticed.
 */
class LauncherIT {

	@Test
	void preparesTheAotCacheAndStartsFromItOnAFreshStore(@TempDir Path work) throws Exception {
		Path jar;
		try (var files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("ipgraph-.*\\.jar") && !p.toString().contains("plain"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/ (run ./mvnw verify)"));
		}
		Path launcher = Path.of("bin/ipgraph").toAbsolutePath();
		String prepared = Processes.run(List.of(launcher.toString(), "--prepare-only"), work, 600);
		assertThat(Path.of("target/ipgraph-aot/ipgraph.aot")).isNotEmptyFile();
		assertThat(prepared).contains("AOT cache ready");
		// prepared once per build: a second call finds it
		assertThat(Processes.run(List.of(launcher.toString(), "--prepare-only"), work, 60)).doesNotContain("first start of this build");

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = work.resolve("ipgraph.log");
		ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--server.port=" + port, "--ipgraph.embedded.bolt-port=0",
				"--ipgraph.embedded.data-dir=" + work.resolve("neo4j"),
				"--ipgraph.security.users.analyst.password={bcrypt}$2a$04$GTK1pRQ0MmPNNPzbkLdYGuXG7caa.HaC5hadFaYjXs4ir/mW1Lz.C",
				"--ipgraph.security.users.analyst.roles=ANALYST")
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("IPGRAPH_JAR", jar.toAbsolutePath().toString());
		builder.environment().put("IPGRAPH_JAVA_OPTS", "-XX:AOTMode=on");
		Process app = builder.start();
		try {
			String answer = null;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			while (answer == null && System.nanoTime() < deadline) {
				assertThat(app.isAlive()).as("bin/ipgraph stopped; its log:%n%s", read(log)).isTrue();
				try {
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
						.header("Content-Type", "application/json")
						.header("Authorization", GraphQlClient.basic("analyst"))
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ company(id: \\\"company:amazon\\\") { id name } }\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					answer = response.statusCode() == 200 ? response.body() : null;
				}
				catch (IOException notYet) {
					Thread.sleep(500);
				}
			}
			assertThat(answer).as("no answer within 3 minutes; the log:%n%s", read(log)).isNotNull();
			assertThat(answer).contains("\"id\":\"company:amazon\"").doesNotContain("\"errors\"");
			assertThat(read(log)).contains("Database prepared in").doesNotContain("[aot] An error");
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static String read(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

}
