package io.ipgraph.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import io.ipgraph.IpgraphApplication;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.security.Role;
import io.ipgraph.store.GraphStore;
import io.ipgraph.watch.Alerts;
import io.ipgraph.watch.Watches;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Watches under load, in one run: the generated file imported into a fresh store with {@code --watches} mark watches
 * (texts, classes and territories taken from the file's own registrations, so they match as real watches would), then
 * into another with none (second, on the warmer JVM, so the ratio errs against the watches), both with the evaluator
 * running; the ratio of the import rates. On the store with the watches, {@code --probes} one-registration imports
 * that conflict with a watch: the time from the import's commit to the alert being queryable (through the service
 * behind GraphQL {@code alerts}) and to its delivery at a loopback webhook, p50 and p95. Run with
 * {@code bench/watches.sh}; writes {@code bench/results/watches.csv}.
 */
public final class WatchBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WatchBenchmark() {
	}

	/** A watch to make: a registration's text, classes and territory. */
	record Mark(String text, List<Integer> classes, String territory) {
	}

	public static void main(String[] args) throws Exception {
		long nodes = Long.parseLong(arg(args, "--nodes", "1000000"));
		int watchCount = Integer.parseInt(arg(args, "--watches", "1000"));
		int probes = Integer.parseInt(arg(args, "--probes", "50"));
		int batch = 5000;
		Path file = ImportSpeedBenchmark.generated(nodes);
		long lines;
		try (var stream = Files.lines(file)) {
			lines = stream.count();
		}
		List<Mark> marks = marks(file, watchCount);
		System.out.printf(Locale.ROOT, "watch benchmark: %s, %,d lines, %d watches%n", file, lines, marks.size());

		Map<String, Long> delivered = new ConcurrentHashMap<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			long at = System.nanoTime();
			JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
			delivered.putIfAbsent(body.get("alert").get("subjectId").asString(), at);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

		Timed watched;
		long alerts;
		List<Long> queryable = new ArrayList<>();
		List<Long> webhook = new ArrayList<>();
		try (ConfigurableApplicationContext app = start()) {
			Watches watches = app.getBean(Watches.class);
			List<String> ids = new ArrayList<>();
			long made = System.nanoTime();
			CurrentUser.actingAs("bench", Role.EDITOR, () -> {
				for (int i = 0; i < marks.size(); i++) {
					Mark m = marks.get(i);
					ids.add(watches.watchMark(null, m.text(), m.classes(), List.of(m.territory()), null, List.of(), null, true, i < probes ? hook : null)
						.watch().id());
				}
				return null;
			});
			System.out.printf(Locale.ROOT, "%d watches made in %.1f s%n", ids.size(), (System.nanoTime() - made) / 1e9);
			watched = importAll(app, file, batch, lines, marks.size() + " watches");
			GraphStore store = app.getBean(GraphStore.class);
			alerts = store.readEverything("MATCH (a:Alert) RETURN count(a) AS n", Map.of()).getFirst().get("n").asLong();
			Alerts alertService = app.getBean(Alerts.class);
			GraphImporter importer = app.getBean(GraphImporter.class);
			for (int i = 0; i < probes && i < marks.size(); i++) {
				Mark m = marks.get(i);
				String id = "PROBE:" + i;
				String probe = """
						{"kind":"node","label":"Source","id":"src:probe","properties":{"title":"Probe","kind":"analyst-note"}}
						{"kind":"node","label":"Registration","id":"%s","properties":{"office":"PROBE","number":"%d","jurisdiction":"%s","markText":"%s","classes":%s,"filedOn":"2026-11"},"sources":[{"id":"src:probe","quote":"probe %d"}]}
						""".formatted(id, i, m.territory(), m.text() + "X", m.classes(), i);
				byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
				String watchId = ids.get(i);
				CurrentUser.actingAs("bench", Role.EDITOR, () -> {
					try (InputStream in = new ByteArrayInputStream(bytes)) {
						importer.importStream("probe.jsonl", in, bytes.length, false, batch, p -> {
						});
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
					long committed = System.nanoTime();
					long deadline = committed + 30_000_000_000L;
					while (alertService.list(watchId, null, "conflict", 500, 0).stream().noneMatch(a -> a.subjectId().equals(id))) {
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("no alert for " + id + " within 30 s");
						}
						Thread.onSpinWait();
					}
					queryable.add(System.nanoTime() - committed);
					while (!delivered.containsKey(id)) {
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("no delivery for " + id + " within 30 s");
						}
						Thread.onSpinWait();
					}
					webhook.add(delivered.get(id) - committed);
					return null;
				});
			}
		}
		receiver.stop(0);
		// second, so that it runs on the warmer JVM: the ratio errs against the watches
		Timed none;
		try (ConfigurableApplicationContext app = start()) {
			none = importAll(app, file, batch, lines, "no watches");
		}
		double ratio = watched.rate() / none.rate();
		String report = String.format(Locale.ROOT, """
				nodes,lines,watches,none_per_s,watched_per_s,ratio,none_drain_s,watched_drain_s,alerts,probes,queryable_p50_ms,queryable_p95_ms,webhook_p50_ms,webhook_p95_ms
				%d,%d,%d,%.0f,%.0f,%.3f,%.1f,%.1f,%d,%d,%.0f,%.0f,%.0f,%.0f
				""", nodes, lines, marks.size(), none.rate(), watched.rate(), ratio, none.drain(), watched.drain(), alerts, queryable.size(),
				ms(queryable, 0.5), ms(queryable, 0.95), ms(webhook, 0.5), ms(webhook, 0.95));
		System.out.print(report);
		Path out = Path.of("bench/results/watches.csv");
		Files.writeString(out, report);
		System.out.println("written to " + out);
		System.exit(0);
	}

	/** An import's rate (lines per second, to the import's return) and how long the journal took to drain after it. */
	record Timed(double rate, double drain) {
	}

	private static Timed importAll(ConfigurableApplicationContext app, Path file, int batch, long lines, String what) throws Exception {
		GraphImporter importer = app.getBean(GraphImporter.class);
		GraphStore store = app.getBean(GraphStore.class);
		long started = System.nanoTime();
		CurrentUser.actingAs("bench", Role.EDITOR, () -> {
			try (InputStream in = Files.newInputStream(file)) {
				importer.importStream(file.toString(), in, Files.size(file), false, batch,
						p -> System.out.printf(Locale.ROOT, "\r%s: %,d lines", what, p.lines()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return null;
		});
		long imported = System.nanoTime();
		while (store.readEverything("MATCH (c:Change:Pending) RETURN count(c) AS n", Map.of()).getFirst().get("n").asLong() > 0) {
			Thread.onSpinWait();
		}
		long drained = System.nanoTime();
		Timed t = new Timed(lines / ((imported - started) / 1e9), (drained - imported) / 1e9);
		System.out.printf(Locale.ROOT, "%n%s: %,.0f lines/s, journal drained %.1f s after the import%n", what, t.rate(), t.drain());
		return t;
	}

	/** Every so many registrations of the file, as a watch: distinct texts. */
	private static List<Mark> marks(Path file, int count) throws Exception {
		List<Mark> all = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			long n = 0;
			while ((line = reader.readLine()) != null) {
				if (!line.contains("\"label\":\"Registration\"") || n++ % 37 != 0) {
					continue;
				}
				JsonNode p = JSON.readTree(line).path("properties");
				String text = p.path("markText").asString("");
				if (text.isEmpty() || text.length() > 30 || !seen.add(text)) {
					continue;
				}
				List<Integer> classes = new ArrayList<>();
				p.path("classes").values().forEach(c -> classes.add(c.asInt()));
				all.add(new Mark(text, classes, p.path("jurisdiction").asString()));
			}
		}
		java.util.Collections.shuffle(all, new java.util.Random(7));
		return all.subList(0, Math.min(count, all.size()));
	}

	private static double ms(List<Long> nanos, double quantile) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	private static ConfigurableApplicationContext start() throws Exception {
		Path dir = Files.createTempDirectory("ipgraph-watch-bench");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
			catch (java.io.IOException ex) {
				System.err.println("could not remove " + dir + ": " + ex.getMessage());
			}
		}));
		// the web application: the watches are evaluated there (a command-line import leaves them to the server)
		return new SpringApplicationBuilder(IpgraphApplication.class).run("--server.port=0", "--ipgraph.embedded.bolt-port=0",
				"--ipgraph.embedded.page-cache=1g", "--ipgraph.embedded.data-dir=" + dir, "--ipgraph.neo4j.seed=false", "--logging.level.root=warn",
				"--ipgraph.security.initial-password-file=" + dir.resolve("admin-password.txt"));
	}

	private static String arg(String[] args, String name, String fallback) {
		int i = Arrays.asList(args).indexOf(name);
		return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
	}

}
