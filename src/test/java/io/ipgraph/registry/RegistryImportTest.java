package io.ipgraph.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real registry records in ../shared/data (USPTO bulk XML records, WIPO ST.96 and ST.66), imported into the
 * graph: owners, classes, dates and events of named records, ownership changes, warnings for what cannot be read,
 * and a malformed file reported without stopping the rest.
 */
class RegistryImportTest extends GraphQlHttpTest {

	static final Path SHARED = Path.of(System.getProperty("ipgraph.shared", "../shared"));

	@Autowired
	RegistryImport registry;

	@Autowired
	GraphStore store;

	@AfterEach
	void removeImported() {
		this.store.write("""
				MATCH (s:Source) WHERE s.id STARTS WITH 'src:file-'
				OPTIONAL MATCH (n) WHERE s.id IN n.sourceIds
				DETACH DELETE n, s""", Map.of());
	}

	@Test
	void everyRealRecordImports() throws Exception {
		List<Path> files;
		try (Stream<Path> uspto = Files.list(SHARED.resolve("data/uspto/records")); Stream<Path> wipo = Files.list(SHARED.resolve("data/wipo"))) {
			files = Stream.concat(uspto, wipo).filter(f -> f.toString().endsWith(".xml")).sorted().toList();
		}
		assertThat(files).hasSize(19);
		for (Path file : files) {
			RegistryImport.Imported imported = this.registry.importFile(file, false, p -> { });
			assertThat(imported.records()).as(file.toString()).isEqualTo(1);
			assertThat(imported.errors()).as(file.toString()).isEmpty();
			assertThat(imported.summary().rejections()).as(file + " " + imported.summary().table()).isEmpty();
		}
		// a full USPTO record: the machine pistol of 1920
		Map<String, Object> pistol = registration("USPTO:60146682");
		assertThat(pistol).containsEntry("markText", "MACHINE-PISTOL").containsEntry("filedOn", "1920-09-25")
			.containsEntry("registeredOn", "1921-09-20").containsEntry("registrationNumber", "0146682").containsEntry("statusCode", "626")
			.containsEntry("jurisdiction", "US");
		assertThat(pistol.get("classes")).isEqualTo(List.of(9L));
		// the record's mark is a Mark of its own, which the registration is OF_MARK
		assertThat(this.store.read("MATCH (:Registration {id: 'USPTO:60146682'})-[:OF_MARK]->(m:Mark) RETURN m.id AS id, m.text AS text", Map.of())
			.stream().map(r -> r.get("id").asString() + "|" + r.get("text").asString()).toList())
			.containsExactly("mark:uspto:60146682|MACHINE-PISTOL");
		// the status is what USPTO's table says the code means, not a guess from its number range
		assertThat(pistol).containsEntry("status", "cancelled").containsEntry("statusDescription", "REGISTERED - BACKFILE CANCELLED OR EXPIRED");
		assertThat(registration("USPTO:67341029")).containsEntry("statusCode", "715").containsEntry("status", "application")
			.containsEntry("statusDescription", "CANCELLED - RESTORED TO PENDENCY");
		assertThat(registration("USPTO:79366581")).containsEntry("statusCode", "774").containsEntry("status", "application")
			.containsEntry("statusDescription", "OPPOSITION PENDING").containsEntry("publishedOn", "2024-02-20");
		// published for opposition on 2024-02-20: the 30 days end on 2024-03-21, extensions reach 2024-08-18 at most
		var clocks = this.graphql.document("""
				{ legalClocks(registrationId: "USPTO:79366581", asOf: "2024-03-07") {
				    rule { id article } closes { on } lateUntil { on } state daysLeft cannotCompute } }""").execute();
		clocks.path("legalClocks[0].rule.id").entity(String.class).isEqualTo("us-opposition");
		clocks.path("legalClocks[0].rule.article").entity(String.class).isEqualTo("§1063(a)");
		clocks.path("legalClocks[0].closes.on").entity(String.class).isEqualTo("2024-03-21");
		clocks.path("legalClocks[0].lateUntil.on").entity(String.class).isEqualTo("2024-08-18");
		clocks.path("legalClocks[0].state").entity(String.class).isEqualTo("open");
		clocks.path("legalClocks[0].daysLeft").entity(Integer.class).isEqualTo(14);
		// not registered yet (registration number 0000000): the clocks counted from registration cannot run
		clocks.path("legalClocks[?(@.rule.id == 'us-section-8')].cannotCompute").entityList(String.class)
			.satisfies(why -> assertThat(why).singleElement().asString().contains("no registeredOn"));
		assertThat(registration("USPTO:98423838")).containsEntry("status", "registered");
		// an owner the record calls an individual (legal entity type 01) is a person, the pistol's maker a company
		assertThat(this.store.read("MATCH (o)-[:OWNS]->(:Registration {id: 'USPTO:79366581'}) RETURN DISTINCT labels(o)[0] + '|' + o.id + '|' + coalesce(o.nationality, '') AS o",
				Map.of()).stream().map(r -> r.get("o").asString()).toList()).containsExactly("Person|person:giorgi-tvildiani|GE");
		assertThat(this.store.read("MATCH (o)-[:OWNS]->(:Registration {id: 'USPTO:60146682'}) RETURN DISTINCT labels(o)[0] AS l", Map.of())
			.stream().map(r -> r.get("l").asString()).toList()).containsOnly("Company");
		this.registry.importFile(SHARED.resolve("data/uspto/records/revival-after-98186103.xml"), false, p -> { });
		assertThat(registration("USPTO:98186103")).containsEntry("statusCode", "616").containsEntry("status", "application")
			.containsEntry("statusDescription", "REVIVED - AWAITING FURTHER ACTION");
		List<String> warnings = new java.util.ArrayList<>();
		assertThat(UsptoRecords.status("630", warnings)).containsExactly("application",
				"NEW APPLICATION - RECORD INITIALIZED NOT ASSIGNED TO EXAMINER");
		assertThat(UsptoRecords.status("999", warnings)).containsExactly(null, null);
		assertThat(warnings).containsExactly("status-code \"999\" is not in USPTO's table of status codes; status left out");
		assertThat(owners("USPTO:60146682")).containsExactly("AUTO ORDNANCE CORPORATION|applicant|1920-09-25|null");
		// repeated international codes count once, and the old US primary class (025) is not a Nice class
		assertThat(registration("USPTO:71060608").get("classes")).isEqualTo(List.of(6L, 20L));
		assertThat(owners("USPTO:71060608")).containsExactlyInAnyOrder("SARGENT & CO.|registrant|1914-07-28|null",
				"SARGENT MANUFACTURING COMPANY|new owner after registration|null|null");
		assertThat(events("USPTO:71060608")).isEqualTo(22);
		// the registry's history is on the registration's timeline, and on the timeline of a lawsuit that rests on it
		this.graphql.document("{ timeline(id: \"USPTO:71060608\") { kind date title } }").execute()
			.path("timeline[?(@.kind == 'registry-event')]").entityList(Object.class).hasSize(22);
		String suit = """
				{"kind":"node","label":"Source","id":"src:test-sargent-suit","properties":{"title":"Docket extract (test)","kind":"public-record"}}
				{"kind":"node","label":"Lawsuit","id":"lawsuit:test-sargent","properties":{"title":"Sargent v. a copier (test)","jurisdiction":"US"},"sources":[{"id":"src:test-sargent-suit","quote":"row 1"}]}
				{"kind":"relationship","type":"INVOLVES_REGISTRATION","from":"lawsuit:test-sargent","to":"USPTO:71060608","sources":[{"id":"src:test-sargent-suit","quote":"row 2"}]}
				""";
		io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=sargent-suit.jsonl")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(suit).exchange().expectStatus().isOk();
		try {
			this.graphql.document("{ timeline(id: \"lawsuit:test-sargent\") { kind } }").execute()
				.path("timeline[?(@.kind == 'registry-event')]").entityList(Object.class).hasSize(22);
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN ['src:test-sargent-suit', 'lawsuit:test-sargent'] DETACH DELETE n", Map.of());
		}
		// JAVA in ST.96 (both schema versions give the same registration): Sun's name changed to Oracle America
		Map<String, Object> java = registration("USPTO:74631225");
		assertThat(java).containsEntry("markText", "JAVA").containsEntry("filedOn", "1995-02-07").containsEntry("registeredOn", "1998-08-04")
			.containsEntry("registrationNumber", "2178784");
		assertThat(java.get("classes")).isEqualTo(List.of(9L));
		assertThat(owners("USPTO:74631225")).containsExactlyInAnyOrder("SUN MICROSYSTEMS, INC.|original applicant|1995-02-07|null",
				"SUN MICROSYSTEMS, INC.|owner at publication|null|null", "SUN MICROSYSTEMS, INC.|original registrant|1998-08-04|null",
				"ORACLE AMERICA, INC.|subsequent owner after registration|null|null",
				"SUN MICROSYSTEMS, INC.|assignor (change of name)|null|2010-04-23", "ORACLE AMERICA, INC.|assignee (change of name)|2010-04-23|null");
		assertThat(events("USPTO:74631225")).isGreaterThan(20);
		// PYTHON in ST.66: classes 9 and 42, the owner change from CNRI to the Python Software Foundation
		Map<String, Object> python = registration("USPTO:76044902");
		assertThat(python).containsEntry("markText", "PYTHON").containsEntry("registrationNumber", "2824281")
			.containsEntry("filedOn", "2000-05-09").containsEntry("registeredOn", "2004-03-23");
		assertThat(python.get("classes")).isEqualTo(List.of(9L, 42L));
		assertThat(owners("USPTO:76044902")).contains("CORPORATION FOR NATIONAL RESEARCH INITIATIVES, INC.|assignor (assigns the entire interest)|null|2003-10-21",
				"PYTHON SOFTWARE FOUNDATION|assignee (assigns the entire interest)|2003-10-21|null");
		// and the registry's history is on the timeline, every event citing the file and record
		this.graphql.document("{ timeline(id: \"USPTO:76044902\", depth: 1) { date kind title sources { quote source { id } } } }")
			.execute()
			.path("timeline[?(@.kind == 'registry-event')].sources[0].source.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).isNotEmpty().containsOnly("src:file-sn76044902-xml"))
			.path("timeline[?(@.kind == 'registered')].date").entityList(String.class).containsExactly("2004-03-23");
	}

	@Test
	void registryXmlGoesThroughTheUploadWithItsFormatNamedOrByItsContentType() throws Exception {
		byte[] record = Files.readAllBytes(SHARED.resolve("data/uspto/records/annual-2025-full-tx-60146682.xml"));
		var editor = io.ipgraph.GraphQlClient.http(this.port, "editor");
		editor.post().uri("/api/import?name=uspto.xml&format=registry").contentType(org.springframework.http.MediaType.APPLICATION_XML)
			.bodyValue(record).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.records").isEqualTo(1).jsonPath("$.registrations[0]").isEqualTo("USPTO:60146682")
			.jsonPath("$.rejected").isEqualTo(0);
		assertThat(registration("USPTO:60146682")).containsEntry("markText", "MACHINE-PISTOL");
		// an XML content type is enough; a format the body does not have is refused, naming the way
		editor.post().uri("/api/import?name=uspto.xml").contentType(org.springframework.http.MediaType.TEXT_XML).bodyValue(record).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.records").isEqualTo(1);
		editor.post().uri("/api/import?format=registry").contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(record).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error").value(error -> assertThat(String.valueOf(error)).contains("application/xml"));
		editor.post().uri("/api/import?format=csv").contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue("{}").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("format must be one of ipgraph, ftm, registry, was 'csv'");
		// an analyst may not
		io.ipgraph.GraphQlClient.http(this.port, "analyst").post().uri("/api/import?format=registry")
			.contentType(org.springframework.http.MediaType.APPLICATION_XML).bodyValue(record).exchange().expectStatus().isForbidden();
	}

	@Test
	void aMalformedClassDateIsAWarningAndTheRecordGoesIn() throws Exception {
		RegistryImport.Imported imported = this.registry.importFile(
				SHARED.resolve("data/uspto/records/annual-2025-malformed-class-date-tx-74800000.xml"), false, p -> { });
		assertThat(imported.errors()).isEmpty();
		assertThat(imported.warnings()).extracting(RegistryImport.Problem::message)
			.containsExactly("classification status-date \"10101\" is not a date; left out");
		assertThat(registration("USPTO:74800000")).containsEntry("markText", "GRIGIOPERLA").containsEntry("filedOn", "1987-02-10");
		assertThat(owners("USPTO:74800000")).hasSize(3);
		assertThat(events("USPTO:74800000")).isEqualTo(33);
		assertThat(RegistryRecords.partialDate("18790000")).isEqualTo("1879");
		assertThat(RegistryRecords.partialDate("19831200")).isEqualTo("1983-12");
		assertThat(RegistryRecords.partialDate("10101")).isNull();
		assertThat(RegistryRecords.partialDate("20230231")).isNull();
	}

	@Test
	void aBrokenFileIsReportedWithItsLineAndTheRecordsBeforeItGoIn() throws Exception {
		String first = Files.readString(SHARED.resolve("data/uspto/records/annual-2025-full-tx-60146682.xml"));
		String second = Files.readString(SHARED.resolve("data/uspto/records/annual-2025-sparse-tx-70165419.xml"));
		String third = Files.readString(SHARED.resolve("data/uspto/records/revival-after-98186103.xml"));
		String broken = first + second + third.substring(0, third.length() / 2);
		RegistryImport.Imported imported = this.registry.importStream("cut-bulk.xml",
				new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), false, p -> { });
		assertThat(imported.registrations()).containsExactly("USPTO:60146682", "USPTO:70165419");
		assertThat(imported.errors()).hasSize(1);
		RegistryImport.Problem error = imported.errors().getFirst();
		assertThat(error.record()).isEqualTo(3);
		assertThat(error.line()).isGreaterThan((int) (first + second).lines().count());
		assertThat(error.message()).startsWith("not well-formed XML").endsWith("the records before it are imported");
		assertThat(registration("USPTO:70165419")).containsEntry("registeredOn", "1923-03-06");
		// the same file again changes nothing
		RegistryImport.Imported again = this.registry.importStream("cut-bulk.xml",
				new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), false, p -> { });
		assertThat(again.summary().total("created")).isZero();
		assertThat(again.summary().total("updated")).isZero();
	}

	private Map<String, Object> registration(String id) {
		List<Record> found = this.store.read("MATCH (r:Registration {id: $id}) RETURN properties(r) AS p", Map.of("id", id));
		assertThat(found).as(id).hasSize(1);
		return found.getFirst().get("p").asMap();
	}

	private List<String> owners(String id) {
		return this.store.read("""
				MATCH (c:Company)-[o:OWNS]->(:Registration {id: $id})
				RETURN c.name + '|' + coalesce(o.role, 'null') + '|' + coalesce(o.from, 'null') + '|' + coalesce(o.to, 'null') AS owner""",
				Map.of("id", id)).stream().map(r -> r.get("owner").asString()).toList();
	}

	private long events(String id) {
		return this.store.read("MATCH (:Registration {id: $id})-[:HAS_EVENT]->(e:RegistryEvent) RETURN count(e) AS n", Map.of("id", id))
			.getFirst().get("n").asLong();
	}

	static List<String> strings(Value value) {
		return value.asList(Value::asString);
	}

}
