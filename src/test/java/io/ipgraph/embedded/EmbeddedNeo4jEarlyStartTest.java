package io.ipgraph.embedded;

import java.nio.file.Path;

import io.ipgraph.IpgraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded Neo4j starts on its own thread while the context is built: a start that fails there fails the
 * application with Neo4j's own reason, and a server started but never handed to the context is stopped with it.
 */
class EmbeddedNeo4jEarlyStartTest {

	@Test
	void aStartThatFailsOnItsThreadFailsTheApplicationWithTheReason(@TempDir Path dataDir) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(IpgraphApplication.class)
			.run("--server.port=0", "--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=64x",
					"--ipgraph.embedded.data-dir=" + dataDir.toAbsolutePath())
			.close())
			.rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown size unit in '64x'");
	}

	@Test
	void aServerNeverHandedOverIsStoppedAndItsStoreCanBeOpenedAgain(@TempDir Path dataDir) {
		var properties = new EmbeddedNeo4jProperties(dataDir.resolve("neo4j"), "localhost", 0, "32m", null, true, 0);
		var started = new EmbeddedNeo4jEarlyStart.Started(properties);
		started.destroy();
		// the store's lock is free: a second server opens it (it would refuse a store in use by another)
		try (EmbeddedNeo4j again = EmbeddedNeo4j.start(properties)) {
			assertThat(again.database("neo4j").isAvailable(1000)).isTrue();
		}
	}

}
