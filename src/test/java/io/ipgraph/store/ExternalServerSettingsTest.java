package io.ipgraph.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code NEO4J_URI}: credentials are required, and unencrypted Bolt beyond loopback is warned about. */
class ExternalServerSettingsTest {

	@Test
	void aServerWithoutAPasswordStopsTheStartNamingTheSetting() {
		for (String password : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> Neo4jConnectionConfiguration.checkExternal("neo4j+s://x.databases.neo4j.io", password))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("NEO4J_PASSWORD")
				.hasMessageContaining("credentials only");
		}
	}

	@Test
	void unencryptedBoltBeyondLoopbackIsWarnedAboutWithTheEncryptedSchemes() {
		for (String uri : new String[] { "bolt://db.example.org:7687", "neo4j://10.0.0.5:7687", "bolt://[2001:db8::1]:7687" }) {
			assertThat(Neo4jConnectionConfiguration.checkExternal(uri, "secret")).as(uri)
				.hasValueSatisfying(w -> assertThat(w).contains("unencrypted").contains("bolt+s://").contains("neo4j+s://"));
		}
		for (String uri : new String[] { "bolt://localhost:7687", "neo4j://127.0.0.1:7687", "bolt://[::1]:7687", "neo4j+s://x.databases.neo4j.io",
				"bolt+ssc://db.example.org:7687" }) {
			assertThat(Neo4jConnectionConfiguration.checkExternal(uri, "secret")).as(uri).isEmpty();
		}
	}

}
