package io.ipgraph.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j.
 *
 * @param dataDir where the store lives; it survives restarts
 * @param boltHost interface Bolt listens on; anything but a loopback address turns Neo4j authentication on
 * @param boltPort Bolt port; {@code 0} picks a free one (used by the tests)
 * @param pageCache page cache size in Neo4j's notation, e.g. {@code 512m}
 * @param password password of the {@code neo4j} user when authentication is on
 */
@ConfigurationProperties("ipgraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("data/neo4j") Path dataDir,
		@DefaultValue("localhost") String boltHost, @DefaultValue("7687") int boltPort,
		@DefaultValue("256m") String pageCache, String password) {
}
