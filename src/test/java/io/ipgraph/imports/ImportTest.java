package io.ipgraph.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.cli.ImportCommand;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Lines import: validation with line numbers, idempotent merges, dry runs, the command line and the upload. */
class ImportTest extends GraphQlHttpTest {

	static final String SOURCE = "src:import-test";

	/** Lines 1-8 are good (9 is blank); 10-23 are each wrong in one way. */
	static final String FILE = """
			{"kind":"node","label":"Source","id":"src:import-test","properties":{"title":"Registry extract (test)","kind":"registry-record"}}
			{"kind":"node","label":"Company","id":"company:imp-guanghua","properties":{"name":"光华科技有限公司","aliases":["Guanghua Technology"],"country":"CN"},"sources":[{"id":"src:import-test","quote":"row 1"}]}
			{"kind":"node","label":"Company","id":"company:imp-westwind","properties":{"name":"Westwind Trading Ltd.","aliases":[],"country":"GB"},"sources":[{"id":"src:import-test","quote":"row 2"}]}
			{"kind":"node","label":"Mark","id":"mark:imp-zorvex","properties":{"text":"ZORVEX","aliases":[]},"sources":[{"id":"src:import-test","quote":"row 3"}]}
			{"kind":"node","label":"Registration","id":"CTMO:77001234","properties":{"office":"CTMO","number":"77001234","jurisdiction":"CN","markText":"ZORVEX","classes":[9,42],"filedOn":"2006-04","registeredOn":"2009-01-14","status":"registered"},"sources":[{"id":"src:import-test","quote":"row 4"}]}
			{"kind":"relationship","type":"OWNS","from":"company:imp-guanghua","to":"CTMO:77001234","properties":{"from":"2009-01-14"},"sources":[{"id":"src:import-test","quote":"row 4 owner"}]}
			{"kind":"relationship","type":"OF_MARK","from":"CTMO:77001234","to":"mark:imp-zorvex","sources":[{"id":"src:import-test","quote":"row 4 mark"}]}
			{"kind":"relationship","type":"USES_MARK","from":"company:imp-westwind","to":"mark:imp-zorvex","properties":{"jurisdiction":"GB","since":"2012"},"sources":[{"id":"src:import-test","quote":"row 5"}]}

			this is not json
			{"kind":"node","label":"Trademark","id":"x:1","sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Registration","id":"CTMO:1","properties":{"office":"CTMO","number":"1","jurisdiction":"CN","classes":[46]},"sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Registration","id":"CTMO:2","properties":{"office":"CTMO","number":"2","jurisdiction":"CN","filedOn":"2010-05","registeredOn":"2009"},"sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Ruling","id":"ruling:imp-1","properties":{"damagesAmount":5.0,"damagesCurrency":"XXY"},"sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Company","id":"company:imp-bad-country","properties":{"name":"Nowhere Co","country":"ZZ"},"sources":[{"id":"src:import-test"}]}
			{"kind":"relationship","type":"OWNS","from":"company:imp-ghost","to":"CTMO:77001234","sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Company","id":"company:imp-unsourced","properties":{"name":"Unsourced"}}
			{"kind":"node","label":"Company","id":"company:imp-bad-source","properties":{"name":"Bad Source"},"sources":[{"id":"src:nowhere"}]}
			{"kind":"node","label":"Registration","id":"USPTO:12","properties":{"office":"USPTO","number":"12","jurisdiction":"US"},"sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Company","id":"company:imp-odd","properties":{"name":"Odd","shoeSize":44},"sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Registration","id":"CTMO:3","properties":{"office":"CTMO","number":"3","jurisdiction":"CN","markKey":"x"},"sources":[{"id":"src:import-test"}]}
			{"kind":"relationship","type":"OWNS","from":"mark:imp-zorvex","to":"CTMO:77001234","sources":[{"id":"src:import-test"}]}
			{"kind":"node","label":"Registration","id":"CTMO:4","properties":{"office":"CTMO","number":"4","jurisdiction":"CN","filedOn":"2010-02-30"},"sources":[{"id":"src:import-test"}]}
			""";

	@Autowired
	GraphImporter importer;

	@Autowired
	GraphStore store;

	@Autowired
	GraphChecksum checksum;

	@Autowired
	FollowTheMoney ftm;

	@Autowired
	io.ipgraph.registry.RegistryImport registry;

	@AfterEach
	void removeImported() {
		this.store.write("MATCH (n) WHERE $source IN n.sourceIds OR n.id = $source DETACH DELETE n", Map.of("source", SOURCE));
	}

	@Test
	void theDataGuidesDisputedFactExampleImportsAsTwoClaimsAboutTheRuling() throws Exception {
		String readme = Files.readString(Path.of("docs/data.md"));
		int at = readme.indexOf("```json", readme.indexOf("In an import file, a\ndisputed fact"));
		String example = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 7));
		String sources = """
				{"kind":"node","label":"Source","id":"src:managingip","properties":{"title":"Supreme People's Court suspends Castel damage award","kind":"news-article"}}
				{"kind":"node","label":"Source","id":"src:vitisphere","properties":{"title":"Trademark Law in China: back to court for Castel","kind":"news-article"}}
				""";
		ImportSummary summary = run(sources + example, true);
		assertThat(summary.rejections()).isEmpty();
		assertThat(summary.counts("Assertion")).containsExactly(2, 0, 0, 0);
		assertThat(summary.counts("Ruling")).containsExactly(1, 0, 0, 0);
	}

	@Test
	void theDataGuidesLinesForEachNewKindImportAndSayWhatTheyMean() throws Exception {
		String readme = Files.readString(Path.of("docs/data.md"));
		int at = readme.indexOf("```json", readme.indexOf("**Each new kind in one line**"));
		String example = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 7));
		String context = """
				{"kind":"node","label":"Source","id":"src:liuming","properties":{"title":"Castel Wines adopted new China brand because of trademark issues","kind":"news-article"}}
				{"kind":"node","label":"Source","id":"src:managingip","properties":{"title":"Supreme People's Court suspends Castel damage award","kind":"news-article"}}
				{"kind":"node","label":"Source","id":"src:example","properties":{"title":"Example source","kind":"analyst-note"}}
				{"kind":"node","label":"Person","id":"person:li-daozhi","properties":{"name":"Li Daozhi","aliases":["Daniel Li"]},"sources":[{"id":"src:liuming","quote":"LI Daozhi, an individual"}]}
				{"kind":"node","label":"Company","id":"company:shanghai-banti","properties":{"name":"Shanghai Banti Wine Company","aliases":["Ban Ti Wines"]},"sources":[{"id":"src:liuming","quote":"Shanghai Banti Wine Company (\\"Ban Ti Wines\\")"}]}
				{"kind":"node","label":"Company","id":"company:example-agency","properties":{"name":"Example Agency","aliases":[]},"sources":[{"id":"src:example","quote":"the agency"}]}
				{"kind":"node","label":"Mark","id":"mark:kasite","properties":{"text":"卡斯特","aliases":["Ka Si Te"]},"sources":[{"id":"src:managingip","quote":"Ka-Si-Te (卡斯特)"}]}
				{"kind":"node","label":"Mark","id":"mark:castel","properties":{"text":"Castel","aliases":[]},"sources":[{"id":"src:managingip","quote":"the Latin alphabet \\"Castel\\" mark"}]}
				{"kind":"node","label":"Lawsuit","id":"lawsuit:example","properties":{"title":"Example suit","claims":[]},"sources":[{"id":"src:example","quote":"the suit"}]}
				""";
		List<String> ids = List.of("src:liuming", "src:managingip", "src:example", "person:li-daozhi", "company:shanghai-banti", "company:example-agency",
				"mark:kasite", "mark:castel", "lawsuit:example", "CTMO:unnumbered:kasite-33", "proceeding:castel-non-use", "agreement:example-settlement",
				"domain:example.cn");
		try {
			ImportSummary summary = run(context + example, false);
			assertThat(summary.rejections()).isEmpty();
			this.graphql.document("""
					{ registration(id: "CTMO:unnumbered:kasite-33") { number numberKnown filedOn
					    owners { role node { __typename name ... on Person { aliases } } } licensees { from to node { name } }
					    proceedings { kind body { id } } }
					  before1999: registrations(where: { id: { eq: "CTMO:unnumbered:kasite-33" }, filedOn: { lt: "1999" } }) { id }
					  before2001: registrations(where: { id: { eq: "CTMO:unnumbered:kasite-33" }, filedOn: { lt: "2001" } }) { id }
					  person(id: "person:li-daozhi") { registrations { role node { id } } represents: representedBy { role node { name } } }
					  lawsuit(id: "lawsuit:example") { settlements { amount currency kind } }
					  mark(id: "mark:castel") { equivalentOf { basis node { text } } } }""")
				.execute()
				.path("registration.number").valueIsNull()
				.path("registration.numberKnown").entity(Boolean.class).isEqualTo(false)
				.path("registration.filedOn").entity(String.class).isEqualTo("..2000")
				.path("registration.owners[0].node.__typename").entity(String.class).isEqualTo("Person")
				.path("registration.owners[0].node.aliases").entityList(String.class).containsExactly("Daniel Li")
				.path("registration.owners[0].role").entity(String.class).isEqualTo("assignee")
				.path("registration.licensees[0].node.name").entity(String.class).isEqualTo("Shanghai Banti Wine Company")
				.path("registration.licensees[0].to").entity(String.class).isEqualTo("2020-03-06")
				.path("registration.proceedings[0].kind").entity(String.class).isEqualTo("cancellation-non-use")
				.path("registration.proceedings[0].body.id").entity(String.class).isEqualTo("CTMO")
				// filed on or before 2000: certainly before 2001, not certainly before 1999
				.path("before1999").entityList(Object.class).hasSize(0)
				.path("before2001[0].id").entity(String.class).isEqualTo("CTMO:unnumbered:kasite-33")
				.path("person.registrations[0].node.id").entity(String.class).isEqualTo("CTMO:unnumbered:kasite-33")
				.path("person.represents[0].role").entity(String.class).isEqualTo("trademark-agent")
				.path("lawsuit.settlements[0].amount").entity(Double.class).isEqualTo(1500000.0)
				.path("mark.equivalentOf[0].node.text").entity(String.class).isEqualTo("卡斯特");
			// a registration without a number must say so in its id, and a bound must be one
			ImportSummary refused = run(context.lines().limit(3).collect(java.util.stream.Collectors.joining("\n", "", "\n")) + """
					{"kind":"node","label":"Registration","id":"CTMO:kasite","properties":{"office":"CTMO","jurisdiction":"CN","markText":"卡斯特"},"sources":[{"id":"src:liuming","quote":"x"}]}
					{"kind":"node","label":"Registration","id":"CTMO:unnumbered:x","properties":{"office":"CTMO","jurisdiction":"CN","filedOn":"2010..2006"},"sources":[{"id":"src:liuming","quote":"x"}]}
					""", true);
			assertThat(refused.rejections()).extracting(ImportSummary.Rejection::reason)
				.containsExactly("a registration without a known number has the id CTMO:unnumbered:<key> (a key of your own, e.g. the mark and class), was \"CTMO:kasite\"",
						"\"filedOn\" must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists, or a bound (..2010 on or before, 2006.. on or after, 2006..2010 between), was \"2010..2006\"");
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", Map.of("ids", ids));
		}
	}

	@Test
	void aLineThatNeedsARefusedOneIsRefusedNamingThatLineNotAsUnknown() throws Exception {
		String file = String.join("\n",
				"{\"kind\":\"node\",\"label\":\"Source\",\"id\":\"src:import-test\",\"properties\":{\"title\":\"Registry extract (test)\"",
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:imp-cascade\",\"properties\":{\"name\":\"Cascade Co\",\"country\":\"ZZ\"},\"sources\":[{\"id\":\"company:amazon\"}]}",
				"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:imp-cites-broken\",\"properties\":{\"name\":\"Cites Broken\"},\"sources\":[{\"id\":\"src:import-test\"}]}",
				"{\"kind\":\"relationship\",\"type\":\"PARTNER_OF\",\"from\":\"company:imp-cascade\",\"to\":\"company:amazon\",\"sources\":[{\"id\":\"src:brief-public-record\"}]}",
				"{\"kind\":\"relationship\",\"type\":\"PARTNER_OF\",\"from\":\"company:imp-nowhere\",\"to\":\"company:amazon\",\"sources\":[{\"id\":\"src:brief-public-record\"}]}", "");
		ImportSummary summary = run(file, false, 2);
		Map<Long, String> reasons = new java.util.TreeMap<>();
		summary.rejections().forEach(r -> reasons.put(r.line(), r.reason()));
		assertThat(reasons).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);
		assertThat(reasons.get(1L)).startsWith("not valid JSON");
		assertThat(reasons.get(2L)).contains("\"ZZ\"");
		// the lines after them: named for the refusal they follow from (across batches too), an unknown id as unknown
		assertThat(reasons.get(3L)).isEqualTo("cites \"src:import-test\": line 1, which defines it, was refused");
		assertThat(reasons.get(4L)).isEqualTo("from \"company:imp-cascade\": line 2, which defines it, was refused");
		assertThat(reasons.get(5L)).isEqualTo("no node \"company:imp-nowhere\" in this file (before this line) or in the database");
	}

	@Test
	void goodLinesGoInAndEachBadLineIsReportedWithItsNumberAndReason() throws Exception {
		ImportSummary summary = run(FILE, false);
		assertThat(summary.counts("Company")).containsExactly(2, 0, 0, 4);
		assertThat(summary.counts("Registration")).containsExactly(1, 0, 0, 5);
		assertThat(summary.counts("OWNS")).containsExactly(1, 0, 0, 2);
		assertThat(summary.counts("OF_MARK")).containsExactly(1, 0, 0, 0);
		assertThat(summary.counts("USES_MARK")).containsExactly(1, 0, 0, 0);
		assertThat(summary.rejected()).isEqualTo(14);
		Map<Long, String> reasons = new java.util.TreeMap<>();
		summary.rejections().forEach(r -> reasons.put(r.line(), r.reason()));
		assertThat(reasons).containsOnlyKeys(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L).hasSize(14);
		assertThat(reasons.get(10L)).startsWith("not valid JSON");
		assertThat(reasons.get(11L)).isEqualTo("unknown label \"Trademark\"");
		assertThat(reasons.get(12L)).isEqualTo("Nice classes run from 1 to 45, got 46");
		assertThat(reasons.get(13L)).isEqualTo("the registration (registeredOn 2009) is before filedOn 2010-05");
		assertThat(reasons.get(14L)).isEqualTo("\"damagesCurrency\" must be an ISO 4217 currency code, was \"XXY\"");
		assertThat(reasons.get(15L)).isEqualTo("\"country\" must be an ISO 3166-1 alpha-2 country code, was \"ZZ\"");
		assertThat(reasons.get(16L)).isEqualTo("no node \"company:imp-ghost\" in this file (before this line) or in the database");
		assertThat(reasons.get(17L)).isEqualTo("a Company needs at least one source");
		assertThat(reasons.get(18L)).startsWith("cites \"src:nowhere\", which is no Source");
		assertThat(reasons.get(19L)).isEqualTo("\"12\" is not a USPTO number (\\d{7,8})");
		assertThat(reasons.get(20L)).startsWith("Company has no property \"shoeSize\"");
		assertThat(reasons.get(21L)).isEqualTo("\"markKey\" is set by ipgraph, not by an import");
		assertThat(reasons.get(22L)).isEqualTo("the schema has no (:Mark)-[:OWNS]->(:Registration)");
		assertThat(reasons.get(23L)).startsWith("\"filedOn\" must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists");

		// what went in is whole, cited, and found by the analyses through the keys the import derived
		this.graphql.document("""
				{ registration(id: "CTMO:77001234") { classes filedOn owners { from node { id } sources { quote source { id } } }
				    mark { text } sources { quote } } }""")
			.execute()
			.path("registration.classes").entityList(Integer.class).containsExactly(9, 42)
			.path("registration.owners[0].node.id").entity(String.class).isEqualTo("company:imp-guanghua")
			.path("registration.owners[0].from").entity(String.class).isEqualTo("2009-01-14")
			.path("registration.owners[0].sources[0].quote").entity(String.class).isEqualTo("row 4 owner")
			.path("registration.mark.text").entity(String.class).isEqualTo("ZORVEX");
		this.graphql.document("{ conflicts(text: \"Zorvex\", classes: [9], jurisdiction: \"CN\") { registration { id } reasons { kind } } }")
			.execute()
			.path("conflicts[0].registration.id").entity(String.class).isEqualTo("CTMO:77001234");
		this.graphql.document("{ resolveName(name: \"Guang Hua Technology Co., Ltd.\") { entity { id } } }")
			.execute()
			.path("resolveName[0].entity.id").entity(String.class).isEqualTo("company:imp-guanghua");
		assertThat(this.store.read("MATCH (n {id: 'CTMO:1'}) RETURN n", Map.of())).isEmpty();
	}

	@Test
	void importingTheSameFileTwiceChangesNothing() throws Exception {
		run(FILE, false);
		Map<String, Object> before = snapshot();
		ImportSummary again = run(FILE, false);
		assertThat(again.total("created")).isZero();
		assertThat(again.total("updated")).isZero();
		assertThat(again.total("unchanged")).isEqualTo(8);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aChangedPropertyOrANewCitationUpdatesAndADryRunWritesNothing() throws Exception {
		run(FILE, false);
		String changed = """
				{"kind":"node","label":"Source","id":"src:import-test","properties":{"title":"Registry extract (test)","kind":"registry-record"}}
				{"kind":"node","label":"Registration","id":"CTMO:77001234","properties":{"office":"CTMO","number":"77001234","jurisdiction":"CN","markText":"ZORVEX","classes":[9,42],"filedOn":"2006-04","registeredOn":"2009-01-14","status":"expired"},"sources":[{"id":"src:import-test","quote":"row 4"}]}
				{"kind":"node","label":"Company","id":"company:imp-westwind","properties":{"name":"Westwind Trading Ltd.","aliases":[],"country":"GB"},"sources":[{"id":"src:import-test","quote":"second extract, row 9"}]}
				{"kind":"node","label":"Company","id":"company:imp-new","properties":{"name":"Brand New Ltd","aliases":[]},"sources":[{"id":"src:import-test","quote":"row 10"}]}
				""";
		Map<String, Object> before = snapshot();
		ImportSummary dry = run(changed, true);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.counts("Registration")).containsExactly(0, 1, 0, 0);
		assertThat(dry.counts("Company")).containsExactly(1, 1, 0, 0);
		assertThat(snapshot()).isEqualTo(before);

		ImportSummary real = run(changed, false);
		assertThat(real.counts("Registration")).containsExactly(0, 1, 0, 0);
		assertThat(real.counts("Company")).containsExactly(1, 1, 0, 0);
		this.graphql.document("{ company(id: \"company:imp-westwind\") { sources { quote } } registration(id: \"CTMO:77001234\") { status } }")
			.execute()
			.path("company.sources[*].quote").entityList(String.class).containsExactly("row 2", "second extract, row 9")
			.path("registration.status").entity(String.class).isEqualTo("expired");
	}

	@Test
	void aBatchMixingNewAndKnownLinesCountsEachOnceAndARepeatedRelationshipIsWrittenOnce() throws Exception {
		String source = FILE.lines().findFirst().orElseThrow() + "\n";
		String westwind = FILE.lines().filter(l -> l.contains("\"id\":\"company:imp-westwind\"")).findFirst().orElseThrow() + "\n";
		String zorvex = FILE.lines().filter(l -> l.contains("\"id\":\"mark:imp-zorvex\"")).findFirst().orElseThrow() + "\n";
		String uses = """
				{"kind":"relationship","type":"USES_MARK","from":"company:imp-westwind","to":"mark:imp-zorvex","properties":{"jurisdiction":"GB","since":"%s"},"sources":[{"id":"src:import-test","quote":"%s"}]}
				""";
		// one batch: the same relationship twice, with another date and citation the second time
		ImportSummary first = run(source + westwind + zorvex + uses.formatted("2012", "row 5") + uses.formatted("2011", "row 6"), false, 100);
		assertThat(first.counts("Company")).containsExactly(1, 0, 0, 0);
		assertThat(first.counts("USES_MARK")).containsExactly(1, 1, 0, 0);
		List<org.neo4j.driver.Record> stored = this.store.read("""
				MATCH (:Company {id: 'company:imp-westwind'})-[r:USES_MARK]->(:Mark {id: 'mark:imp-zorvex'})
				RETURN r.since AS since, r.quotes AS quotes""", Map.of());
		assertThat(stored).hasSize(1);
		assertThat(stored.getFirst().get("since").asString()).isEqualTo("2011");
		assertThat(stored.getFirst().get("quotes").asList()).containsExactly("row 5", "row 6");

		// one batch again: a known company next to a new one, the known relationship and a new one
		String newcomer = westwind.replace("imp-westwind", "imp-eastwind").replace("Westwind", "Eastwind").replace("row 2", "row 7");
		ImportSummary second = run(source + westwind + newcomer + uses.formatted("2011", "row 6")
				+ uses.formatted("2013", "row 8").replace("imp-westwind", "imp-eastwind"), false, 100);
		assertThat(second.counts("Company")).containsExactly(1, 0, 1, 0);
		assertThat(second.counts("USES_MARK")).containsExactly(1, 0, 1, 0);
		assertThat(this.store.read("MATCH (c:Company)-[r:USES_MARK]->(:Mark {id: 'mark:imp-zorvex'}) RETURN c.id AS id, r.since AS since ORDER BY id",
				Map.of()).stream().map(r -> r.get("id").asString() + " " + r.get("since").asString()).toList())
			.containsExactly("company:imp-eastwind 2013", "company:imp-westwind 2011");
	}

	@Test
	void theCommandLineShowsASummaryAndSaysByItsExitCodeThatLinesWereRejected(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("extract.jsonl");
		Files.writeString(file, FILE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new ImportCommand(this.importer, this.checksum, this.ftm, this.registry, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--batch", "3", file.toString()));
		assertThat(code).isEqualTo(1);
		String table = out.toString(StandardCharsets.UTF_8);
		assertThat(table).contains("extract.jsonl: 23 lines").containsPattern("Registration\\s+1\\s+0\\s+0\\s+5")
			.contains("line 12 (Registration): Nice classes run from 1 to 45, got 46");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%");
		assertThat(new ImportCommand(this.importer, this.checksum, this.ftm, this.registry, System.out, new PrintStream(err)).run(List.of(dir.resolve("missing.jsonl").toString())))
			.isEqualTo(2);
	}

	@Test
	void anUploadAnswersWithTheSummary() {
		GraphQlClient.http(this.port, "editor")
			.post()
			.uri("/api/import?name=extract.jsonl")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(FILE)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.created").isEqualTo(8)
			.jsonPath("$.rejected").isEqualTo(14)
			.jsonPath("$.rejections[0].line").isEqualTo(10)
			.jsonPath("$.kinds[?(@.kind == 'Company')].created").isEqualTo(2);
		// a page elsewhere could post text/plain without a CORS preflight: refused, nothing written
		GraphQlClient.http(this.port, "editor")
			.post()
			.uri("/api/import")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(FILE.replace("imp-", "imp-plain-"))
			.exchange()
			.expectStatus().isEqualTo(415);
		assertThat(this.store.read("MATCH (n) WHERE n.id STARTS WITH 'company:imp-plain-' RETURN n", Map.of())).isEmpty();
		// importing is an editor's work: an analyst is refused, an anonymous caller is asked to sign in; nothing written
		GraphQlClient.http(this.port, "analyst")
			.post()
			.uri("/api/import")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(FILE.replace("imp-", "imp-analyst-"))
			.exchange()
			.expectStatus().isForbidden();
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/api/import")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(FILE.replace("imp-", "imp-anonymous-"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueMatches("WWW-Authenticate", "Basic realm=\"ipgraph\".*");
		assertThat(this.store.read("MATCH (n) WHERE n.id STARTS WITH 'company:imp-analyst-' OR n.id STARTS WITH 'company:imp-anonymous-' RETURN n",
				Map.of())).isEmpty();
	}

	private ImportSummary run(String text, boolean dryRun) throws Exception {
		return run(text, dryRun, 4);
	}

	private ImportSummary run(String text, boolean dryRun, int batch) throws Exception {
		return this.importer.importStream("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), -1, dryRun, batch, p -> { });
	}

	/** Every node and relationship of the import with all its properties. */
	private Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new java.util.TreeMap<>();
		this.store.read("MATCH (n) WHERE $source IN n.sourceIds OR n.id = $source RETURN n.id AS id, properties(n) AS p", Map.of("source", SOURCE))
			.forEach(r -> snapshot.put(r.get("id").asString(), r.get("p").asMap()));
		this.store.read("""
				MATCH (a)-[r]->(b) WHERE $source IN r.sourceIds
				RETURN a.id + ' ' + type(r) + ' ' + b.id AS id, properties(r) AS p""", Map.of("source", SOURCE))
			.forEach(r -> snapshot.put(r.get("id").asString(), r.get("p").asMap()));
		return snapshot;
	}

}
