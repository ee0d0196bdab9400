package io.ipgraph.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.ipgraph.IpgraphApplication;
import io.ipgraph.generate.DataGenerator;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.store.GraphStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loopback load test: ipgraph with the seed plus generated data; 20 analysts (closed loop, autocannon from npm)
 * run the brief's questions for a fixed time alone, then again while abusive clients send refused and heavy
 * queries and an editor imports a file over and over. Reports errors, p50 / p99 and the slowdown of the analysts'
 * queries, and writes {@code bench/results/load.csv}. Run with {@code bench/load.sh}.
 */
public final class LoadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.parseInt(arg(args, "--seconds", "60"));
		long nodes = Long.parseLong(arg(args, "--nodes", "50000"));
		Path work = Files.createTempDirectory("ipgraph-load");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0",
				"--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=512m", "--ipgraph.embedded.data-dir=" + work.resolve("neo4j"),
				"--logging.level.root=warn")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			GraphImporter importer = app.getBean(GraphImporter.class);
			GraphStore store = app.getBean(GraphStore.class);
			Path data = work.resolve("generated.jsonl");
			write(data, new DataGenerator(11, nodes));
			try (InputStream in = Files.newInputStream(data)) {
				importer.importStream("generated", in, Files.size(data), false, GraphImporter.DEFAULT_BATCH, p -> { });
			}
			Path importFile = work.resolve("import.jsonl");
			write(importFile, new DataGenerator(12, 2_000));
			Path queries = work.resolve("queries.json");
			Files.writeString(queries, JSON.writeValueAsString(queries(store)));
			System.out.printf(Locale.ROOT, "load test: %s, %,d generated nodes plus the seed, %d s per phase%n", base, nodes, seconds);

			check(base, queries);
			// warm-up: JIT and Neo4j's caches, so the first measured phase is not the cold one
			phase(base, "normal", Math.max(5, seconds / 4), importFile, queries);
			JsonNode alone = phase(base, "normal", seconds, importFile, queries);
			JsonNode mixed = phase(base, "mixed", seconds, importFile, queries);
			double p50Ratio = mixed.at("/normal/p50_ms").asDouble() / Math.max(1, alone.at("/normal/p50_ms").asDouble());
			double p99Ratio = mixed.at("/normal/p99_ms").asDouble() / Math.max(1, alone.at("/normal/p99_ms").asDouble());
			String csv = String.format(Locale.ROOT, """
					phase,clients,seconds,requests,throughput_rps,p50_ms,p99_ms,max_ms,answered,graphql_errors,non_200,transport_errors
					%s
					%s
					%s
					imports_completed,%d,import_failures,%d,import_lines,%d
					slowdown_p50,%.2f,slowdown_p99,%.2f
					""", row("analysts alone", alone.get("normal"), seconds), row("analysts with abuse and import", mixed.get("normal"), seconds),
					row("abusive clients", mixed.get("abusive"), seconds), mixed.at("/import/imports").asLong(), mixed.at("/import/failed").asLong(),
					mixed.at("/import/lines").asLong(), p50Ratio, p99Ratio);
			System.out.print(csv);
			Path out = Path.of("bench/results/load.csv");
			Files.createDirectories(out.getParent());
			Files.writeString(out, csv);
			System.out.println("written to " + out);
		}
	}

	/** Every analyst question answers without errors before it is timed. */
	private static void check(String base, Path queries) throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		for (JsonNode document : JSON.readTree(Files.readString(queries)).get("normal")) {
			String body = document.isString() ? JSON.writeValueAsString(Map.of("query", document.asString())) : JSON.writeValueAsString(document);
			var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("analyst:analyst-test-pw".getBytes(StandardCharsets.UTF_8)))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				throw new IllegalStateException("an analyst question fails before the load: " + body + " -> " + response.body());
			}
		}
	}

	private static String row(String name, JsonNode r, int seconds) {
		return String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%d,%d,%d,%d,%d,%d,%d", name, name.startsWith("abusive") ? "4" : "20", seconds,
				r.get("requests").asLong(), r.get("throughput_rps").asDouble(), r.get("p50_ms").asLong(), r.get("p99_ms").asLong(),
				r.get("max_ms").asLong(), r.get("answered").asLong(), r.get("graphqlErrors").asLong(), r.get("non200").asLong(),
				r.get("transport_errors").asLong());
	}

	/** The analysts' questions on ids drawn from the data, and the abusive clients' documents. */
	private static Map<String, Object> queries(GraphStore store) {
		var r = store.read("""
				MATCH (c:Company)-[:OWNS]->(:Registration) WITH c, count(*) AS n ORDER BY n DESC LIMIT 2
				WITH collect(c.id) AS firms
				MATCH (m:Registration) WHERE m.markText IS NOT NULL WITH firms, m LIMIT 1
				RETURN firms, m.markText AS mark""", Map.of()).getFirst();
		String a = r.get("firms").get(0).asString();
		String b = r.get("firms").get(1).asString();
		String mark = r.get("mark").asString();
		String typo = mark.length() > 4 ? mark.substring(0, 2) + mark.substring(3) : mark;
		List<Object> normal = List.of(
				Map.of("query", "query($id: ID!) { company(id: $id) { name country registrations { node { id number classes filedOn } }"
						+ " lawsuits { role node { caseNumber court { name } } } marksUsed { node { text } } } }", "variables", Map.of("id", a)),
				"{ registrationsConnection(first: 20, where: { jurisdiction: { eq: \"CN\" } }, sort: [{ filedOn: DESC }]) { totalCount edges { node { id number filedOn } } } }",
				Map.of("query", "query($q: String!) { search(query: $q, limit: 10) { score kind node { id } } }", "variables", Map.of("q", typo)),
				"{ trace(companyId: \"company:amazon\", jurisdiction: \"CN\") { subsidiaries { id } partners { partner { name } } } }",
				Map.of("query", "query($t: String!) { conflicts(text: $t, jurisdiction: \"CN\", limit: 10) { score registration { id } } }", "variables", Map.of("t", mark)),
				Map.of("query", "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { length } }", "variables", Map.of("a", a, "b", b)));
		StringBuilder deep = new StringBuilder("{ id }");
		for (int i = 0; i < 14; i++) {
			deep.insert(0, "{ parents(limit: 1) ").append(" }");
		}
		StringBuilder aliases = new StringBuilder("{");
		for (int i = 0; i < 40; i++) {
			aliases.append(" a").append(i).append(": company(id: \"company:amazon\") { id }");
		}
		List<Object> abusive = List.of("{ company(id: \"company:amazon\") " + deep + " }",
				"{ companies(limit: 100) { parents(limit: 100) { parents(limit: 100) { id name } } } }", aliases.append(" }").toString(),
				"{ companies(limit: 100000) { id } }", Map.of("query", "query($q: String!) { search(query: $q) { score } }", "variables",
						Map.of("q", "x".repeat(300_000))),
				Map.of("query", "query($id: ID!) { neighbourhood(id: $id, hops: 3, limit: 1000) { truncated nodes { id } } }", "variables",
						Map.of("id", a)),
				Map.of("query", "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, limit: 50) { length } }", "variables",
						Map.of("a", a, "b", "company:amazon")));
		return Map.of("normal", normal, "abusive", abusive);
	}

	private static JsonNode phase(String base, String phase, int seconds, Path importFile, Path queries) throws Exception {
		Path dir = Path.of("bench/load");
		if (!Files.isDirectory(dir.resolve("node_modules/autocannon"))) {
			run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, 600);
		}
		System.out.printf(Locale.ROOT, "phase %s (%d s)...%n", phase, seconds);
		String out = run(List.of("node", "load.mjs", base, phase, Integer.toString(seconds), "analyst:analyst-test-pw", "editor:editor-test-pw",
				importFile.toString(), queries.toString()), dir, seconds + 300);
		return JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow(() -> new IllegalStateException(out)));
	}

	private static String run(List<String> command, Path dir, int timeoutSeconds) throws Exception {
		Path log = Files.createTempFile("ipgraph-load", ".log");
		Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + command);
		}
		String out = Files.readString(log, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command + " failed:\n" + out);
		}
		return out;
	}

	private static void write(Path file, DataGenerator generator) throws Exception {
		try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
			generator.write(out, d -> { });
		}
	}

	private static String arg(String[] args, String name, String otherwise) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return otherwise;
	}

}
