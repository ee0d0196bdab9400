package io.ipgraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ipgraph as {@code docker-compose.yml} deploys it, without Docker: the packaged jar, started the way the
 * {@code Dockerfile}'s entry point starts it, with the environment the compose file gives it, against a real Neo4j
 * server in a process of its own ({@link Neo4jServerProcess}, authentication on) reached with the {@code neo4j://}
 * routing scheme. ipgraph starts before the server exists (DOWN, classified errors), then applies the migrations and
 * seed to the empty server by itself, answers the example documents, imports, edits and reads the edit back, writes a
 * report and runs the analyses; the server stopped while requests run gives classified errors and DOWN, and once it is
 * back ipgraph answers again without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalNeo4jServerIT {

	private static final String PASSWORD = "server-test-pw";

	private static final String UNAVAILABLE = "The graph database is unavailable";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path work;

	static Neo4jServerProcess server;

	static Process app;

	static int port;

	static Path appLog;

	@BeforeAll
	static void startIpgraphFirstThenTheServer() throws Exception {
		server = Neo4jServerProcess.install(work.resolve("neo4j"), PASSWORD);
		port = Neo4jServerProcess.freePort();
		appLog = work.resolve("ipgraph.log");
		ProcessBuilder builder = new ProcessBuilder(entryPoint())
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(appLog.toFile());
		builder.environment().putAll(composeEnvironment());
		builder.environment().put("IPGRAPH_HTTP_PORT", String.valueOf(port));
		app = builder.start();
		awaitHttp();
		// no server yet: up, DOWN, and a classified error instead of an answer
		assertThat(get("/actuator/health", "analyst").statusCode()).isEqualTo(503);
		assertThat(graphql("analyst", "{ company(id: \"company:amazon\") { name } }").body()).contains(UNAVAILABLE)
			.doesNotContain("Exception");
		server.start();
		awaitAnswer("Amazon.com, Inc.");
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void theServerWantsCredentialsAndTheComposeVariablesAreAllReadByTheApplication() throws Exception {
		try (var anonymous = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
			assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
		String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
		for (String variable : composeService().keySet()) {
			assertThat(configuration).as("application.yml reads %s (docker-compose.yml sets it)", variable)
				.containsPattern("\\$\\{" + Pattern.quote(variable) + "[:}]");
		}
		// IPGRAPH_BROWSER_BOLT_URL: the Browser is sent to the Bolt address the compose file names, as the editor
		HttpResponse<String> browser = get("/browser/", "editor");
		assertThat(browser.statusCode()).isEqualTo(302);
		assertThat(browser.headers().firstValue("location").orElseThrow())
			.contains("dbms=" + composeService().get("IPGRAPH_BROWSER_BOLT_URL").replace("bolt://", "bolt://editor@"));
	}

	@Test
	@Order(2)
	void theEmptyServerGotTheSchemaAndSeedAndAnswersEveryExampleDocument() throws Exception {
		try (var driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", PASSWORD))) {
			var constraints = driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n").execute().records();
			assertThat(constraints.getFirst().get("n").asLong()).isPositive();
			var seed = driver.executableQuery("MATCH (s:Source) RETURN count(s) AS n").execute().records();
			assertThat(seed.getFirst().get("n").asLong()).isPositive();
		}
		JsonNode examples = JSON.readTree(get("/graphiql/examples", "analyst").body());
		assertThat(examples.size()).isGreaterThanOrEqualTo(6);
		for (JsonNode example : examples) {
			JsonNode answer = JSON.readTree(graphql("analyst", example.get("query").asString()).body());
			assertThat(answer.has("errors")).as("%s: %s", example.get("file").asString(), answer).isFalse();
			assertThat(answer.get("data").toString()).as(example.get("file").asString()).containsPattern("\":\"[^\"]+\"");
		}
	}

	@Test
	@Order(3)
	void importsEditsAndReadsTheEditBack() throws Exception {
		String file = """
				{"kind":"node","label":"Source","id":"src:server-it","properties":{"title":"Company register extract (server test)","kind":"registry-record"}}
				{"kind":"node","label":"Company","id":"company:server-it-kestrix","properties":{"name":"Kestrix Shenzhen Co., Ltd.","country":"CN"},"sources":[{"id":"src:server-it","quote":"row 2"}]}
				{"kind":"relationship","type":"PARTNER_OF","from":"company:amazon","to":"company:server-it-kestrix","properties":{"region":"Shenzhen"},"sources":[{"id":"src:server-it","quote":"row 3"}]}
				""";
		HttpResponse<String> imported = HttpClient.newHttpClient().send(request("/api/import?name=server-it.jsonl", "editor")
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(JSON.readTree(imported.body()).toString()).contains("\"rejected\":0");

		String edit = graphql("editor", """
				mutation { updateEntity(id: "company:server-it-kestrix", version: 0, reason: "register says HK",
				  set: [{ name: "country", text: "HK" }], sources: [{ sourceId: "src:server-it", quote: "row 2, corrected" }]) { version } }""")
			.body();
		assertThat(edit).as(edit).contains("\"version\":1");
		// the next request, on another session, reads the write (the sessions share the instance's bookmarks)
		String read = graphql("analyst", "{ company(id: \"company:server-it-kestrix\") { country } }").body();
		assertThat(read).contains("\"country\":\"HK\"");
		String partners = graphql("analyst", "{ company(id: \"company:amazon\") { partners { node { id } } } }").body();
		assertThat(partners).contains("company:server-it-kestrix");
	}

	@Test
	@Order(4)
	void writesAReportAndRunsTheAnalyses() throws Exception {
		HttpResponse<String> report = get("/api/reports/lawsuit:actionsoft-v-amazon-aws?hops=2&format=html", "analyst");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("Beijing ActionSoft v. Amazon and Beijing Sinnet (AWS trademark)").contains("<svg");
		String analyses = graphql("analyst", """
				{ trace(companyId: "company:amazon", jurisdiction: "CN") { partners { __typename } marks { __typename } }
				  paths(from: "company:actionsoft", to: "company:nwcd") { length }
				  timeline(id: "lawsuit:actionsoft-v-amazon-aws") { date title }
				  damagesTotals { currency total }
				  seizureStats { key seizureCount }
				  marksPerOwner(limit: 3) { owner { id } markCount } }""").body();
		JsonNode answer = JSON.readTree(analyses);
		assertThat(answer.has("errors")).as(analyses).isFalse();
		assertThat(answer.at("/data/paths").size()).isPositive();
		assertThat(answer.at("/data/timeline").size()).isPositive();
		assertThat(answer.at("/data/trace/partners").size()).isPositive();
		assertThat(answer.at("/data/marksPerOwner").size()).isPositive();
	}

	@Test
	@Order(5)
	void theServerStoppedDuringRequestsGivesClassifiedErrorsAndIpgraphRecoversWhenItReturns() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		List<String> answers = new CopyOnWriteArrayList<>();
		Thread load = Thread.ofVirtual().start(() -> {
			while (running.get()) {
				try {
					HttpResponse<String> answer = graphql("analyst", "{ company(id: \"company:amazon\") { name partners { node { id } } } }");
					answers.add(answer.statusCode() + " " + answer.body());
				}
				catch (Exception ex) {
					answers.add("client " + ex);
				}
			}
		});
		server.stop();
		assertThat(graphql("analyst", "{ company(id: \"company:amazon\") { name } }").body()).contains(UNAVAILABLE);
		assertThat(get("/actuator/health", "analyst").statusCode()).isEqualTo(503);
		running.set(false);
		load.join();
		assertThat(answers).isNotEmpty().allSatisfy(answer -> assertThat(answer)
			.matches("200 .*(Amazon.com, Inc.|" + UNAVAILABLE + ".*\"classification\":\"UNAVAILABLE\").*")
			.doesNotContain("Exception"));

		server.start();
		awaitAnswer("Amazon.com, Inc.");
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (get("/actuator/health", "analyst").statusCode() != 200) {
			assertThat(System.nanoTime()).as("health UP within 60 s of the server's return").isLessThan(deadline);
			Thread.sleep(250);
		}
		// the edit of the earlier test is still there: the same store
		assertThat(graphql("analyst", "{ company(id: \"company:server-it-kestrix\") { country } }").body()).contains("\"country\":\"HK\"");
	}

	/** The Dockerfile's ENTRYPOINT, with the jar it copies from target/ (the one the README's package command builds). */
	private static List<String> entryPoint() throws Exception {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		Matcher copy = Pattern.compile("COPY --from=build /src/(target/[^ ]+\\.jar) (\\S+)").matcher(dockerfile);
		assertThat(copy.find()).as("the Dockerfile copies the packaged jar").isTrue();
		assertThat(dockerfile).contains("./mvnw -B -q -DskipTests package");
		Path jar;
		String glob = copy.group(1).substring("target/".length());
		try (var files = Files.newDirectoryStream(Path.of("target"), glob)) {
			List<Path> jars = new ArrayList<>();
			files.forEach(jars::add);
			assertThat(jars).as("target/%s (run ./mvnw verify)", glob).hasSize(1);
			jar = jars.getFirst().toAbsolutePath();
		}
		Matcher entry = Pattern.compile("ENTRYPOINT (\\[.*])").matcher(dockerfile);
		assertThat(entry.find()).as("the Dockerfile has an exec-form ENTRYPOINT").isTrue();
		List<String> command = new ArrayList<>();
		for (JsonNode word : JSON.readTree(entry.group(1))) {
			String text = word.asString();
			command.add(text.equals(copy.group(2)) ? jar.toString() : text.equals("java") ? Processes.javaExecutable() : text);
		}
		// the test users (the image has none configured: its first start would create an admin)
		command.add("--spring.config.additional-location=file:" + testUsers());
		return command;
	}

	/** docker-compose.yml's environment of the ipgraph service. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> composeService() throws Exception {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		Map<String, Object> ipgraph = (Map<String, Object>) services.get("ipgraph");
		Map<String, String> environment = new LinkedHashMap<>();
		((Map<String, Object>) ipgraph.get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
		return environment;
	}

	/** That environment here: the host "neo4j" is this machine, ${NEO4J_PASSWORD} the test server's password. */
	private static Map<String, String> composeEnvironment() throws Exception {
		Map<String, String> environment = new LinkedHashMap<>();
		composeService().forEach((name, value) -> environment.put(name,
				value.replace("${NEO4J_PASSWORD}", PASSWORD).replace("://neo4j:7687", "://localhost:" + server.boltPort())));
		assertThat(environment.get("NEO4J_URI")).startsWith("neo4j://");
		return environment;
	}

	private static Path testUsers() throws Exception {
		String config = Files.readString(Path.of("src/test/resources/config/application.yml"));
		Path users = work.resolve("users.yml");
		Files.writeString(users, config.substring(0, config.indexOf("\nspring:")));
		return users;
	}

	private static void awaitHttp() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("ipgraph stopped:%n%s", log()).isTrue();
			try {
				get("/actuator/health", "analyst");
				return;
			}
			catch (java.io.IOException notYet) {
				Thread.sleep(250);
			}
		}
		throw new AssertionError("ipgraph did not listen within 3 minutes:\n" + log());
	}

	private static void awaitAnswer(String expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = graphql("analyst", "{ company(id: \"company:amazon\") { name } }").body();
			if (last.contains(expected)) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no answer with " + expected + " within 120 s; last: " + last + "\n" + log());
	}

	private static String log() {
		try {
			return Files.readString(appLog);
		}
		catch (java.io.IOException ex) {
			return ex.toString();
		}
	}

	private static HttpResponse<String> graphql(String user, String query) throws Exception {
		return HttpClient.newHttpClient().send(request("/graphql", user)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path, String user) throws Exception {
		return HttpClient.newHttpClient().send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", GraphQlClient.basic(user))
			.timeout(Duration.ofSeconds(60));
	}

}
