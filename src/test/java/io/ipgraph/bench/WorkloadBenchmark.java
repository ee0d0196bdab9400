package io.ipgraph.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
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
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipgraph.IpgraphApplication;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.generate.DataGenerator;
import io.ipgraph.imports.GraphImporter;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workloads of the benchmark, side by side on one Neo4j and one data set: the limit (hand-written Cypher through
 * the Java driver, or ipgraph's own search code in-process where the work is not a query), ipgraph's GraphQL endpoint,
 * and the peer (the Neo4j GraphQL Library 7 on Apollo Server, {@code bench/peer}) where it can express the workload.
 * Each workload's answers are compared across systems before it is timed; closed-loop clients at concurrency 1 and 16.
 * Writes {@code bench/results/latest.csv}. Run with {@code bench/run.sh [--quick]}; {@code --only W1,W4} runs some
 * workloads, {@code --jfr DIR} records each measurement of ipgraph with Java Flight Recorder.
 */
public final class WorkloadBenchmark {

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private WorkloadBenchmark() {
	}

	/** One way to run a workload: returns the ids of its answer (the comparison key), throws on an error. */
	interface Runner {

		TreeSet<String> run() throws Exception;

	}

	record Workload(String name, Runner limit, Runner ipgraph, Runner peer, String note) {
	}

	record Figures(double p50, double p95, double p99, double throughput) {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		long nodes = Long.parseLong(arg(args, "--nodes", quick ? "20000" : "1000000"));
		int seconds = Integer.parseInt(arg(args, "--seconds", quick ? "4" : "20"));
		String only = arg(args, "--only", "");
		String jfr = arg(args, "--jfr", "");
		int warmup = Integer.parseInt(arg(args, "--warmup", quick ? "30" : "120"));
		Path work = Files.createTempDirectory("ipgraph-workloads");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0",
				"--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=" + (quick ? "256m" : "2g"),
				"--ipgraph.embedded.data-dir=" + work.resolve("neo4j"), "--ipgraph.embedded.password=" + PEER_PASSWORD,
				"--logging.level.root=warn")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			String bolt = app.getBean(EmbeddedNeo4j.class).boltUri();
			Path data = work.resolve("generated.jsonl");
			long started = System.nanoTime();
			try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(data), StandardCharsets.UTF_8), 1 << 16)) {
				new DataGenerator(42, nodes).write(out, d -> { });
			}
			try (InputStream in = Files.newInputStream(data)) {
				app.getBean(GraphImporter.class).importStream("generated", in, Files.size(data), false, GraphImporter.DEFAULT_BATCH, p -> { });
			}
			System.out.printf(Locale.ROOT, "%,d generated nodes imported in %.0f s; %d s per measurement%n", nodes, (System.nanoTime() - started) / 1e9,
					seconds);
			int peerPort = freePort();
			Process peer = startPeer(bolt, peerPort);
			try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", PEER_PASSWORD))) {
				List<Workload> workloads = workloads(driver, base, "http://127.0.0.1:" + peerPort + "/", app.getBean(ConflictSearch.class));
				List<String> rows = new ArrayList<>();
				rows.add("workload,system,concurrency,p50_ms,p95_ms,p99_ms,throughput_rps");
				List<Workload> chosen = workloads.stream()
					.filter(w -> only.isEmpty() || List.of(only.split(",")).contains(w.name().split(" ")[0]))
					.toList();
				List<String> answers = new ArrayList<>();
				List<List<Runner>> timed = new ArrayList<>();
				for (Workload w : chosen) {
					TreeSet<String> expected = w.limit().run();
					String answer = "limit " + expected.size() + " ids";
					boolean ipgraphSame = expected.equals(w.ipgraph().run());
					answer += ipgraphSame ? ", ipgraph same" : ", ipgraph DIFFERENT: " + w.ipgraph().run();
					boolean peerSame = w.peer() != null && expected.equals(w.peer().run());
					answer += w.peer() == null ? ", peer cannot express it" : peerSame ? ", peer same" : ", peer DIFFERENT: " + w.peer().run();
					System.out.printf(Locale.ROOT, "%s: %s%s%n", w.name(), answer, w.note() == null ? "" : " (" + w.note() + ")");
					answers.add(answer);
					timed.add(java.util.Arrays.asList(w.limit(), ipgraphSame ? w.ipgraph() : null, peerSame ? w.peer() : null));
				}
				// steady state first: every system runs every workload before anything is timed (the JIT of three servers
				// on two cores takes a while), then each measurement has its own short warm-up
				int perRunner = Math.max(1, warmup / Math.max(1, (int) timed.stream().flatMap(List::stream).filter(r -> r != null).count()));
				System.out.printf(Locale.ROOT, "warming up for about %d s%n", warmup);
				for (List<Runner> runners : timed) {
					for (Runner runner : runners) {
						if (runner != null) {
							run(runner, 16, perRunner);
						}
					}
				}
				for (int i = 0; i < chosen.size(); i++) {
					Workload w = chosen.get(i);
					List<Runner> runners = timed.get(i);
					for (int concurrency : List.of(1, 16)) {
						rows.add(row(w.name(), "limit", concurrency, measure(w.limit(), concurrency, seconds)));
						if (runners.get(1) != null) {
							rows.add(row(w.name(), "ipgraph", concurrency, recorded(jfr, w.name().split(" ")[0] + "-ipgraph-" + concurrency,
									() -> measure(w.ipgraph(), concurrency, seconds))));
						}
						if (runners.get(2) != null) {
							rows.add(row(w.name(), "peer", concurrency, measure(w.peer(), concurrency, seconds)));
						}
					}
				}
				String csv = String.join("\n", rows) + "\n";
				System.out.print(csv);
				Path out = Path.of("bench/results/" + (!only.isEmpty() ? "partial.csv" : quick ? "quick.csv" : "latest.csv"));
				Files.createDirectories(out.getParent());
				Files.writeString(out, csv);
				Files.writeString(Path.of(out.toString().replace(".csv", ".md")), table(rows));
				Files.writeString(Path.of(out.toString().replace(".csv", "-answers.txt")), String.format(Locale.ROOT,
						"%,d nodes generated (seed 42) and imported; %d s per measurement after a %d s warm-up%n", nodes, seconds, warmup)
						+ String.join("\n", java.util.stream.IntStream.range(0, chosen.size()).mapToObj(i -> chosen.get(i).name() + ": " + answers.get(i)).toList())
						+ "\n");
				System.out.println("written to " + out);
			}
			finally {
				peer.destroy();
				peer.waitFor(10, TimeUnit.SECONDS);
			}
		}
		finally {
			// the generated file and the store take gigabytes at full scale
			try (var files = Files.walk(work)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	private static List<Workload> workloads(Driver driver, String ipgraph, String peer, ConflictSearch conflicts) {
		var pick = driver.executableQuery("""
				MATCH (c:Company)-[:OWNS]->(:Registration) WITH c, count(*) AS n ORDER BY n DESC, c.id LIMIT 2
				WITH collect(c) AS firms
				MATCH (r:Registration {jurisdiction: 'CN'}) WHERE r.markText IS NOT NULL
				WITH firms, r ORDER BY r.id LIMIT 1
				RETURN [f IN firms | f.id] AS ids, firms[0].name AS name, r.markText AS mark""").execute().records().getFirst();
		String a = pick.get("ids").get(0).asString();
		String b = pick.get("ids").get(1).asString();
		String name = pick.get("name").asString().split("[^\\p{L}\\p{N}]+")[0];
		String typo = name.length() > 4 ? name.substring(0, 1) + name.substring(2, 3) + name.substring(1, 2) + name.substring(3) : name;
		String mark = pick.get("mark").asString();
		List<Integer> classes = List.of(9, 10, 11, 12);
		List<Workload> list = new ArrayList<>();
		list.add(new Workload("W1 entity two levels deep",
				() -> ids(driver, """
						MATCH (c:Company {id: $id})
						RETURN [c.id] + [(c)-[:USES_MARK]->(m:Mark) | m.id] + [(c)-[:USES_MARK]->(:Mark)<-[:OF_MARK]-(r:Registration) | r.id]
						       + [(c)-[:PARTY_TO]->(l:Lawsuit) | l.id] AS ids""", Map.of("id", a)),
				() -> graphql(ipgraph + "/graphql", true, "query($id: ID!) { company(id: $id) { id name marksUsed { node { id registrations { id } } }"
						+ " lawsuits { node { id } } } }", Map.of("id", a)),
				() -> graphql(peer, false, "query($id: ID!) { companies(where: { id: { eq: $id } }) { id name marksUsed { id registrations { id } }"
						+ " lawsuits { id } } }", Map.of("id", a)),
				null));
		list.add(new Workload("W2 filtered sorted page",
				() -> ids(driver, """
						MATCH (r:Registration) WHERE r.jurisdiction = 'CN' AND any(c IN r.classes WHERE c IN $classes)
						WITH r ORDER BY r.filedOn DESC, r.id ASC LIMIT 20 RETURN collect(r.id) AS ids""", Map.of("classes", classes)),
				() -> graphql(ipgraph + "/graphql", true, "query($c: [Int!]) { registrationsConnection(first: 20, where: { jurisdiction: { eq: \"CN\" },"
						+ " classes: { includesAny: $c } }, sort: [{ filedOn: DESC }, { id: ASC }]) { edges { node { id number filedOn } } } }",
						Map.of("c", classes)),
				() -> graphql(peer, false, "{ registrations(limit: 20, where: { jurisdiction: { eq: \"CN\" }, OR: [{ classes: { includes: 9 } },"
						+ " { classes: { includes: 10 } }, { classes: { includes: 11 } }, { classes: { includes: 12 } }] },"
						+ " sort: [{ filedOn: DESC }, { id: ASC }]) { id number filedOn } }", Map.of()),
				null));
		// ipgraph's search turns a word into (word^3 OR word*^2 OR word~1): the limit and the peer send the same Lucene query
		String t = typo.toLowerCase(Locale.ROOT);
		String lucene = "(" + t + "^3 OR " + t + "*^2 OR " + t + (t.length() >= 8 ? "~2)" : "~1)");
		list.add(new Workload("W3 full-text search with a typo",
				() -> ids(driver, """
						CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 100}) YIELD node, score
						WHERE node:Company RETURN collect(node.id)[0..1] AS ids""", Map.of("q", lucene)),
				() -> firstId(post(ipgraph + "/graphql", true, "query($q: String!) { search(query: $q, kinds: [\"Company\"], limit: 10) { node { id } } }",
						Map.of("q", typo))),
				() -> firstId(post(peer, false, "query($q: String!) { searchCompanies(phrase: $q, first: 10) { edges { node { id } } } }",
						Map.of("q", lucene))),
				"the top hit for \"" + typo + "\" (" + name + " with two letters swapped)"));
		list.add(new Workload("W4 trace of a foreign firm",
				() -> ids(driver, """
						MATCH (firm:Company {id: 'company:amazon'})
						RETURN [(firm)<-[:SUBSIDIARY_OF*1..2]-(s:Company) | s.id] + [(firm)-[:PARTNER_OF]-(p:Company) | p.id]
						     + [(firm)<-[:SUBSIDIARY_OF*1..2]-(:Company)-[:PARTNER_OF]-(p:Company) | p.id] AS ids""", Map.of()),
				() -> graphql(ipgraph + "/graphql", true, "{ trace(companyId: \"company:amazon\", jurisdiction: \"CN\") { subsidiaries { id }"
						+ " partners { partner { id } } } }", Map.of()),
				null, "subsidiaries and partners; the peer cannot follow merge judgements or jurisdiction rules"));
		list.add(new Workload("W5 conflict search",
				() -> {
					TreeSet<String> found = new TreeSet<>();
					conflicts.search(mark, null, "CN", null, null, null, 10).forEach(c -> found.add((String) c.registration().get("id")));
					return found;
				},
				() -> graphql(ipgraph + "/graphql", true, "query($t: String!) { conflicts(text: $t, jurisdiction: \"CN\", limit: 10) { registration { id } } }",
						Map.of("t", mark)),
				null, "limit: ipgraph's search code in-process (the candidate Cypher through the driver, scoring in Java); the peer has no scoring"));
		list.add(new Workload("W6 shortest path",
				() -> ids(driver, """
						MATCH (a:Company {id: $a}), (b:Company {id: $b})
						MATCH p = shortestPath((a)-[*..4]-(b)) RETURN [toString(length(p))] AS ids""", Map.of("a", a, "b", b)),
				() -> {
					String answer = post(ipgraph + "/graphql", true, "query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, limit: 1) { length } }",
							Map.of("a", a, "b", b));
					Matcher m = Pattern.compile("\"length\":(\\d+)").matcher(answer);
					return m.find() ? new TreeSet<>(List.of(m.group(1))) : new TreeSet<>();
				},
				null, "the length; the peer cannot express paths"));
		return list;
	}

	/**
	 * The results as a Markdown table, one line per workload, with the ratios the targets are stated in: ipgraph's
	 * p50 over the limit's (one client), ipgraph's throughput over the peer's (16 clients), ipgraph's p95 (one client).
	 */
	static String table(List<String> rows) {
		Map<String, String[]> cells = new java.util.LinkedHashMap<>();
		List<String> workloads = new ArrayList<>();
		for (String row : rows.subList(1, rows.size())) {
			String[] f = row.split(",");
			cells.put(f[0] + "|" + f[1] + "|" + f[2], f);
			if (!workloads.contains(f[0])) {
				workloads.add(f[0]);
			}
		}
		StringBuilder md = new StringBuilder("""
				| workload | limit p50 / p95 ms (1) | ipgraph p50 / p95 ms (1) | peer p50 / p95 ms (1) | limit rps (16) | ipgraph rps (16) | peer rps (16) | ipgraph p50 / limit p50 | ipgraph rps / peer rps |
				|---|---|---|---|---|---|---|---|---|
				""");
		for (String w : workloads) {
			String[] l1 = cells.get(w + "|limit|1");
			String[] i1 = cells.get(w + "|ipgraph|1");
			String[] p1 = cells.get(w + "|peer|1");
			String[] l16 = cells.get(w + "|limit|16");
			String[] i16 = cells.get(w + "|ipgraph|16");
			String[] p16 = cells.get(w + "|peer|16");
			md.append("| ").append(w)
				.append(" | ").append(l1 == null ? "-" : l1[3] + " / " + l1[4])
				.append(" | ").append(i1 == null ? "-" : i1[3] + " / " + i1[4])
				.append(" | ").append(p1 == null ? "cannot express it" : p1[3] + " / " + p1[4])
				.append(" | ").append(l16 == null ? "-" : l16[6])
				.append(" | ").append(i16 == null ? "-" : i16[6])
				.append(" | ").append(p16 == null ? "-" : p16[6])
				.append(" | ").append(i1 == null || l1 == null ? "-" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(i1[3]) / Double.parseDouble(l1[3])))
				.append(" | ").append(i16 == null || p16 == null ? "-" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(i16[6]) / Double.parseDouble(p16[6])))
				.append(" |\n");
		}
		return md.toString();
	}

	/** The first id in an answer: the top hit of a ranked list. */
	private static TreeSet<String> firstId(String answer) {
		Matcher m = ID.matcher(answer);
		return m.find() ? new TreeSet<>(List.of(m.group(1))) : new TreeSet<>();
	}

	private static TreeSet<String> ids(Driver driver, String cypher, Map<String, Object> parameters) {
		Record r = driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst();
		return new TreeSet<>(r.get("ids").asList(v -> v.asString()));
	}

	private static TreeSet<String> graphql(String url, boolean signIn, String query, Map<String, Object> variables) throws Exception {
		String answer = post(url, signIn, query, variables);
		TreeSet<String> ids = new TreeSet<>();
		Matcher m = ID.matcher(answer);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static String post(String url, boolean signIn, String query, Map<String, Object> variables) throws Exception {
		String body = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of("query", query, "variables", variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signIn) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("analyst:analyst-test-pw".getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Runs a measurement, recorded by Java Flight Recorder (profile settings) into {@code DIR/NAME.jfr} when a directory is given. */
	private static Figures recorded(String dir, String name, Callable<Figures> measurement) throws Exception {
		if (dir.isEmpty()) {
			return measurement.call();
		}
		try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
			recording.start();
			Figures figures = measurement.call();
			recording.stop();
			Files.createDirectories(Path.of(dir));
			recording.dump(Path.of(dir, name + ".jfr"));
			return figures;
		}
	}

	/** Closed loop: {@code concurrency} clients, each sending the next request when the last one answered. */
	private static Figures measure(Runner runner, int concurrency, int seconds) throws Exception {
		// warm-up at the same concurrency (JIT, plan caches, pools), half as long as the measurement, not counted
		run(runner, concurrency, Math.max(2, seconds / 2));
		List<Long> all = new ArrayList<>();
		long started = System.nanoTime();
		all.addAll(run(runner, concurrency, seconds));
		double elapsed = (System.nanoTime() - started) / 1e9;
		Collections.sort(all);
		return new Figures(percentile(all, 50), percentile(all, 95), percentile(all, 99), all.size() / elapsed);
	}

	private static List<Long> run(Runner runner, int concurrency, int seconds) throws Exception {
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<List<Long>>> clients = new ArrayList<>();
		for (int c = 0; c < concurrency; c++) {
			clients.add(pool.submit((Callable<List<Long>>) () -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < until) {
					long t = System.nanoTime();
					runner.run();
					latencies.add(System.nanoTime() - t);
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> client : clients) {
			all.addAll(client.get());
		}
		pool.shutdown();
		return all;
	}

	private static double percentile(List<Long> sorted, int p) {
		return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	private static String row(String workload, String system, int concurrency, Figures f) {
		String row = String.format(Locale.ROOT, "%s,%s,%d,%.2f,%.2f,%.2f,%.1f", workload, system, concurrency, f.p50(), f.p95(), f.p99(), f.throughput());
		System.out.println(row);
		return row;
	}

	/** The peer and the benchmark's own driver reach the database as user neo4j (ipgraph.embedded.password). */
	private static final String PEER_PASSWORD = java.util.UUID.randomUUID().toString();

	private static Process startPeer(String bolt, int port) throws Exception {
		Path dir = Path.of("bench/peer");
		if (!Files.isDirectory(dir.resolve("node_modules/@neo4j/graphql"))) {
			Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).inheritIO().start();
			if (install.waitFor() != 0) {
				throw new IllegalStateException("npm ci in bench/peer failed");
			}
		}
		ProcessBuilder builder = new ProcessBuilder("node", "server.mjs", bolt, Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("NEO4J_PASSWORD", PEER_PASSWORD);
		Process peer = builder.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.contains("\"ready\"")) {
				Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
				return peer;
			}
			System.out.println("peer: " + line);
		}
		throw new IllegalStateException("the peer did not start");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
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
