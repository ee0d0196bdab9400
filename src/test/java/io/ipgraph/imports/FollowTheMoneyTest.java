package io.ipgraph.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.ipgraph.IpgraphTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FollowTheMoney export is checked against the model published in the npm package
 * {@code @alephdata/followthemoney} (its {@code defaultModel.json}): every schema exists and is concrete, every
 * property belongs to the schema (or its ancestors), required properties are there, dates, countries and
 * entity references are well formed and point to entities of the right schema. Then the export is imported back.
 */
@IpgraphTest
class FollowTheMoneyTest {

	private static final Path PACKAGE = Path.of("src/test/ftm");

	private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	FollowTheMoney ftm;

	@Autowired
	GraphStore store;

	@AfterEach
	void removeImported() {
		this.store.write("MATCH (n) WHERE n.id STARTS WITH 'ftm-test:' OR (n:Source AND n.kind = 'ftm-file') DETACH DELETE n", Map.of());
	}

	@Test
	void theExportFitsThePublishedModel() throws Exception {
		JsonNode model = model();
		JsonNode schemata = model.get("schemata");
		StringWriter out = new StringWriter();
		Map<String, Long> counts = this.ftm.export(out);
		assertThat(counts).containsKeys("Company", "Person", "PublicBody", "Asset", "Ownership", "CourtCase", "CourtCaseParty", "UnknownLink",
				"Employment", "Event");

		Map<String, String> schemaOf = new HashMap<>();
		List<JsonNode> entities = new ArrayList<>();
		for (String line : out.toString().lines().toList()) {
			JsonNode entity = this.json.readTree(line);
			entities.add(entity);
			assertThat(schemaOf.put(entity.get("id").asString(), entity.get("schema").asString())).as("unique id " + entity.get("id")).isNull();
		}
		for (JsonNode entity : entities) {
			String id = entity.get("id").asString();
			String schema = entity.get("schema").asString();
			assertThat(schemata.has(schema)).as(id + " schema " + schema).isTrue();
			assertThat(schemata.get(schema).path("abstract").asBoolean(false)).as(schema + " is concrete").isFalse();
			Map<String, JsonNode> properties = properties(schemata, schema);
			for (String required : required(schemata, schema)) {
				assertThat(entity.get("properties").has(required)).as(id + " has required " + required).isTrue();
			}
			for (Map.Entry<String, JsonNode> property : entity.get("properties").properties()) {
				JsonNode spec = properties.get(property.getKey());
				assertThat(spec).as(schema + " has property " + property.getKey()).isNotNull();
				String type = spec.get("type").asString();
				for (JsonNode value : property.getValue().values()) {
					assertThat(value.isString()).as(id + "." + property.getKey() + " values are strings").isTrue();
					String text = value.asString();
					switch (type) {
						case "date" -> assertThat(text).as(id + "." + property.getKey()).matches(DATE);
						case "country" -> assertThat(model.get("types").get("country").get("values").has(text)).as(id + " country " + text).isTrue();
						case "entity" -> {
							assertThat(schemaOf).as(id + "." + property.getKey() + " points to an exported entity").containsKey(text);
							String range = spec.get("range").asString();
							assertThat(ancestors(schemata, schemaOf.get(text))).as(text + " is a " + range).contains(range);
						}
						default -> assertThat(text).isNotBlank();
					}
					if (spec.has("maxLength")) {
						assertThat(text.length()).isLessThanOrEqualTo(spec.get("maxLength").asInt());
					}
				}
			}
		}
		// the AWS case, as FtM tells it: the lawsuit, its parties, and provenance on every entity
		JsonNode lawsuit = entities.stream().filter(e -> e.get("id").asString().equals("lawsuit:actionsoft-v-amazon-aws")).findFirst().orElseThrow();
		assertThat(lawsuit.get("schema").asString()).isEqualTo("CourtCase");
		assertThat(lawsuit.get("properties").get("caseNumber").get(0).asString()).isEqualTo("(2018) Jing Min Chu No. 127");
		assertThat(entities.stream()
			.filter(e -> e.get("schema").asString().equals("CourtCaseParty"))
			.filter(e -> e.get("properties").get("case").get(0).asString().equals("lawsuit:actionsoft-v-amazon-aws"))
			.map(e -> e.get("properties").get("party").get(0).asString())
			.toList()).contains("company:actionsoft", "company:beijing-sinnet");
		assertThat(entities).allSatisfy(e -> assertThat(e.get("properties").has("notes") || e.get("properties").has("description"))
			.as(e.get("id").asString() + " cites its sources")
			.isTrue());
	}

	@Test
	void ftmEntitiesImportBackAndTheRestIsCounted() throws Exception {
		String file = """
				{"id":"ftm-test:acme","schema":"Company","properties":{"name":["Acme Trading Ltd"],"alias":["ACME"],"country":["gb"],"incorporationDate":["2001-05"]}}
				{"id":"ftm-test:jane","schema":"Person","properties":{"name":["Jane Roe"],"nationality":["gb"]}}
				{"id":"ftm-test:emp","schema":"Employment","properties":{"employee":["ftm-test:jane"],"employer":["ftm-test:acme"],"role":["director"]}}
				{"id":"ftm-test:case","schema":"CourtCase","properties":{"name":["Acme v. Beijing Sinnet"],"caseNumber":["HC-2020-1"],"fileDate":["2020-02-03"]}}
				{"id":"ftm-test:party","schema":"CourtCaseParty","properties":{"party":["ftm-test:acme"],"case":["ftm-test:case"],"role":["plaintiff"]}}
				{"id":"ftm-test:vessel","schema":"Vessel","properties":{"name":["Sea Star"]}}
				""";
		FollowTheMoney.FtmImported imported = this.ftm.importFtm("ftm-test.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
				false, p -> { });
		assertThat(imported.summary().rejected()).as(imported.summary().table()).isZero();
		assertThat(imported.summary().counts("Company")[0]).isEqualTo(1);
		assertThat(imported.summary().counts("WORKS_FOR")[0]).isEqualTo(1);
		assertThat(imported.summary().counts("PARTY_TO")[0]).isEqualTo(1);
		assertThat(imported.skipped()).containsEntry("Vessel", 1L);
		var acme = this.store.read("""
				MATCH (c:Company {id: 'ftm-test:acme'})<-[w:WORKS_FOR]-(p:Person), (c)-[r:PARTY_TO]->(l:Lawsuit)
				RETURN c.country AS country, c.foundedOn AS founded, c.aliases AS aliases, w.title AS title, r.role AS role,
				       l.caseNumber AS number, c.quotes AS quotes""", Map.of()).getFirst();
		assertThat(acme.get("country").asString()).isEqualTo("GB");
		assertThat(acme.get("founded").asString()).isEqualTo("2001-05");
		assertThat(acme.get("title").asString()).isEqualTo("director");
		assertThat(acme.get("role").asString()).isEqualTo("plaintiff");
		assertThat(acme.get("number").asString()).isEqualTo("HC-2020-1");
		assertThat(acme.get("quotes").get(0).asString()).isEqualTo("FtM Company ftm-test:acme, line 1");
	}

	/** The published model, from the npm package (installed on first use, as CI does with npm ci). */
	private JsonNode model() throws IOException, InterruptedException {
		Path file = PACKAGE.resolve("node_modules/@alephdata/followthemoney/dist/defaultModel.json");
		if (!Files.exists(file)) {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PACKAGE.toFile()).inheritIO().start();
			assertThat(npm.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		return this.json.readTree(Files.readString(file));
	}

	private static Set<String> ancestors(JsonNode schemata, String schema) {
		Set<String> out = new LinkedHashSet<>(List.of(schema));
		schemata.get(schema).path("extends").values().forEach(parent -> out.addAll(ancestors(schemata, parent.asString())));
		return out;
	}

	private static Map<String, JsonNode> properties(JsonNode schemata, String schema) {
		Map<String, JsonNode> out = new HashMap<>();
		for (String s : ancestors(schemata, schema)) {
			schemata.get(s).path("properties").properties().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
		}
		return out;
	}

	private static Set<String> required(JsonNode schemata, String schema) {
		Set<String> out = new HashSet<>();
		ancestors(schemata, schema).forEach(s -> schemata.get(s).path("required").values().forEach(r -> out.add(r.asString())));
		return out;
	}

}
