package io.ipgraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.bolt.BoltServer;
import org.neo4j.common.DependencyResolver;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.AbstractEditionModule;
import org.neo4j.graphdb.factory.module.edition.CommunityEditionModule;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j Community server with only its Bolt connector on. Neo4j's own HTTP server stays off:
 * it needs a JAX-RS stack that clashes with Spring Boot's, and Bolt is all that the application, drivers,
 * cypher-shell and Neo4j Browser need. Bolt never accepts a session without credentials, on any interface, over
 * TCP or WebSocket: clients sign in with an ipgraph user, and the role decides ({@link BoltSignIn}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService dbms;

	private final String boltUri;

	private final BoltSignIn signIn;

	private final Duration startupTime;

	private volatile Set<String> pageOrigins = Set.of();

	private boolean closed;

	private EmbeddedNeo4j(DatabaseManagementService dbms, String boltUri, BoltSignIn signIn, Duration startupTime) {
		this.dbms = dbms;
		this.boltUri = boltUri;
		this.signIn = signIn;
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
		log.info("Starting embedded Neo4j in {} (Bolt on {}:{}, ipgraph sign-in required)", home, properties.boltHost(), port);
		BoltSignIn signIn = new BoltSignIn(properties.password());
		DatabaseManagementService dbms;
		try {
			dbms = build(home, properties, port, signIn);
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
		EmbeddedNeo4j[] self = new EmbeddedNeo4j[1];
		BoltOriginCheck originCheck = new BoltOriginCheck(() -> self[0] == null ? Set.of() : self[0].pageOrigins);
		resolve(dbms, BoltServer.class).getConnectors().forEach(connector -> connector.registerListener(originCheck));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		String uri = "bolt://" + (properties.boltHost().contains(":") ? "[" + properties.boltHost() + "]" : properties.boltHost()) + ":" + port;
		log.info("Embedded Neo4j ready at {} after {} ms", uri, took.toMillis());
		self[0] = new EmbeddedNeo4j(dbms, uri, signIn, took);
		return self[0];
	}

	private static <T> T resolve(DatabaseManagementService dbms, Class<T> type) {
		var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		return system.getDependencyResolver().resolveDependency(type);
	}

	/**
	 * The origins (scheme, host and port, lower case) of the pages that may open Bolt over WebSocket: ipgraph's own,
	 * where it serves Neo4j Browser. Any other page is refused ({@link BoltOriginCheck}).
	 */
	public void allowPageOrigins(Set<String> origins) {
		this.pageOrigins = Set.copyOf(origins);
	}

	private static DatabaseManagementService build(Path home, EmbeddedNeo4jProperties properties, int port, BoltSignIn signIn) {
		return new SignedInBuilder(home, signIn)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltHost(), port))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(properties.boltHost(), port))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// Neo4j Browser reads this to show its sign-in form; Bolt sign-ins go to BoltSignIn, not to Neo4j's users
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			// Neo4j would otherwise report anonymous usage data to neo4j.com: an investigation's database stays quiet
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			// and Neo4j Browser neither sends usage data nor loads anything from the internet (fonts, guides, scripts)
			.setConfig(ServerSettings.allow_telemetry, false)
			.setConfig(BrowserPrivacySettings.allow_outgoing_connections, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(properties.pageCache()))
			.build();
	}

	/**
	 * Neo4j Community with its Bolt sign-in replaced by {@link BoltSignIn}: the edition module is Community's own, but
	 * for the authentication manager of the Bolt connector.
	 */
	private static final class SignedInBuilder extends DatabaseManagementServiceBuilderImplementation {

		private final BoltSignIn signIn;

		SignedInBuilder(Path home, BoltSignIn signIn) {
			super(home);
			this.signIn = signIn;
		}

		@Override
		protected Function<GlobalModule, AbstractEditionModule> getEditionFactory(Config config) {
			BoltSignIn bolt = this.signIn;
			return global -> new CommunityEditionModule(global) {
				@Override
				public AuthManager getBoltAuthManager(DependencyResolver dependencies) {
					return bolt;
				}
			};
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

	/** Who may open a Bolt session; the web application installs its users here. */
	public BoltSignIn signIn() {
		return this.signIn;
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
