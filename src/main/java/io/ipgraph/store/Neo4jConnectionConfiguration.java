package io.ipgraph.store;

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
			var auth = (properties.password() == null || properties.password().isBlank()) ? AuthTokens.none()
					: AuthTokens.basic(properties.username(), properties.password());
			return GraphDatabase.driver(properties.uri(), auth, config);
		}
		EmbeddedNeo4j db = embedded.getObject();
		var auth = AuthTokens.basic(BoltSignIn.INTERNAL_USER, db.signIn().internalSecret());
		return GraphDatabase.driver(db.boltUri(), auth, config);
	}

}
