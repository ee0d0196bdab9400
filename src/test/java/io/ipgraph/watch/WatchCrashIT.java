package io.ipgraph.watch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import io.ipgraph.GraphQlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application killed (SIGKILL) between a change and the delivery of its alert: after the restart the
 * alert is there once and is delivered once. The first process imports a conflicting registration while the webhook
 * refuses, so its alert waits in the outbox; then it imports a second one and is killed at once, wherever the
 * evaluation of that change stands. The second process, on the same store, with the webhook taking deliveries again,
 * ends with exactly two alerts, each delivered exactly once.
 */
class WatchCrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Deliveries the webhook took: the alert id in each. */
	private final List<String> taken = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	private final AtomicBoolean accepting = new AtomicBoolean(false);

	@Test
	void aKillBetweenTheChangeAndTheDeliveryNeitherLosesNorDuplicatesTheAlert(@TempDir Path work) throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
			String alert = body.get("alert").get("id").asString();
			boolean take = this.accepting.get();
			(take ? this.taken : this.refused).add(alert);
			exchange.sendResponseHeaders(take ? 204 : 503, -1);
			exchange.close();
		});
		receiver.start();
		try {
			Path jar = jar();
			String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
			String watchId;
			String first;
			Process app = start(jar, work, port());
			try {
				int port = portOf(app);
				watchId = graphql(port, "mutation { watchMark(text: \"KESTRALON\", classes: [9], territories: [\"CN\"], webhookUrl: \"" + hook
						+ "\") { watch { id } existingCount } }").get("watchMark").get("watch").get("id").asString();
				importFile(port, registration("CTMO:91000001", "KESTRALONE"));
				await().atMost(Duration.ofSeconds(20)).until(() -> alerts(port, watchId).size() == 1 && !this.refused.isEmpty());
				first = alerts(port, watchId).getFirst();
				assertThat(this.taken).isEmpty();
				importFile(port, registration("CTMO:91000002", "KESTRALONS"));
			}
			finally {
				app.destroyForcibly();
				app.waitFor(60, TimeUnit.SECONDS);
			}
			this.accepting.set(true);
			Process again = start(jar, work, port());
			try {
				int port = portOf(again);
				await().atMost(Duration.ofSeconds(60)).until(() -> delivered(port, watchId) == 2);
				List<String> alerts = alerts(port, watchId);
				assertThat(alerts).as("both changes alerted, once each").hasSize(2).contains(first);
				assertThat(this.taken).as("each alert delivered once").containsExactlyInAnyOrderElementsOf(alerts);
			}
			finally {
				again.destroy();
				if (!again.waitFor(60, TimeUnit.SECONDS)) {
					again.destroyForcibly();
				}
			}
		}
		finally {
			receiver.stop(0);
		}
	}

	private int httpPort;

	private Process start(Path jar, Path work, int port) throws IOException {
		this.httpPort = port;
		String editor = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("editor-test-pw");
		Path log = work.resolve("ipgraph-" + System.nanoTime() + ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=" + port, "--ipgraph.embedded.bolt-port=0",
				"--ipgraph.embedded.page-cache=64m", "--ipgraph.embedded.data-dir=" + work.resolve("neo4j"),
				"--ipgraph.security.users.editor.password=" + editor, "--ipgraph.security.users.editor.roles=EDITOR",
				"--ipgraph.watches.first-retry=200ms", "--ipgraph.watches.max-retry=1s"));
		return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits for the process to answer GraphQL; its port. */
	private int portOf(Process app) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(app.isAlive()).as("ipgraph stopped").isTrue();
			try {
				return graphql(this.httpPort, "{ watches { id } }").has("watches");
			}
			catch (IOException | RuntimeException | AssertionError notYet) {
				return false;
			}
		});
		return this.httpPort;
	}

	private static int port() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("ipgraph-.*\\.jar") && !p.toString().contains("plain"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/ (run ./mvnw verify)"))
				.toAbsolutePath();
		}
	}

	private static String registration(String id, String text) {
		String number = id.substring(id.indexOf(':') + 1);
		return """
				{"kind":"node","label":"Source","id":"src:crash-test","properties":{"title":"Registry extract (crash test)","kind":"registry-record"}}
				{"kind":"node","label":"Registration","id":"%s","properties":{"office":"CTMO","number":"%s","jurisdiction":"CN","markText":"%s","classes":[9],"filedOn":"2026-06-01","status":"applied"},"sources":[{"id":"src:crash-test","quote":"row %s"}]}
				""".formatted(id, number, text, number);
	}

	private static List<String> alerts(int port, String watchId) throws IOException, InterruptedException {
		List<String> ids = new ArrayList<>();
		graphql(port, "{ alerts(watchId: \"" + watchId + "\") { id } }").get("alerts").forEach(a -> ids.add(a.get("id").asString()));
		return ids;
	}

	private static long delivered(int port, String watchId) throws IOException, InterruptedException {
		JsonNode alerts = graphql(port, "{ alerts(watchId: \"" + watchId + "\") { id delivery { state } } }").get("alerts");
		long n = 0;
		for (JsonNode a : alerts) {
			n += a.get("delivery").get("state").asString().equals("delivered") ? 1 : 0;
		}
		return n;
	}

	private static void importFile(int port, String file) throws IOException, InterruptedException {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import?name=crash.jsonl"))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", GraphQlClient.basic("editor"))
			.POST(HttpRequest.BodyPublishers.ofString(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	private static JsonNode graphql(int port, String query) throws IOException, InterruptedException {
		HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", GraphQlClient.basic("editor"))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode body = JSON.readTree(answer.body());
		assertThat(body.has("errors")).as(answer.body()).isFalse();
		return body.get("data");
	}

}
