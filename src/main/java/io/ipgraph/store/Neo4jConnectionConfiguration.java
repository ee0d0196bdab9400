package io.ipgraph.store;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.ipgraph.embedded.BoltSignIn;
import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.embedded.EmbeddedNeo4jEarlyStart;
import io.ipgraph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: the embedded one by default, the server named by {@code NEO4J_URI} otherwise. The
 * driver defined here replaces Spring Boot's, so Spring Data Neo4j, the health check and ipgraph's own
 * queries share it.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConnectionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(Neo4jConnectionConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${ipgraph.neo4j.uri:}'.isBlank()")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, ObjectProvider<EmbeddedNeo4jEarlyStart.Started> early) {
		// normally started already, on its own thread, while the context was being built (EmbeddedNeo4jEarlyStart)
		EmbeddedNeo4jEarlyStart.Started started = early.getIfAvailable();
		return (started != null) ? started.take() : EmbeddedNeo4j.start(properties);
	}

	/**
	 * A server is reached with credentials only (an unauthenticated server would hold the investigation open to anyone
	 * who reaches it): no password stops the start. Unencrypted Bolt to a host beyond loopback is allowed (a private
	 * network may be trusted) but warned about, naming the encrypted schemes.
	 */
	static Optional<String> checkExternal(String uri, String password) {
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("NEO4J_URI (ipgraph.neo4j.uri) is " + uri + " but NEO4J_PASSWORD (ipgraph.neo4j.password) is empty:"
					+ " ipgraph connects to a Neo4j server with credentials only (NEO4J_USERNAME, default neo4j, and NEO4J_PASSWORD)");
		}
		URI parsed;
		try {
			parsed = URI.create(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("NEO4J_URI is not a URI: " + uri, ex);
		}
		String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
		String host = parsed.getHost() == null ? "" : parsed.getHost();
		boolean unencrypted = scheme.equals("bolt") || scheme.equals("neo4j");
		if (unencrypted && !isLoopback(host)) {
			return Optional.of("NEO4J_URI " + uri + " is unencrypted Bolt to " + host + ", beyond this machine: credentials and the graph"
					+ " cross the network in clear text. Use bolt+s:// or neo4j+s:// (bolt+ssc:// / neo4j+ssc:// for a self-signed certificate)");
		}
		return Optional.empty();
	}

	private static boolean isLoopback(String host) {
		String h = host.replace("[", "").replace("]", "");
		if (h.equals("localhost")) {
			return true;
		}
		try {
			// an address literal is checked without a name look-up; a name other than localhost counts as remote
			return h.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(h).isLoopbackAddress();
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(Neo4jConnectionProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
		// a request waits seconds, not the driver's default half minute, when the database is gone; transient errors
		// (deadlocks, a leader switch) are retried within that time, and every write ipgraph retries is idempotent
		Config config = Config.builder()
			.withUserAgent("ipgraph")
			.withMaxTransactionRetryTime(5, TimeUnit.SECONDS)
			.withConnectionTimeout(5, TimeUnit.SECONDS)
			.withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
			.withConnectionLivenessCheckTimeout(30, TimeUnit.SECONDS)
			.build();
		if (properties.external()) {
			log.info("Using the Neo4j server at {} (no embedded database)", properties.uri());
			checkExternal(properties.uri(), properties.password()).ifPresent(log::warn);
			return GraphDatabase.driver(properties.uri(), AuthTokens.basic(properties.username(), properties.password()), config);
		}
		EmbeddedNeo4j db = embedded.getObject();
		var auth = AuthTokens.basic(BoltSignIn.INTERNAL_USER, db.signIn().internalSecret());
		return GraphDatabase.driver(db.boltUri(), auth, config);
	}

}
