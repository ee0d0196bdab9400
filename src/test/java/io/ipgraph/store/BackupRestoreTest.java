package io.ipgraph.store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipgraph.embedded.BoltSignIn;
import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.embedded.EmbeddedNeo4jProperties;
import io.ipgraph.embedded.StoreMaintenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore of the embedded store as the README documents them ({@code backup DIR}, {@code restore DIR}
 * with ipgraph stopped): the backup is a checked copy; writes after it are undone by a restore; the store the
 * restore replaced is kept aside; a store in use is refused.
 */
class BackupRestoreTest {

	@Test
	void aRestoredBackupIsTheGraphAsItWasWhenBackedUp(@TempDir Path dir) throws Exception {
		Path home = dir.resolve("neo4j");
		write(home, "CREATE (:Company {id: 'company:backup-a', name: 'Alpha'})-[:PARTNER_OF]->(:Company {id: 'company:backup-b', name: 'Beta'})");

		// in use: refused, nothing copied
		try (EmbeddedNeo4j running = EmbeddedNeo4j.start(properties(home))) {
			assertThatThrownBy(() -> StoreMaintenance.backup(home, dir.resolve("refused"))).hasMessageContaining("in use");
		}
		assertThat(dir.resolve("refused")).doesNotExist();

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = StoreMaintenance.run("backup", List.of(dir.resolve("backup").toString(), "--ipgraph.embedded.data-dir=" + home),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("consistent, 2 nodes, 1 relationships");

		// later work, then the restore puts the backed-up graph back
		write(home, "MATCH (b:Company {id: 'company:backup-b'}) DETACH DELETE b CREATE (:Company {id: 'company:backup-c', name: 'Gamma'})");
		assertThat(StoreMaintenance.check(home).labels()).containsEntry("Company", 2L);
		assertThat(StoreMaintenance.run("restore", List.of(dir.resolve("backup").toString(), "--ipgraph.embedded.data-dir=" + home),
				System.out, System.err)).isZero();
		StoreMaintenance.Report restored = StoreMaintenance.check(home);
		assertThat(restored.consistent()).isTrue();
		assertThat(restored.relationships()).isEqualTo(1);
		assertThat(ids(home)).containsExactly("company:backup-a", "company:backup-b");
		// the replaced store is kept, not deleted
		try (var siblings = Files.list(dir)) {
			assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("neo4j.before-restore-"));
		}
		// a backup directory that is not empty is refused
		assertThat(StoreMaintenance.run("backup", List.of(dir.resolve("backup").toString(), "--ipgraph.embedded.data-dir=" + home),
				System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
	}

	private static EmbeddedNeo4jProperties properties(Path home) {
		return new EmbeddedNeo4jProperties(home, "localhost", 0, "32m", null, true, 0);
	}

	private static void write(Path home, String cypher) {
		try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(home));
				var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(BoltSignIn.INTERNAL_USER, db.signIn().internalSecret()));
				var session = driver.session()) {
			session.run(cypher).consume();
		}
	}

	private static List<String> ids(Path home) {
		try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(home));
				var driver = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(BoltSignIn.INTERNAL_USER, db.signIn().internalSecret()));
				var session = driver.session()) {
			return session.run("MATCH (c:Company) RETURN c.id AS id ORDER BY id", Map.of()).list(r -> r.get("id").asString());
		}
	}

}
