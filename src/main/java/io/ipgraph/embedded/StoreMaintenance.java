package io.ipgraph.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.consistency.ConsistencyCheckService;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;

/**
 * Offline care of the embedded store, with ipgraph stopped: {@code check} (recovery after a crash, then Neo4j's
 * consistency checker), {@code backup DIR} (a consistent copy, checked) and {@code restore DIR} (the copy put back;
 * the store it replaces is kept aside). Each refuses to run while the store is in use.
 */
public final class StoreMaintenance {

	/** What a store holds and whether Neo4j's consistency checker found it sound. */
	public record Report(boolean consistent, Map<String, Long> labels, long relationships, String summary) {

		public long nodes() {
			return this.labels.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private StoreMaintenance() {
	}

	public static final String USAGE = "usage: check | backup DIR | restore DIR   (with ipgraph stopped; --ipgraph.embedded.data-dir=DIR, default data/neo4j)";

	/** Runs {@code check}, {@code backup} or {@code restore}; returns the exit code (0 done, 1 inconsistent, 2 could not run). */
	public static int run(String command, List<String> args, PrintStream out, PrintStream err) {
		Path home = Path.of("data/neo4j");
		String target = null;
		for (String arg : args) {
			if (arg.startsWith("--ipgraph.embedded.data-dir=")) {
				home = Path.of(arg.substring("--ipgraph.embedded.data-dir=".length()));
			}
			else if (!arg.startsWith("--")) {
				target = arg;
			}
		}
		try {
			switch (command) {
				case "check" -> {
					Report report = check(home);
					out.println(describe(home, report));
					return report.consistent() ? 0 : 1;
				}
				case "backup" -> {
					if (target == null) {
						err.println(USAGE);
						return 2;
					}
					Report report = backup(home, Path.of(target));
					out.println("backup " + target + ": " + describe(Path.of(target), report));
					return report.consistent() ? 0 : 1;
				}
				case "restore" -> {
					if (target == null) {
						err.println(USAGE);
						return 2;
					}
					Path aside = restore(Path.of(target), home);
					out.println("restored " + target + " into " + home + (aside != null ? "; the store it replaced is in " + aside : ""));
					return 0;
				}
				default -> {
					err.println(USAGE);
					return 2;
				}
			}
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			err.println(command + ": " + ex.getMessage());
			return 2;
		}
	}

	/** Opens the store once (Neo4j replays its log after a crash), counts what it holds, then runs the consistency checker. */
	public static Report check(Path home) {
		if (!Files.isDirectory(home.resolve("data"))) {
			throw new IllegalStateException("no Neo4j store in " + home.toAbsolutePath());
		}
		Map<String, Long> labels = new TreeMap<>();
		long relationships;
		DatabaseManagementService dbms = open(home);
		try {
			GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			relationships = db.executeTransactionally("MATCH ()-[r]->() RETURN count(r) AS n", Map.of(),
					r -> ((Number) r.next().get("n")).longValue());
			List<String> names = db.executeTransactionally("CALL db.labels() YIELD label RETURN label", Map.of(),
					r -> r.stream().map(row -> (String) row.get("label")).toList());
			for (String label : names) {
				labels.put(label, db.executeTransactionally("MATCH (n:$($label)) RETURN count(n) AS n", Map.of("label", label),
						r -> ((Number) r.next().get("n")).longValue()));
			}
		}
		finally {
			dbms.shutdown();
		}
		Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath()).build();
		DatabaseLayout layout = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		try {
			ConsistencyCheckService.Result result = new ConsistencyCheckService(layout).with(config).with(log).with(home.resolve("logs"))
				.runFullConsistencyCheck();
			return new Report(result.isSuccessful(), labels, relationships, result.summary().toString().strip());
		}
		catch (Exception ex) {
			throw new IllegalStateException("the consistency check could not finish: " + ex.getMessage() + " "
					+ log.toString(StandardCharsets.UTF_8), ex);
		}
	}

	/** Copies the stopped store to {@code target} (new or empty) and checks the copy. */
	public static Report backup(Path home, Path target) {
		if (Files.exists(target) && !isEmptyDirectory(target)) {
			throw new IllegalStateException(target + " exists and is not empty; choose a new directory for the backup");
		}
		open(home).shutdown(); // in use? recovered and cleanly closed otherwise
		copy(home, target);
		Report report = check(target);
		if (!report.consistent()) {
			throw new IllegalStateException("the copy in " + target + " is not consistent: " + report.summary());
		}
		return report;
	}

	/** Puts a checked backup in place of the stopped store; returns where the replaced store was moved (or null). */
	public static Path restore(Path backup, Path home) {
		Report report = check(backup);
		if (!report.consistent()) {
			throw new IllegalStateException(backup + " is not a consistent store: " + report.summary());
		}
		Path aside = null;
		if (Files.isDirectory(home.resolve("data"))) {
			open(home).shutdown(); // refuses while a running ipgraph holds it
			aside = home.resolveSibling(home.getFileName() + ".before-restore-"
					+ DateTimeFormatter.ISO_INSTANT.format(Instant.now()).replace(':', '-'));
			try {
				Files.move(home, aside);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not move " + home + " aside", ex);
			}
		}
		copy(backup, home);
		return aside;
	}

	static String describe(Path home, Report report) {
		return (report.consistent() ? "consistent" : "NOT CONSISTENT") + ", " + String.format("%,d", report.nodes()) + " nodes, "
				+ String.format("%,d", report.relationships()) + " relationships in " + home + (report.consistent() ? "" : "\n" + report.summary());
	}

	private static DatabaseManagementService open(Path home) {
		try {
			return new DatabaseManagementServiceBuilder(home.toAbsolutePath())
				.setConfig(BoltConnector.enabled, false)
				.setConfig(HttpConnector.enabled, false)
				.setConfig(HttpsConnector.enabled, false)
				.setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
				.build();
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause.getClass().getSimpleName().matches("(Store|File)LockException")) {
					throw new IllegalStateException("the store in " + home + " is in use (a running ipgraph?); stop it first", ex);
				}
			}
			throw ex;
		}
	}

	private static boolean isEmptyDirectory(Path dir) {
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void copy(Path from, Path to) {
		try {
			Files.walkFileTree(from, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					Files.createDirectories(to.resolve(from.relativize(dir).toString()));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if (!file.getFileName().toString().equals("store_lock")) {
						Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not copy " + from + " to " + to, ex);
		}
	}

}
