package io.ipgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code cypher/schema.cypher}, the readable model, true to the database the migrations build. */
@IpgraphTest
class SchemaDocumentationTest {

	@Autowired
	GraphStore store;

	@Test
	void theImportSchemaNamesEveryNodeTypeOfTheModel() throws Exception {
		java.util.Set<String> nodeTypes = new java.util.TreeSet<>();
		try (var files = Files.list(Path.of("graphql"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).toList()) {
				Matcher type = Pattern.compile("(?m)^type (\\w+)[^{]*@node").matcher(Files.readString(file));
				while (type.find()) {
					nodeTypes.add(type.group(1));
				}
			}
		}
		String schema = Files.readString(Path.of("src/main/resources/import/ipgraph-import.schema.json"));
		Matcher labels = Pattern.compile("\"label\": \\{\\s*\"enum\": \\[([^\\]]*)]").matcher(schema);
		assertThat(labels.find()).isTrue();
		java.util.Set<String> listed = new java.util.TreeSet<>();
		Matcher label = Pattern.compile("\"(\\w+)\"").matcher(labels.group(1));
		while (label.find()) {
			listed.add(label.group(1));
		}
		assertThat(nodeTypes).hasSizeGreaterThan(10);
		assertThat(listed).as("labels of the import's JSON Schema").isEqualTo(nodeTypes);
	}

	@Test
	void documentedConstraintsAndIndexesExistInTheDatabase() throws Exception {
		String doc = Files.readString(Path.of("cypher/schema.cypher"));
		List<String> constraints = this.store.read("SHOW CONSTRAINTS YIELD name RETURN name", Map.of())
			.stream()
			.map(r -> r.get("name").asString())
			.toList();
		List<String> indexes = this.store.read("SHOW INDEXES YIELD name RETURN name", Map.of())
			.stream()
			.map(r -> r.get("name").asString())
			.toList();
		Matcher c = Pattern.compile("CREATE CONSTRAINT (\\w+)").matcher(doc);
		int documented = 0;
		while (c.find()) {
			assertThat(constraints).contains(c.group(1));
			documented++;
		}
		assertThat(documented).isEqualTo(constraints.size());
		Matcher i = Pattern.compile("CREATE (?:FULLTEXT |TEXT )?INDEX (\\w+)").matcher(doc);
		while (i.find()) {
			assertThat(indexes).contains(i.group(1));
		}
	}

	@Test
	void everyRelationshipPatternInTheGraphIsDocumented() throws Exception {
		String doc = Files.readString(Path.of("cypher/schema.cypher"));
		List<Record> patterns = this.store.read("""
				MATCH (a)-[r]->(b) WHERE NOT a:Assertion
				RETURN DISTINCT labels(a)[0] AS from, type(r) AS type, labels(b)[0] AS to""", Map.of());
		assertThat(patterns).isNotEmpty();
		for (Record p : patterns) {
			String from = p.get("from").asString();
			String to = p.get("to").asString();
			String type = p.get("type").asString();
			Pattern documented = Pattern.compile("\\(:[A-Za-z|]*\\b" + from + "\\b[A-Za-z|]*\\)-\\[:" + type
					+ "\\b[^\\]]*\\]->\\(:[A-Za-z|]*\\b" + to + "\\b[A-Za-z|]*\\)");
			assertThat(documented.matcher(doc).find()).as("(:%s)-[:%s]->(:%s) is documented in cypher/schema.cypher", from, type, to)
				.isTrue();
		}
	}

}
