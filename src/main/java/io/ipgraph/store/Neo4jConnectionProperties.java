package io.ipgraph.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the graph lives. With an empty {@code uri} ipgraph starts its embedded Neo4j; otherwise it connects to
 * that server ({@code bolt://}, or {@code neo4j://} / {@code neo4j+s://} for a cluster or Aura).
 *
 * @param uri external server, bound to {@code NEO4J_URI}
 * @param username bound to {@code NEO4J_USERNAME}
 * @param password bound to {@code NEO4J_PASSWORD}
 * @param database database name
 * @param queryTimeout transaction timeout of every query ipgraph runs
 * @param seed load the seed cases on first start
 */
@ConfigurationProperties("ipgraph.neo4j")
public record Neo4jConnectionProperties(String uri, @DefaultValue("neo4j") String username, String password,
		@DefaultValue("neo4j") String database, @DefaultValue("30s") Duration queryTimeout,
		@DefaultValue("true") boolean seed) {

	public boolean external() {
		return this.uri != null && !this.uri.isBlank();
	}

}
