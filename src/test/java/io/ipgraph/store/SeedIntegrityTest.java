package io.ipgraph.store;

import java.util.List;
import java.util.Map;

import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed as loaded into the embedded database: provenance everywhere, and loading it again adds nothing. */
@IpgraphTest
class SeedIntegrityTest {

	@Autowired
	GraphStore store;

	@Autowired
	GraphInitializer initializer;

	@Test
	void everyNodeAndRelationshipCitesExistingSources() {
		List<Record> nodes = this.store.read("""
				MATCH (n) WHERE NOT n:IpgraphMigration AND NOT n:IpgraphSeed AND NOT n:Source AND NOT n:Judgement AND NOT n:Change
				  AND NOT n:Watch AND NOT n:Alert AND NOT n:Delivery
				RETURN n.id AS id, n.sourceIds AS ids, n.quotes AS quotes""", Map.of());
		assertThat(nodes).hasSizeGreaterThan(30);
		List<String> sources = this.store.read("MATCH (s) WHERE s:Source OR s:Judgement RETURN s.id AS id", Map.of())
			.stream()
			.map(r -> r.get("id").asString())
			.toList();
		assertThat(sources).contains("src:article-000", "src:article-001", "src:article-002", "src:article-003",
				"src:brief-public-record");
		for (Record node : nodes) {
			String id = node.get("id").asString(null);
			assertThat(id).as("every node has an id").isNotBlank();
			List<Object> ids = node.get("ids").asList();
			assertThat(ids).as("sources of %s", id).isNotEmpty();
			assertThat(node.get("quotes").asList()).as("quotes of %s", id).hasSameSizeAs(ids);
			assertThat(sources).as("sources of %s exist", id).containsAll(ids.stream().map(String::valueOf).toList());
		}
		List<Record> relationships = this.store.read("""
				MATCH (a)-[r]->(b) WHERE NOT a:IpgraphMigration
				RETURN a.id + ' -' + type(r) + '-> ' + b.id AS rel, r.sourceIds AS ids, r.quotes AS quotes""", Map.of());
		assertThat(relationships).hasSizeGreaterThan(30);
		for (Record rel : relationships) {
			List<Object> ids = rel.get("ids").asList();
			assertThat(ids).as("sources of %s", rel.get("rel").asString()).isNotEmpty();
			assertThat(rel.get("quotes").asList()).as("quotes of %s", rel.get("rel").asString()).hasSameSizeAs(ids);
			assertThat(sources).containsAll(ids.stream().map(String::valueOf).toList());
		}
	}

	@Test
	void everyDisputedFactKeepsAtLeastTwoClaims() {
		List<Record> disputes = this.store.read("""
				MATCH (a:Assertion) WITH a.subjectId AS subject, a.property AS property, collect(DISTINCT a.value) AS values
				RETURN subject, property, values""", Map.of());
		assertThat(disputes).extracting(r -> r.get("subject").asString() + "#" + r.get("property").asString())
			.contains("ruling:actionsoft-v-amazon-aws-first-instance#damagesAmount", "appeal:amazon-aws#court",
					"lawsuit:actionsoft-v-amazon-aws#plaintiffName");
		assertThat(disputes).allSatisfy(r -> assertThat(r.get("values").asList()).hasSizeGreaterThanOrEqualTo(2));
	}

	@Test
	void loadingTheSeedAndMigrationsAgainChangesNothing() {
		Map<String, Long> before = counts();
		try (var session = this.store.driver().session(this.store.sessionConfig())) {
			for (CypherScript script : CypherScript.load("classpath*:cypher/seed/*.cypher")) {
				session.executeWriteWithoutResult(tx -> script.statements().forEach(s -> tx.run(s).consume()));
			}
		}
		this.initializer.migrate();
		this.initializer.seed();
		assertThat(counts()).isEqualTo(before);
	}

	private Map<String, Long> counts() {
		Record r = this.store.read("""
				CALL () { MATCH (n) RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				CALL () { MATCH (n) UNWIND keys(n) AS k RETURN count(k) AS properties }
				RETURN nodes, relationships, properties""", Map.of()).getFirst();
		return Map.of("nodes", r.get("nodes").asLong(), "relationships", r.get("relationships").asLong(), "properties",
				r.get("properties").asLong());
	}

}
