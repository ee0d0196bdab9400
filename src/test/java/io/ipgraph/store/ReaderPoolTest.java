package io.ipgraph.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ipgraph.IpgraphTest;
import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.embedded.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In-process reads run on a pool of reader threads; the query timeout counts from the request, so a read that waits
 * for a free reader longer than that fails as a timed-out transaction instead of waiting on. Sessions carry the
 * instance's bookmarks.
 */
@IpgraphTest
class ReaderPoolTest {

	@Autowired
	Driver driver;

	@Autowired
	EmbeddedNeo4j embedded;

	@Test
	void aReadThatWaitsForAFreeReaderBeyondTheTimeoutFailsAsTimedOut() throws Exception {
		var beans = new DefaultListableBeanFactory();
		beans.registerSingleton("embedded", this.embedded);
		var properties = new Neo4jConnectionProperties(null, "neo4j", null, "neo4j", Duration.ofSeconds(1), false);
		GraphStore store = new GraphStore(this.driver, properties, beans.getBeanProvider(EmbeddedNeo4j.class),
				new EmbeddedNeo4jProperties(null, "localhost", 0, "32m", null, true, 1));
		try {
			assertThat(store.read("RETURN 1 AS one", Map.of()).getFirst().get("one").asInt()).isEqualTo(1);
			// the only reader is busy for longer than the timeout
			CountDownLatch busy = new CountDownLatch(1);
			store.readers().submit(() -> {
				busy.countDown();
				Thread.sleep(3000);
				return null;
			});
			assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
			long started = System.nanoTime();
			assertThatThrownBy(() -> store.read("RETURN 1 AS one", Map.of())).isInstanceOf(ClientException.class)
				.satisfies(ex -> assertThat(((ClientException) ex).code()).contains("TransactionTimedOut"))
				.hasMessageContaining("within the query timeout of 1000 ms");
			// it gave up when the reader came free (3 s) at the latest, not after a query of its own
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			// and the reader serves the next read once free
			Thread.sleep(500);
			assertThat(store.read("RETURN 2 AS two", Map.of()).getFirst().get("two").asInt()).isEqualTo(2);
		}
		finally {
			store.stopReaders();
		}
	}

	@Autowired
	GraphStore store;

	@Test
	void everySessionStartsFromTheBookmarksOfTheWritesBefore() {
		this.store.write("MERGE (p:BookmarkProbe {id: 'bookmark-probe'}) SET p.at = timestamp()", Map.of());
		var afterFirst = Set.copyOf(this.store.bookmarks());
		assertThat(afterFirst).isNotEmpty();
		this.store.write("MATCH (p:BookmarkProbe {id: 'bookmark-probe'}) DETACH DELETE p", Map.of());
		// the next session is given the newer bookmark, so a cluster member serving it first catches up with the write
		assertThat(this.store.bookmarks()).isNotEmpty().isNotEqualTo(afterFirst);
		try (var session = this.driver.session(this.store.sessionConfig())) {
			session.executeRead(tx -> tx.run("RETURN 1").consume());
			assertThat(session.lastBookmarks()).isNotEmpty();
		}
	}

}
