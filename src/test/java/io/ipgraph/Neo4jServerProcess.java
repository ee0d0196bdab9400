package io.ipgraph;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * A Neo4j Community server in a JVM of its own, as {@code neo4j console} runs it ({@code org.neo4j.server.Neo4jCommunity},
 * Bolt and Neo4j's HTTP server), from the Maven Central artifacts of {@code src/test/neo4j-server/pom.xml}: a home
 * directory with a {@code conf/neo4j.conf}, authentication on, and the initial password set with
 * {@code neo4j-admin dbms set-initial-password} before the first start, as a real installation does. Stopping it is a
 * SIGTERM (Neo4j's own orderly shutdown); starting it again finds its data.
 */
public final class Neo4jServerProcess implements AutoCloseable {

	private final Path home;

	private final int boltPort;

	private final String password;

	private final String classpath;

	private Process process;

	private Neo4jServerProcess(Path home, int boltPort, String password, String classpath) {
		this.home = home;
		this.boltPort = boltPort;
		this.password = password;
		this.classpath = classpath;
	}

	/** Writes the configuration of a new server in {@code home} and sets its initial password; does not start it. */
	public static Neo4jServerProcess install(Path home, String password) throws IOException, InterruptedException {
		Path classpathFile = Path.of("target/neo4j-server.classpath").toAbsolutePath();
		if (!Files.exists(classpathFile)) {
			Processes.run(List.of(Processes.mavenWrapper(), "-q", "-f", "src/test/neo4j-server/pom.xml", "dependency:build-classpath",
					"-Dmdep.outputFile=" + classpathFile), Path.of("."), 600);
		}
		int bolt = freePort();
		int http = freePort();
		Files.createDirectories(home.resolve("conf"));
		Files.writeString(home.resolve("conf/neo4j.conf"), String.join("\n",
				"server.bolt.listen_address=localhost:" + bolt,
				// what the routing table names: the address clients reach, not the default :7687
				"server.bolt.advertised_address=localhost:" + bolt,
				"server.http.listen_address=localhost:" + http,
				"server.http.advertised_address=localhost:" + http,
				"server.https.enabled=false",
				"dbms.security.auth_enabled=true",
				"dbms.usage_report.enabled=false",
				"server.memory.pagecache.size=64m",
				"server.memory.heap.max_size=512m", ""), StandardCharsets.UTF_8);
		Neo4jServerProcess server = new Neo4jServerProcess(home, bolt, password, Files.readString(classpathFile).strip());
		String answer = Processes.run(server.java("org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password), home, 120,
				server.environment());
		if (!answer.contains("Changed password")) {
			throw new AssertionError("neo4j-admin dbms set-initial-password: " + answer);
		}
		return server;
	}

	/** Starts the server and returns once Bolt answers a signed-in query (at most two minutes). */
	public void start() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(java("org.neo4j.server.Neo4jCommunity", "--home-dir=" + this.home,
				"--config-dir=" + this.home.resolve("conf")))
			.directory(this.home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.home.resolve("console.log").toFile()));
		builder.environment().putAll(environment());
		this.process = builder.start();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		RuntimeException last = null;
		try (var driver = GraphDatabase.driver(boltUri(), AuthTokens.basic("neo4j", this.password))) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new AssertionError("the Neo4j server stopped while starting:\n" + log());
				}
				try {
					driver.verifyConnectivity();
					return;
				}
				catch (RuntimeException notYet) {
					last = notYet;
					Thread.sleep(250);
				}
			}
		}
		throw new AssertionError("the Neo4j server did not answer within 2 minutes: " + last + "\n" + log());
	}

	/** Stops the server the way a service manager does (SIGTERM) and waits for it to end. */
	public void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	public int boltPort() {
		return this.boltPort;
	}

	public String boltUri() {
		return "bolt://localhost:" + this.boltPort;
	}

	/** The server's own log (logs/neo4j.log), for a failure message. */
	public String log() {
		try {
			Path log = this.home.resolve("logs/neo4j.log");
			return Files.exists(log) ? Files.readString(log) : Files.readString(this.home.resolve("console.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private List<String> java(String mainClass, String... arguments) {
		List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
				"--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
				"--enable-native-access=ALL-UNNAMED", "-cp", this.classpath, mainClass));
		command.addAll(List.of(arguments));
		return command;
	}

	private java.util.Map<String, String> environment() {
		return java.util.Map.of("NEO4J_HOME", this.home.toString(), "NEO4J_CONF", this.home.resolve("conf").toString());
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
