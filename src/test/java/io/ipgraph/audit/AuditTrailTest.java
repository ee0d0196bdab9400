package io.ipgraph.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ipgraph.GraphQlClient;
import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.edits.Edits;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits, optimistic locking, retraction and the audit trail against the running application: an editor's update
 * is recorded with before and after; a second editor working on the old version gets a conflict and writes
 * nothing; a retracted entity disappears from every read path (by id, list, search, name resolution, relationship
 * fields, neighbourhood, paths, re-import) and comes back whole when restored; identical imports running at once
 * never duplicate an entity.
 */
class AuditTrailTest extends GraphQlHttpTest {

	static final String FILE = """
			{"kind":"node","label":"Source","id":"src:audit-test","properties":{"title":"Company register extract (audit test)","kind":"registry-record"}}
			{"kind":"node","label":"Company","id":"company:audit-vendora","properties":{"name":"Vendora Trading Ltd.","aliases":["Vendora"],"country":"GB"},"sources":[{"id":"src:audit-test","quote":"row 1"}]}
			{"kind":"node","label":"Company","id":"company:audit-kestrix","properties":{"name":"Kestrix Shenzhen Co., Ltd.","aliases":["Kestrix"],"country":"CN"},"sources":[{"id":"src:audit-test","quote":"row 2"}]}
			{"kind":"relationship","type":"PARTNER_OF","from":"company:audit-vendora","to":"company:audit-kestrix","properties":{"region":"Shenzhen"},"sources":[{"id":"src:audit-test","quote":"row 3"}]}
			""";

	@Autowired
	GraphStore store;

	/** The shared test database outlives a run: start from none of this test's entities and their records. */
	@org.junit.jupiter.api.BeforeEach
	void forgetEarlierRuns() {
		this.store.write("""
				MATCH (n) WHERE n.id STARTS WITH 'company:audit-' OR n.id STARTS WITH 'src:audit-'
				   OR (n:Change AND n.entityId STARTS WITH 'company:audit-')
				DETACH DELETE n""", Map.of());
	}

	@Test
	void editsRetractionsAndRestorationsAreRecordedAndGuarded() {
		upload(FILE).expectStatus().isOk();
		String kestrix = "company:audit-kestrix";
		assertThat(version(kestrix)).isZero();
		assertThat(visibleTo("company:audit-vendora", kestrix)).containsExactlyInAnyOrder("byId", "list", "search", "resolveName", "partners",
				"neighbourhood", "paths");

		// an editor corrects the country, citing a source: version 1, recorded with before and after
		var update = as("editor").document("""
				mutation { updateEntity(id: "company:audit-kestrix", version: 0, reason: "register says HK",
				  set: [{ name: "country", text: "HK" }], sources: [{ sourceId: "src:audit-test", quote: "row 2, corrected" }]) {
				  version change { by action before after version } } }""").execute();
		update.path("updateEntity.version").entity(Integer.class).isEqualTo(1);
		update.path("updateEntity.change.by").entity(String.class).isEqualTo("editor");
		update.path("updateEntity.change.before").entity(String.class).satisfies(before -> assertThat(before).contains("\"country\":\"CN\""));
		update.path("updateEntity.change.after").entity(String.class).satisfies(after -> assertThat(after).contains("\"country\":\"HK\""));
		assertThat(property(kestrix, "country")).isEqualTo("HK");
		assertThat(this.store.read("MATCH (c:Company {id: $id}) RETURN c.quotes AS q", Map.of("id", kestrix)).getFirst().get("q").asList())
			.contains("row 2, corrected");

		// a second editor, still on version 0, loses: a conflict with the current version, nothing written
		long changes = changes();
		as("editor2").document("""
				mutation { updateEntity(id: "company:audit-kestrix", version: 0, reason: "typo",
				  set: [{ name: "country", text: "CN" }], sources: [{ sourceId: "src:audit-test" }]) { version } }""")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT").containsEntry("currentVersion", 1);
				assertThat(error.getMessage()).contains("version 1");
			}));
		assertThat(property(kestrix, "country")).isEqualTo("HK");
		// bad values are refused as an import would refuse them, and write nothing either
		as("editor").document("""
				mutation { updateEntity(id: "company:audit-kestrix", version: 1, reason: "x",
				  set: [{ name: "country", text: "XX" }], sources: [{ sourceId: "src:audit-test" }]) { version } }""")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("XX");
			}));
		as("editor").document("""
				mutation { updateEntity(id: "company:audit-kestrix", version: 1, reason: "x", set: [{ name: "country", text: "CN" }], sources: []) { version } }""")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("cite")));
		assertThat(changes()).isEqualTo(changes);
		assertThat(version(kestrix)).isEqualTo(1);

		// retracted: gone from every read path
		as("editor").document("mutation { retractEntity(id: \"company:audit-kestrix\", version: 1, reason: \"duplicate of a better-sourced record\") { version } }")
			.execute().path("retractEntity.version").entity(Integer.class).isEqualTo(2);
		assertThat(visibleTo("company:audit-vendora", kestrix)).isEmpty();
		// and an import cannot bring it back behind the editors' backs
		upload(FILE).expectStatus().isOk().expectBody()
			.jsonPath("$.rejections[0].reason").value(reason -> assertThat((String) reason).contains("was retracted"));
		this.graphql.document("{ retracted { id } }").execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
		as("editor").document("{ retracted { id label by reason } }").execute()
			.path("retracted[?(@.id == 'company:audit-kestrix')].by").entityList(String.class).containsExactly("editor");

		// restored: back as it was, with its partner
		as("editor2").document("mutation { restoreEntity(id: \"company:audit-kestrix\", reason: \"the record was right\") { version label } }")
			.execute().path("restoreEntity.version").entity(Integer.class).isEqualTo(3);
		assertThat(visibleTo("company:audit-vendora", kestrix)).containsExactlyInAnyOrder("byId", "list", "search", "resolveName", "partners",
				"neighbourhood", "paths");
		assertThat(property(kestrix, "country")).isEqualTo("HK");

		// the entity's history, newest first, each with who and why
		this.graphql.document("{ changes(entityId: \"company:audit-kestrix\") { action by reason version } }").execute()
			.path("changes[*].action").entityList(String.class).containsExactly("restore", "retract", "update")
			.path("changes[*].by").entityList(String.class).containsExactly("editor2", "editor", "editor");
		// the upload's batches are in the trail too, by the uploader, with the file's name and counts
		this.graphql.document("{ changes(action: \"import\", limit: 1000) { by details } }").execute()
			.path("changes[?(@.details =~ /.*audit-test.jsonl.*/)].by").entityList(String.class).satisfies(by -> assertThat(by).hasSizeGreaterThanOrEqualTo(2).containsOnly("editor"));
	}

	@Test
	void restrictedEntitiesAreHiddenFromAnalystsOnEveryReadPath() {
		upload(FILE.replace("audit-", "audit-restricted-").replace("Kestrix", "Quorvane")).expectStatus().isOk();
		String hidden = "company:audit-restricted-kestrix";
		String neighbour = "company:audit-restricted-vendora";
		List<String> all = List.of("byId", "list", "search", "resolveName", "partners", "neighbourhood", "paths");
		assertThat(visibleTo(this.graphql, neighbour, hidden, "Quorvane", "Quorvane Shenzhen")).containsExactlyInAnyOrderElementsOf(all);
		as("editor").document("mutation { restrictEntity(id: \"company:audit-restricted-kestrix\", version: 0, restricted: true, reason: \"source protection\") { version } }")
			.execute().path("restrictEntity.version").entity(Integer.class).isEqualTo(1);
		// the analyst reaches it by no path, nor sees its history; the editor still sees everything
		assertThat(visibleTo(this.graphql, neighbour, hidden, "Quorvane", "Quorvane Shenzhen")).isEmpty();
		this.graphql.document("{ changes(entityId: \"company:audit-restricted-kestrix\") { action } }").execute().path("changes").entityList(Object.class)
			.hasSize(0);
		assertThat(visibleTo(as("editor"), neighbour, hidden, "Quorvane", "Quorvane Shenzhen")).containsExactlyInAnyOrderElementsOf(all);
		as("editor").document("{ changes(entityId: \"company:audit-restricted-kestrix\") { action by reason } }").execute()
			.path("changes[0].action").entity(String.class).isEqualTo("restrict");
		// lifted: the analyst sees it again
		as("editor2").document("mutation { restrictEntity(id: \"company:audit-restricted-kestrix\", version: 1, restricted: false, reason: \"published\") { version } }")
			.execute().path("restrictEntity.version").entity(Integer.class).isEqualTo(2);
		assertThat(visibleTo(this.graphql, neighbour, hidden, "Quorvane", "Quorvane Shenzhen")).containsExactlyInAnyOrderElementsOf(all);
	}

	@Test
	void identicalImportsRunningAtOnceNeverDuplicateAnEntity() throws Exception {
		String file = FILE.replace("audit-", "audit-concurrent-");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Object>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit((Callable<Object>) () -> {
					upload(file).expectStatus().isOk();
					return null;
				}));
			}
			for (Future<Object> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		var counts = this.store.read("""
				MATCH (n) WHERE n.id STARTS WITH 'company:audit-concurrent-' OR n.id = 'src:audit-concurrent-test'
				WITH n.id AS id, count(*) AS copies RETURN collect(id) AS ids, max(copies) AS most""", Map.of()).getFirst();
		assertThat(counts.get("ids").asList()).hasSize(3);
		assertThat(counts.get("most").asLong()).isEqualTo(1);
		assertThat(this.store.read("MATCH (:Company {id: 'company:audit-concurrent-vendora'})-[r:PARTNER_OF]->() RETURN count(r) AS n", Map.of())
			.getFirst().get("n").asLong()).isEqualTo(1);
	}

	/** The read paths on which {@code id} shows up, seen by an analyst from {@code neighbour}. */
	private List<String> visibleTo(String neighbour, String id) {
		return visibleTo(this.graphql, neighbour, id, "Kestrix", "Kestrix Shenzhen");
	}

	/** The read paths on which {@code id} shows up, seen by {@code reader} from {@code neighbour}. */
	private static List<String> visibleTo(org.springframework.graphql.test.tester.GraphQlTester reader, String neighbour, String id, String search,
			String name) {
		List<String> seen = new ArrayList<>();
		var response = reader.document("""
				query($id: ID!, $n: ID!, $search: String!, $name: String!) {
				  company(id: $id) { id }
				  companies(where: { id: { eq: $id } }) { id }
				  search(query: $search) { node { id } }
				  resolveName(name: $name) { entity { id } }
				  partnersOf: company(id: $n) { partners { node { id } } }
				  neighbourhood(id: $n) { nodes { id } }
				}""").variable("id", id).variable("n", neighbour).variable("search", search).variable("name", name).execute().returnResponse();
		assertThat(response.getErrors()).isEmpty();
		Map<String, Object> data = response.getData();
		if (data.get("company") != null) {
			seen.add("byId");
		}
		if (!((List<?>) data.get("companies")).isEmpty()) {
			seen.add("list");
		}
		if (data.get("search").toString().contains(id)) {
			seen.add("search");
		}
		if (data.get("resolveName").toString().contains(id)) {
			seen.add("resolveName");
		}
		if (data.get("partnersOf").toString().contains(id)) {
			seen.add("partners");
		}
		if (data.get("neighbourhood").toString().contains(id)) {
			seen.add("neighbourhood");
		}
		var paths = reader.document("query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length } }").variable("a", neighbour).variable("b", id)
			.execute().returnResponse();
		if (paths.getErrors().isEmpty() && !((List<?>) ((Map<?, ?>) paths.getData()).get("paths")).isEmpty()) {
			seen.add("paths");
		}
		return seen;
	}

	private WebTestClient.ResponseSpec upload(String file) {
		return GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=audit-test.jsonl")
			.contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(file).exchange();
	}

	private int version(String id) {
		return this.graphql.document("query($id: ID!) { entityVersion(id: $id) }").variable("id", id).execute().path("entityVersion")
			.entity(Integer.class).get();
	}

	private String property(String id, String name) {
		return this.store.read("MATCH (c:Company {id: $id}) RETURN c[$name] AS v", Map.of("id", id, "name", name)).getFirst().get("v").asString();
	}

	private long changes() {
		return this.store.read("MATCH (c:Change) RETURN count(c) AS n", Map.of()).getFirst().get("n").asLong();
	}

}
