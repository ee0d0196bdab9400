package io.ipgraph.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.ipgraph.IpgraphTest;
import io.ipgraph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads in the same process give what the driver gives over Bolt: the same records, keys, values and types (nodes,
 * relationships, paths, lists, maps, dates, arrays of properties), on the seed data, and the driver's exceptions.
 */
@IpgraphTest
class InProcessReadsTest {

	@Autowired
	Driver driver;

	@Autowired
	EmbeddedNeo4j embedded;

	@Test
	void answersAsTheDriverDoes() {
		InProcessReads reads = new InProcessReads(this.embedded.database("neo4j"));
		List<String> queries = List.of(
				"MATCH (c:Company {id: 'company:amazon'}) RETURN c, c.id AS id, labels(c) AS labels, c {.*} AS props",
				"MATCH (c:Company {id: 'company:amazon'})-[r]-(o) RETURN r, o ORDER BY elementId(r)",
				"MATCH p = (:Company {id: 'company:amazon'})-[*1..2]-(:Lawsuit) RETURN p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT 5",
				"MATCH (r:Registration) WHERE r.classes IS NOT NULL RETURN r.classes AS classes, r.filedOn AS filed, size(r.classes) AS n ORDER BY r.id LIMIT 5",
				"RETURN date('2024-02-29') AS d, datetime('2024-02-29T10:00:00Z') AS t, 1.5 AS f, true AS b, null AS nothing, [1, 'a', [2]] AS mixed, {k: {j: [1]}} AS nested",
				"MATCH (c:Company) RETURN count(c) AS companies, collect(c.id)[0..3] AS some");
		for (String query : queries) {
			List<Record> overBolt = this.driver.session().executeRead(tx -> tx.run(query).list());
			List<Record> inProcess = reads.read(query, Map.of(), Duration.ofSeconds(30), Visibility.EVERYTHING);
			assertThat(describe(inProcess)).as(query).isEqualTo(describe(overBolt));
			assertThat(overBolt).as(query).isNotEmpty();
		}
	}

	@Test
	void failsWithTheDriversExceptions() {
		InProcessReads reads = new InProcessReads(this.embedded.database("neo4j"));
		assertThatThrownBy(() -> reads.read("MATCH (n RETURN n", Map.of(), Duration.ofSeconds(5), Visibility.EVERYTHING)).isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.SyntaxError"));
		assertThatThrownBy(() -> reads.read("RETURN $missing AS x", Map.of(), Duration.ofSeconds(5), Visibility.EVERYTHING)).isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.ParameterMissing"));
	}

	@Test
	void aQueryThatWritesIsRefusedAsAReadTransactionOverBoltRefusesItAndNothingIsWritten() {
		InProcessReads reads = new InProcessReads(this.embedded.database("neo4j"));
		String write = "MERGE (p:InProcessWriteProbe {id: 'probe'}) RETURN p.id AS id";
		ClientException overBolt = (ClientException) org.assertj.core.api.Assertions
			.catchThrowable(() -> this.driver.session().executeRead(tx -> tx.run(write).list()));
		assertThat(overBolt).isNotNull();
		assertThatThrownBy(() -> reads.read(write, Map.of(), Duration.ofSeconds(5), Visibility.EVERYTHING)).isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo(overBolt.code()));
		assertThat(reads.read("MATCH (p:InProcessWriteProbe) RETURN count(p) AS n", Map.of(), Duration.ofSeconds(5), Visibility.EVERYTHING).getFirst().get("n").asLong())
			.isZero();
	}

	private static List<String> describe(List<Record> records) {
		return records.stream()
			.map(r -> r.keys().stream().map(k -> k + "=" + describe(r.get(k))).collect(Collectors.joining(", ")))
			.toList();
	}

	/** A value's type and content, entities by their element id, labels or type and properties. */
	private static String describe(Value value) {
		String type = value.type().name();
		return switch (type) {
			case "NODE" -> {
				Node n = value.asNode();
				yield "NODE(" + n.elementId() + " " + n.labels() + " " + describe(n.asMap(v -> v)) + ")";
			}
			case "RELATIONSHIP" -> {
				Relationship r = value.asRelationship();
				yield "REL(" + r.elementId() + " " + r.type() + " " + r.startNodeElementId() + "->" + r.endNodeElementId() + " "
						+ describe(r.asMap(v -> v)) + ")";
			}
			case "PATH" -> {
				Path p = value.asPath();
				StringBuilder out = new StringBuilder("PATH(");
				p.forEach(s -> out.append(s.start().elementId()).append('-').append(s.relationship().type()).append("->").append(s.end().elementId()).append(' '));
				yield out.append(')').toString();
			}
			case "LIST" -> "LIST" + value.asList(WithDescribe::of);
			case "MAP" -> "MAP" + describe(value.asMap(v -> v));
			default -> type + ":" + value.asObject();
		};
	}

	private static String describe(Map<String, Value> map) {
		return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
	}

	private static final class WithDescribe {

		static String of(Value value) {
			return describe(value);
		}

	}

}
