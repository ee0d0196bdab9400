package io.ipgraph.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j.
 *
 * @param dataDir where the store lives; it survives restarts
 * @param boltHost interface Bolt listens on; clients sign in with an ipgraph user on every interface
 * @param boltPort Bolt port; {@code 0} picks a free one (used by the tests)
 * @param pageCache page cache size in Neo4j's notation, e.g. {@code 512m}
 * @param password when set, the user {@code neo4j} with this password has full access over Bolt (for another
 *        service that uses this database as a server); empty: no such user
 * @param inProcessReads whether reads run in the embedded database's own transactions (the answers are the same as
 *        through the driver, without Bolt's encoding); on by default
 * @param readConcurrency how many reads run at once in process; {@code 0}: twice the cores
 */
@ConfigurationProperties("ipgraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("data/neo4j") Path dataDir,
		@DefaultValue("localhost") String boltHost, @DefaultValue("7687") int boltPort,
		@DefaultValue("256m") String pageCache, String password, @DefaultValue("true") boolean inProcessReads,
		@DefaultValue("0") int readConcurrency) {
}
