package io.ipgraph.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ipgraph.IpgraphApplication;
import io.ipgraph.Processes;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.security.Role;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workspace in Chromium on the 1,000,000-node store: the generated file imported into a fresh store beside the
 * seed, then, signed in as an analyst (so every read applies the visibility rule), searches typed into the search box
 * (names of the store's companies and marks, a third of them with a typo, and the seed's 光环新网), entity pages opened
 * by address (companies, registrations, marks), and a network canvas grown by its own buttons to {@code --drawn} nodes,
 * then panned and expanded with all of them drawn. p50 and p95 of each. Run with {@code bench/workspace.sh}; writes
 * {@code bench/results/workspace.csv}.
 */
public final class WorkspaceBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The test configuration's analyst, whose password is {@code analyst-test-pw}. */
	private static final String ANALYST_HASH = "{bcrypt}$2a$04$GTK1pRQ0MmPNNPzbkLdYGuXG7caa.HaC5hadFaYjXs4ir/mW1Lz.C";

	private WorkspaceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long nodes = Long.parseLong(arg(args, "--nodes", "1000000"));
		int runs = Integer.parseInt(arg(args, "--runs", "60"));
		int drawn = Integer.parseInt(arg(args, "--drawn", "500"));
		Path file = ImportSpeedBenchmark.generated(nodes);
		Path dir = Files.createTempDirectory("ipgraph-workspace-bench");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (java.io.IOException ex) {
				System.err.println("could not remove " + dir + ": " + ex.getMessage());
			}
		}));
		JsonNode result;
		long storeNodes;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0",
				"--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=1g", "--ipgraph.embedded.data-dir=" + dir, "--logging.level.root=warn",
				"--ipgraph.security.initial-password-file=" + dir.resolve("admin-password.txt"), "--ipgraph.security.users.analyst.password=" + ANALYST_HASH,
				"--ipgraph.security.users.analyst.roles=ANALYST")) {
			GraphStore store = app.getBean(GraphStore.class);
			GraphImporter importer = app.getBean(GraphImporter.class);
			long started = System.nanoTime();
			CurrentUser.actingAs("bench", Role.EDITOR, () -> {
				try (InputStream in = Files.newInputStream(file)) {
					importer.importStream(file.toString(), in, Files.size(file), false, 5000, p -> System.out.printf(Locale.ROOT, "\rimporting: %,d lines", p.lines()));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				return null;
			});
			storeNodes = store.readEverything("MATCH (n) RETURN count(n) AS n", Map.of()).getFirst().get("n").asLong();
			System.out.printf(Locale.ROOT, "%nimported in %.0f s; the store holds %,d nodes%n", (System.nanoTime() - started) / 1e9, storeNodes);
			Map<String, Object> plan = plan(store, runs, drawn);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String out = Processes.run(List.of("node", "workspace-bench.mjs", "http://localhost:" + port, JSON.writeValueAsString(plan)),
					Path.of("src/test/browser"), 3600, Map.of("IPGRAPH_USER", "analyst", "IPGRAPH_PASSWORD", "analyst-test-pw"));
			String line = out.lines().filter(l -> l.startsWith("{\"outside\"")).reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException(out));
			result = JSON.readTree(line);
		}
		if (result.get("outside").asInt() != 0 || !result.get("errors").isEmpty()) {
			throw new IllegalStateException("the walk went wrong: " + result.get("errors") + ", requests beyond the machine: " + result.get("outside"));
		}
		if (result.has("phases")) {
			// each expansion: click to request, request to answer, answer to nodes added, added to drawn (ms)
			System.out.println("expansion phases: " + result.get("phases"));
		}
		StringBuilder csv = new StringBuilder("what,runs,p50_ms,p95_ms,target_p95_ms\n");
		Map<String, Integer> targets = new LinkedHashMap<>(Map.of("search", 300, "entity", 300, "pan", 100, "expand", 100, "expandRequest", 100));
		for (String what : List.of("search", "entity", "pan", "expand", "expandRequest")) {
			List<Double> ms = new ArrayList<>();
			result.get(what).forEach(v -> ms.add(v.asDouble()));
			ms.sort(Double::compare);
			double p50 = percentile(ms, 0.50);
			double p95 = percentile(ms, 0.95);
			System.out.printf(Locale.ROOT, "%-7s %3d runs  p50 %6.1f ms  p95 %6.1f ms  (target p95 %d ms)%n", what, ms.size(), p50, p95, targets.get(what));
			csv.append(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%d%n", what, ms.size(), p50, p95, targets.get(what)));
		}
		System.out.printf(Locale.ROOT, "canvas: %d nodes drawn when panned, %d after the expansions; store: %,d nodes%n", result.get("drawn").asInt(),
				result.get("drawnAtEnd").asInt(), storeNodes);
		csv.append("# store nodes ").append(storeNodes).append("; canvas drawn ").append(result.get("drawn").asInt()).append(" then ")
			.append(result.get("drawnAtEnd").asInt()).append('\n');
		Path results = Path.of("bench/results/workspace.csv");
		Files.createDirectories(results.getParent());
		Files.writeString(results, csv);
		System.out.println("wrote " + results);
		System.exit(0);
	}

	/**
	 * What to type and open, read from the store: names of companies and mark texts spread over the store (every third
	 * with a letter dropped, as people mistype), the seed's Chinese name; ids of companies, registrations and marks; the
	 * company with the most links, whose canvas is grown.
	 */
	private static Map<String, Object> plan(GraphStore store, int runs, int drawn) {
		int warmup = 5;
		List<String> searches = new ArrayList<>();
		List<String> entities = new ArrayList<>();
		long companies = store.readEverything("MATCH (c:Company) RETURN count(c) AS n", Map.of()).getFirst().get("n").asLong();
		long step = Math.max(1, companies / (runs + warmup));
		List<Record> rows = new ArrayList<>();
		for (int i = 0; i < runs + warmup; i++) {
			rows.addAll(store.readEverything("MATCH (c:Company) WHERE c.name IS NOT NULL WITH c SKIP $skip LIMIT 1 RETURN c.name AS name, c.id AS id",
					Map.of("skip", i * step)));
		}
		for (int i = 0; i < rows.size(); i++) {
			String name = rows.get(i).get("name").asString();
			searches.add(i % 3 == 2 && name.length() > 6 ? name.substring(0, 3) + name.substring(4) : name);
			entities.add(rows.get(i).get("id").asString());
		}
		searches.set(Math.min(searches.size() - 1, warmup + 1), "光环新网");
		List<Record> others = store.readEverything("""
				CALL () { MATCH (r:Registration) RETURN r.id AS id LIMIT 2000 UNION MATCH (m:Mark) RETURN m.id AS id LIMIT 2000 }
				RETURN id""", Map.of());
		for (int i = 0; i < entities.size(); i += 2) {
			entities.set(i, others.get((i * 37) % others.size()).get("id").asString());
		}
		String hub = store.readEverything("""
				MATCH (c:Company) WITH c LIMIT 20000 MATCH (c)-[r]-() WITH c, count(r) AS d ORDER BY d DESC LIMIT 1 RETURN c.id AS id""", Map.of())
			.getFirst().get("id").asString();
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("warmup", warmup);
		plan.put("searches", searches);
		plan.put("entities", entities);
		plan.put("canvas", hub);
		plan.put("drawn", drawn);
		plan.put("pans", 30);
		plan.put("expands", 20);
		return plan;
	}

	private static double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

	private static String arg(String[] args, String name, String fallback) {
		int i = Arrays.asList(args).indexOf(name);
		return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
	}

}
