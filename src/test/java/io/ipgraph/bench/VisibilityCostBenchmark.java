package io.ipgraph.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ipgraph.IpgraphApplication;
import io.ipgraph.generate.DataGenerator;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.store.GraphStore;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the kernel's visibility rule costs a read: the same queries on a generated graph, read as an analyst (retracted
 * and restricted nodes hidden by the transaction's access mode) and with every node visible (the access mode that
 * reads without checks), alternating run by run in one JVM. Some generated companies are restricted first, so the
 * rule has something to hide. Writes bench/results/visibility-cost.csv: per query the median and p95 of each, and
 * their ratio. Usage: bench/visibility-cost.sh [--nodes 200000] [--runs 200]
 */
public final class VisibilityCostBenchmark {

	private VisibilityCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int nodes = Integer.parseInt(arg(args, "--nodes", "200000"));
		int runs = Integer.parseInt(arg(args, "--runs", "200"));
		Path work = Files.createTempDirectory("ipgraph-visibility");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0",
				"--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=1g", "--ipgraph.embedded.data-dir=" + work.resolve("neo4j"),
				"--logging.level.root=warn")) {
			Path data = work.resolve("generated.jsonl");
			try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(data), StandardCharsets.UTF_8), 1 << 16)) {
				new DataGenerator(42, nodes).write(out, d -> { });
			}
			try (InputStream in = Files.newInputStream(data)) {
				app.getBean(GraphImporter.class).importStream("generated", in, Files.size(data), false, GraphImporter.DEFAULT_BATCH, p -> { });
			}
			GraphStore store = app.getBean(GraphStore.class);
			// one company in fifty restricted
			store.write("MATCH (c:Company) WHERE c.id STARTS WITH 'company:gen-' AND toInteger(split(c.id, '-')[1]) % 50 = 7 SET c:Restricted",
					Map.of());
			Map<String, String> queries = new java.util.LinkedHashMap<>();
			queries.put("lookup by id", "MATCH (c:Company {id: 'company:gen-11'}) RETURN c.name AS name");
			queries.put("neighbourhood, 2 hops", "MATCH (c:Company {id: 'company:gen-11'})-[*1..2]-(x) RETURN count(DISTINCT x) AS n");
			queries.put("label scan with a filter", "MATCH (r:Registration) WHERE r.jurisdiction = 'CN' RETURN count(r) AS n");
			queries.put("count of a label", "MATCH (c:Company) RETURN count(c) AS n");
			queries.put("owners of registrations", "MATCH (c:Company)-[:OWNS]->(r:Registration) WHERE r.jurisdiction = 'US' RETURN c.id AS id, count(r) AS n ORDER BY n DESC LIMIT 10");
			List<String> rows = new ArrayList<>(List.of("query,analyst_p50_ms,analyst_p95_ms,everything_p50_ms,everything_p95_ms,ratio_p50"));
			for (var query : queries.entrySet()) {
				double[] analyst = new double[runs];
				double[] everything = new double[runs];
				for (int i = -20; i < runs; i++) {
					// alternate which goes first, so that neither always reads a warmer cache
					boolean analystFirst = (i & 1) == 0;
					double a = 0;
					double e = 0;
					if (analystFirst) {
						a = timeAsAnalyst(store, query.getValue());
						e = time(() -> store.readEverything(query.getValue(), Map.of()));
					}
					else {
						e = time(() -> store.readEverything(query.getValue(), Map.of()));
						a = timeAsAnalyst(store, query.getValue());
					}
					if (i >= 0) {
						analyst[i] = a;
						everything[i] = e;
					}
				}
				Arrays.sort(analyst);
				Arrays.sort(everything);
				double ap50 = analyst[runs / 2];
				double ep50 = everything[runs / 2];
				rows.add(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.3f,%.2f", query.getKey(), ap50, analyst[runs * 95 / 100], ep50,
						everything[runs * 95 / 100], ap50 / ep50));
				System.out.println(rows.getLast());
			}
			Path out = Path.of("bench/results/visibility-cost.csv");
			Files.createDirectories(out.getParent());
			Files.write(out, rows, StandardCharsets.UTF_8);
			System.out.printf(Locale.ROOT, "%,d generated nodes; %d runs per query; wrote %s%n", nodes, runs, out);
		}
		finally {
			try (var files = Files.walk(work)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static double timeAsAnalyst(GraphStore store, String query) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("bench-analyst", null, "ROLE_ANALYST"));
		try {
			return time(() -> store.read(query, Map.of()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static double time(Runnable read) {
		long started = System.nanoTime();
		read.run();
		return (System.nanoTime() - started) / 1e6;
	}

	private static String arg(String[] args, String name, String otherwise) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return otherwise;
	}

}
