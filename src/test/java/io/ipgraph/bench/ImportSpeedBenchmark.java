package io.ipgraph.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.ipgraph.IpgraphApplication;
import io.ipgraph.generate.DataGenerator;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportSummary;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import speed on generated data, three ways into fresh embedded databases in one run: ipgraph's importer
 * (validation, provenance merge, derived keys, outcome counts), the limit (hand-written {@code UNWIND ... MERGE}
 * batches through the driver writing the same graph, derived keys included, and nothing else), and one transaction per entity (what a repository {@code save()}
 * per entity costs at the least: SDN adds its mapping on top), the last on a sample. Reports entities plus
 * relationships per second, the ratios, and the peak heap. Run with {@code bench/import-speed.sh}.
 */
public final class ImportSpeedBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ImportSpeedBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long nodes = Long.parseLong(arg(args, "--nodes", "100000"));
		int batch = Integer.parseInt(arg(args, "--batch", "5000"));
		int sample = Integer.parseInt(arg(args, "--sample", "20000"));
		Path file = generated(nodes);
		long lines;
		try (var stream = Files.lines(file)) {
			lines = stream.count();
		}
		System.out.printf(Locale.ROOT, "import speed benchmark: %s, %,d lines, batches of %,d%n", file, lines, batch);

		Peak heap = new Peak();
		double ipgraph;
		try (ConfigurableApplicationContext app = start()) {
			GraphImporter importer = app.getBean(GraphImporter.class);
			heap.reset();
			long started = System.nanoTime();
			ImportSummary summary;
			try (InputStream in = Files.newInputStream(file)) {
				summary = importer.importStream(file.toString(), in, Files.size(file), false, batch,
						p -> System.out.printf(Locale.ROOT, "\ripgraph %,d lines", p.lines()));
			}
			ipgraph = lines / ((System.nanoTime() - started) / 1e9);
			System.out.printf(Locale.ROOT, "%nipgraph importer: %,.0f entities+relationships/s, %d rejected, peak heap %,d MB%n", ipgraph,
					summary.rejected(), heap.mb());
		}
		long ipgraphHeap = heap.mb();
		double limit;
		try (ConfigurableApplicationContext app = start()) {
			GraphStore store = app.getBean(GraphStore.class);
			heap.reset();
			long started = System.nanoTime();
			rawUnwind(store, file, batch);
			limit = lines / ((System.nanoTime() - started) / 1e9);
			System.out.printf(Locale.ROOT, "%nlimit (UNWIND ... MERGE): %,.0f entities+relationships/s, peak heap %,d MB%n", limit, heap.mb());
		}
		long limitHeap = heap.mb();
		double perEntity;
		try (ConfigurableApplicationContext app = start()) {
			GraphStore store = app.getBean(GraphStore.class);
			long started = System.nanoTime();
			long done = perEntity(store, file, sample);
			perEntity = done / ((System.nanoTime() - started) / 1e9);
			System.out.printf(Locale.ROOT, "%none transaction per entity (first %,d lines): %,.0f entities+relationships/s%n", done, perEntity);
		}
		heap.stop();
		String report = String.format(Locale.ROOT, """
				nodes,lines,ipgraph_per_s,limit_per_s,per_entity_per_s,ipgraph_vs_limit,ipgraph_vs_per_entity,ipgraph_peak_heap_mb,limit_peak_heap_mb
				%d,%d,%.0f,%.0f,%.0f,%.3f,%.1f,%d,%d
				""", nodes, lines, ipgraph, limit, perEntity, ipgraph / limit, ipgraph / perEntity, ipgraphHeap, limitHeap);
		System.out.print(report);
		Path out = Path.of("bench/results/import-speed.csv");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println("written to " + out);
		System.exit(0);
	}

	/** The generated file of {@code nodes} nodes (seed 42), made once and kept in target/bench/. */
	static Path generated(long nodes) throws java.io.IOException {
		Path file = Path.of("target/bench/generated-" + nodes + ".jsonl");
		Files.createDirectories(file.getParent());
		if (!Files.exists(file)) {
			long started = System.nanoTime();
			try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
				DataGenerator.Counts counts = new DataGenerator(42, nodes).write(out, d -> System.out.printf(Locale.ROOT, "\rgenerating %3.0f%%", d * 100));
				System.out.printf(Locale.ROOT, "%ngenerated %,d nodes and %,d relationships in %.1f s%n", counts.nodeTotal(), counts.relationshipTotal(),
						(System.nanoTime() - started) / 1e9);
			}
		}
		return file;
	}

	/** The fresh stores of the run, removed when it ends (each takes gigabytes at full scale). */
	private static final List<Path> STORES = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> STORES.forEach(dir -> {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (java.io.IOException ex) {
				System.err.println("could not remove " + dir + ": " + ex.getMessage());
			}
		})));
	}

	private static ConfigurableApplicationContext start() throws Exception {
		Path dir = Files.createTempDirectory("ipgraph-import-bench");
		STORES.add(dir);
		return new SpringApplicationBuilder(IpgraphApplication.class).web(WebApplicationType.NONE)
			.run("--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=1g", "--ipgraph.embedded.data-dir=" + dir,
					"--ipgraph.neo4j.seed=false", "--logging.level.root=warn");
	}

	/** The limit: the same lines as plain UNWIND ... MERGE batches, per label and per relationship pattern. */
	private static void rawUnwind(GraphStore store, Path file, int batch) throws Exception {
		Map<String, String> labels = new HashMap<>();
		Map<String, List<Map<String, Object>>> nodes = new LinkedHashMap<>();
		Map<List<String>, List<Map<String, Object>>> rels = new LinkedHashMap<>();
		AtomicLong count = new AtomicLong();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				JsonNode n = JSON.readTree(line);
				Map<String, Object> row = new HashMap<>();
				row.put("props", JSON.convertValue(n.path("properties"), Map.class));
				List<String> ids = new ArrayList<>();
				List<String> quotes = new ArrayList<>();
				n.path("sources").values().forEach(c -> {
					ids.add(c.path("id").asString());
					quotes.add(c.path("quote").asString(""));
				});
				row.put("sourceIds", ids);
				row.put("quotes", quotes);
				if (n.path("kind").asString().equals("node")) {
					String label = n.path("label").asString();
					labels.put(n.path("id").asString(), label);
					row.put("id", n.path("id").asString());
					derivedKeys(label, castMap(row.get("props")));
					nodes.computeIfAbsent(label, k -> new ArrayList<>()).add(row);
				}
				else {
					row.put("from", n.path("from").asString());
					row.put("to", n.path("to").asString());
					rels.computeIfAbsent(List.of(labels.get(n.path("from").asString()), n.path("type").asString(), labels.get(n.path("to").asString())),
							k -> new ArrayList<>()).add(row);
				}
				if (count.incrementAndGet() % batch == 0) {
					flush(store, nodes, rels);
					System.out.printf(Locale.ROOT, "\rlimit %,d lines", count.get());
				}
			}
		}
		flush(store, nodes, rels);
	}

	private static void flush(GraphStore store, Map<String, List<Map<String, Object>>> nodes, Map<List<String>, List<Map<String, Object>>> rels) {
		try (Session session = store.driver().session(store.sessionConfig())) {
			session.executeWrite(tx -> {
				nodes.forEach((label, rows) -> tx.run("CYPHER replan=skip UNWIND $rows AS row MERGE (n:`" + label + "` {id: row.id})"
						+ " SET n += row.props, n.sourceIds = row.sourceIds, n.quotes = row.quotes", Map.of("rows", rows)).consume());
				rels.forEach((p, rows) -> tx.run("CYPHER replan=skip UNWIND $rows AS row MATCH (a:`" + p.get(0) + "` {id: row.from}) MATCH (b:`" + p.get(2)
						+ "` {id: row.to}) MERGE (a)-[r:`" + p.get(1) + "`]->(b) SET r += row.props, r.sourceIds = row.sourceIds, r.quotes = row.quotes",
						Map.of("rows", rows)).consume());
				return null;
			});
		}
		nodes.clear();
		rels.clear();
	}

	/** The same keys the importer derives (so both write the same graph, with the same index work). */
	private static void derivedKeys(String label, Map<String, Object> props) {
		if (label.equals("Registration") && props.get("markText") instanceof String text) {
			io.ipgraph.keys.MarkKeys keys = io.ipgraph.keys.MarkKeys.of(text);
			props.put("markKey", keys.normalized());
			props.put("markPinyin", keys.pinyin());
			props.put("markPhonetic", keys.phonetic());
			props.put("markDeletes", keys.deletes());
			List<Integer> classes = ((List<?>) props.getOrDefault("classes", List.of())).stream().map(c -> ((Number) c).intValue()).toList();
			props.put("classTokens", io.ipgraph.keys.MarkKeys.classTokens(classes));
		}
		if (List.of("Company", "Person", "Authority", "Court", "Office").contains(label) && props.get("name") instanceof String name) {
			List<String> names = new ArrayList<>(List.of(name));
			((List<?>) props.getOrDefault("aliases", List.of())).forEach(a -> names.add(String.valueOf(a)));
			props.put("nameKeys", io.ipgraph.keys.NameKeys.indexKeys(names));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	/** One write transaction per line, as saving entities one at a time does. */
	private static long perEntity(GraphStore store, Path file, int sample) throws Exception {
		Map<String, String> labels = new HashMap<>();
		long done = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); Session session = store.driver().session(store.sessionConfig())) {
			String line;
			while ((line = reader.readLine()) != null && done < sample) {
				JsonNode n = JSON.readTree(line);
				Map<String, Object> props = JSON.convertValue(n.path("properties"), Map.class);
				if (n.path("kind").asString().equals("node")) {
					String label = n.path("label").asString();
					labels.put(n.path("id").asString(), label);
					session.executeWrite(tx -> tx.run("MERGE (n:`" + label + "` {id: $id}) SET n += $props", Map.of("id", n.path("id").asString(), "props", props)).consume());
				}
				else {
					String from = labels.get(n.path("from").asString());
					String to = labels.get(n.path("to").asString());
					session.executeWrite(tx -> tx.run("MATCH (a:`" + from + "` {id: $from}) MATCH (b:`" + to + "` {id: $to}) MERGE (a)-[r:`"
							+ n.path("type").asString() + "`]->(b) SET r += $props", Map.of("from", n.path("from").asString(), "to", n.path("to").asString(),
									"props", props)).consume());
				}
				done++;
			}
		}
		return done;
	}

	/** Samples the used heap every 100 ms and keeps the highest. */
	static final class Peak {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private volatile long peak;

		private volatile boolean running = true;

		Peak() {
			Thread.ofPlatform().daemon().start(() -> {
				while (this.running) {
					this.peak = Math.max(this.peak, this.memory.getHeapMemoryUsage().getUsed());
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}

		void reset() {
			System.gc();
			this.peak = 0;
		}

		long mb() {
			return this.peak / (1 << 20);
		}

		void stop() {
			this.running = false;
		}

	}

	private static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
