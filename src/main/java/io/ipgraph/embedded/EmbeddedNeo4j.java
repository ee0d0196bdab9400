package io.ipgraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j Community server with only its Bolt connector on. Neo4j's own HTTP server stays off:
 * it needs a JAX-RS stack that clashes with Spring Boot's, and Bolt is all that the application, drivers,
 * cypher-shell and Neo4j Browser need.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService dbms;

	private final String boltUri;

	private final boolean authEnabled;

	private final Duration startupTime;

	private boolean closed;

	private EmbeddedNeo4j(DatabaseManagementService dbms, String boltUri, boolean authEnabled, Duration startupTime) {
		this.dbms = dbms;
		this.boltUri = boltUri;
		this.authEnabled = authEnabled;
		this.startupTime = startupTime;
	}

	/** Starts the server and waits until the default database accepts transactions. */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
		long started = System.nanoTime();
		Path home = properties.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Neo4j data directory " + home, ex);
		}
		int port = properties.boltPort() == 0 ? freePort(properties.boltHost()) : properties.boltPort();
		boolean loopbackOnly = isLoopback(properties.boltHost());
		if (!loopbackOnly && (properties.password() == null || properties.password().isBlank())) {
			throw new IllegalStateException("ipgraph.embedded.bolt-host=" + properties.boltHost()
					+ " exposes Bolt beyond this machine: set ipgraph.embedded.password (IPGRAPH_EMBEDDED_PASSWORD) "
					+ "so that Neo4j authentication is on");
		}
		log.info("Starting embedded Neo4j in {} (Bolt on {}:{})", home, properties.boltHost(), port);
		DatabaseManagementService dbms;
		try {
			dbms = build(home, properties, port, loopbackOnly);
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause.getClass().getSimpleName().matches("(Store|File)LockException")) {
					throw new IllegalStateException("The database in " + home + " is in use by another process (a running ipgraph?)."
							+ " Stop it, or reach it through its Bolt port: NEO4J_URI=bolt://localhost:7687", ex);
				}
			}
			throw ex;
		}
		var db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
			dbms.shutdown();
			throw new IllegalStateException("Embedded Neo4j did not become available within 2 minutes");
		}
		if (!loopbackOnly) {
			setInitialPassword(dbms, properties.password());
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		String uri = "bolt://" + (properties.boltHost().contains(":") ? "[" + properties.boltHost() + "]" : properties.boltHost()) + ":" + port;
		log.info("Embedded Neo4j ready at {} after {} ms", uri, took.toMillis());
		return new EmbeddedNeo4j(dbms, uri, !loopbackOnly, took);
	}

	private static DatabaseManagementService build(Path home, EmbeddedNeo4jProperties properties, int port, boolean loopbackOnly) {
		return new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltHost(), port))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(properties.boltHost(), port))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, !loopbackOnly)
			// Neo4j would otherwise report anonymous usage data to neo4j.com: an investigation's database stays quiet
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(properties.pageCache()))
			.build();
	}

	private static void setInitialPassword(DatabaseManagementService dbms, String password) {
		var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		system.executeTransactionally("ALTER USER neo4j IF EXISTS SET PASSWORD $password CHANGE NOT REQUIRED",
				java.util.Map.of("password", password));
	}

	static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort(String host) {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for Bolt on " + host, ex);
		}
	}

	static long parseBytes(String size) {
		String s = size.trim().toLowerCase(java.util.Locale.ROOT);
		long factor = 1;
		char unit = s.charAt(s.length() - 1);
		if (Character.isLetter(unit)) {
			factor = switch (unit) {
				case 'k' -> 1L << 10;
				case 'm' -> 1L << 20;
				case 'g' -> 1L << 30;
				default -> throw new IllegalArgumentException("Unknown size unit in '" + size + "' (use k, m or g)");
			};
			s = s.substring(0, s.length() - 1);
		}
		return Long.parseLong(s) * factor;
	}

	/** The Bolt URI clients connect to, e.g. {@code bolt://localhost:7687}. */
	/** A database of this server, for in-process queries. */
	public org.neo4j.graphdb.GraphDatabaseService database(String name) {
		return this.dbms.database(name);
	}

	public String boltUri() {
		return this.boltUri;
	}

	public boolean authEnabled() {
		return this.authEnabled;
	}

	/**
	 * What Neo4j Browser reads from this server when it connects ({@code CALL dbms.clientConfig()}): the commands
	 * it runs after connecting ({@code browser.post_connect_cmd}, separated by {@code ;}) and the hosts it may
	 * fetch guides and styles from ({@code browser.remote_content_hostname_whitelist}). Set once the HTTP port
	 * that serves them is known, which is after the database started; both are read on every connect.
	 */
	public void browserClientSettings(String postConnectCommands, String remoteContentHosts) {
		var system = (GraphDatabaseAPI) this.dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		Config config = system.getDependencyResolver().resolveDependency(Config.class);
		config.set(ServerSettings.browser_post_connect_cmd, postConnectCommands);
		config.set(ServerSettings.browser_remote_content_hostname_whitelist, remoteContentHosts);
	}

	public Duration startupTime() {
		return this.startupTime;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		log.info("Stopping embedded Neo4j");
		this.dbms.shutdown();
	}

}
