package io.ipgraph.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the workspace's pages change, done in Chromium as people would: an editor uploads a file (one line refused),
 * reads the summary, finds the two records that may be one company, is told that someone changed one of them first,
 * reloads, merges them and splits them again; an analyst dismisses an alert (told first that a dismissal needs a
 * reason). Each result is checked in the store, not only on the page.
 */
@IpgraphTest
class WorkspaceActionsTest {

	private static final String FILE = """
			{"kind":"node","label":"Source","id":"src:wsa-register","properties":{"title":"Company register extract (workspace test)","kind":"registry-record"}}
			{"kind":"node","label":"Company","id":"company:wsa-quill-a","properties":{"name":"Quillmate Trading Co.","country":"CN"},"sources":[{"id":"src:wsa-register","quote":"row 1"}]}
			{"kind":"node","label":"Company","id":"company:wsa-quill-b","properties":{"name":"Quillmate Trading Company Limited","country":"CN"},"sources":[{"id":"src:wsa-register","quote":"row 2"}]}
			{"kind":"node","label":"Company","id":"company:wsa-unsourced","properties":{"name":"Unsourced Trading Ltd","country":"CN"}}
			""";

	@LocalServerPort
	int port;

	@Autowired
	GraphStore store;

	@AfterEach
	void forget() {
		this.store.write("""
				MATCH (n) WHERE n.id STARTS WITH 'company:wsa-' OR n.id IN ['src:wsa-register', 'CTMO:88990017']
				   OR (n:Judgement AND any(i IN n.entityIds WHERE i STARTS WITH 'company:wsa-'))
				   OR (n:Watch AND n.text = 'QUILLMATE') OR (n:Alert AND n.subjectId = 'CTMO:88990017')
				DETACH DELETE n""", Map.of());
	}

	@Test
	void anEditorUploadsAFileThenMergesTwoRecordsAfterAVersionConflictAndSplitsThemAgain() throws Exception {
		Path file = Path.of("target/browser/wsa.jsonl").toAbsolutePath();
		Files.createDirectories(file.getParent());
		Files.writeString(file, FILE);
		JsonNode steps = WorkspaceWalkTest.walk(this.port, "editor", "actions", List.of(Map.of("go", "/import"),
				Map.of("upload", "input[type=file]", "file", file.toString()), Map.of("tap", "#upload button[type=submit]", "wait", "#summary h3"),
				Map.of("go", "/entity/company%3Awsa-quill-a"),
				Map.of("graphql", "mutation { updateEntity(id: \"company:wsa-quill-b\", version: 0, set: [{name: \"country\", text: \"HK\"}],"
						+ " sources: [{sourceId: \"src:wsa-register\", quote: \"row 2, amended\"}], reason: \"the register was amended\") { version } }"),
				Map.of("fill", "table.candidates form.merge input[name=reason]", "value", "one register number"),
				Map.of("tap", "table.candidates form.merge button[type=submit]", "wait", "table.candidates form.merge .answer.error"),
				Map.of("go", "/entity/company%3Awsa-quill-a"), Map.of("fill", "table.candidates form.merge input[name=reason]", "value", "one register number"),
				Map.of("click", "table.candidates form.merge button[type=submit]"),
				Map.of("fill", "#identity form.split input[name=reason]", "value", "two register numbers after all"),
				Map.of("click", "#identity form.split button[type=submit]"))).get("steps");

		String summary = steps.get(2).get("text").asString();
		assertThat(summary).as("the import's summary").contains("Imported: wsa.jsonl", "4 lines", "3 created", "1 refused", "Company", "Source",
				"Refused lines", "line 4");
		assertThat(this.store.read("MATCH (c:Company) WHERE c.id STARTS WITH 'company:wsa-' RETURN collect(c.id) AS ids", Map.of()).getFirst().get("ids")
			.asList(Value::asString)).as("what the upload wrote").containsExactlyInAnyOrder("company:wsa-quill-a", "company:wsa-quill-b");

		assertThat(steps.get(3).get("text").asString()).as("the records that may be one").contains("May be the same", "Quillmate Trading Company Limited");
		assertThat(steps.get(4).get("graphql").get("body").asString()).contains("\"version\":1");
		assertThat(steps.get(6).get("text").asString()).as("the merge made on what the page read").contains("Someone changed company:wsa-quill-b first",
				"version 1");
		assertThat(steps.get(9).get("text").asString()).as("merged after a reload").contains("Judged one and the same", "MERGE", "one register number");
		assertThat(steps.get(11).get("text").asString()).as("split again").contains("No other record is judged to be this one", "SPLIT",
				"two register numbers after all");
		List<String> made = this.store.readEverything("""
				MATCH (j:Judgement) WHERE 'company:wsa-quill-a' IN j.entityIds RETURN j.decision + ' by ' + j.by AS made ORDER BY j.at""", Map.of())
			.stream().map(r -> r.get("made").asString()).toList();
		assertThat(made).as("the judgements in the store: the refused merge made none").containsExactly("MERGE by editor", "SPLIT by editor");
		assertThat(this.store.readEverything("MATCH (:Company {id: 'company:wsa-quill-b'})-[s:SAME_AS]-() RETURN count(s) AS n", Map.of()).getFirst()
			.get("n").asInt()).isZero();

		// an analyst gets neither the judgement forms nor the upload form (and the server would refuse both)
		String page = GraphQlClient.http(this.port, "analyst").get().uri("/entity/company:wsa-quill-a").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Identity").doesNotContain("May be the same", "data-mutation");
		assertThat(GraphQlClient.http(this.port, "analyst").get().uri("/import").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains("needs the EDITOR role").doesNotContain("type=\"file\"");
		// wrong requests get a clear answer, not a server error
		GraphQlClient.http(this.port, "analyst").post().uri("/api/network/expand").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", "company:wsa-quill-a", "kind", "Spaceship")).exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.error").isEqualTo("Unknown kind 'Spaceship'");
		GraphQlClient.http(this.port, "analyst").get().uri("/search?q=Quillmate&kind=Spaceship").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html).contains("Not understood", "Unknown kind", "Spaceship"));
	}

	@Test
	void anAnalystDismissesAnAlertWithAReasonAfterBeingToldOneIsNeeded() throws Exception {
		String watch = GraphQlClient.tester(this.port, "analyst")
			.document("mutation { watchMark(text: \"QUILLMATE\", classes: [35], territories: [\"CN\"]) { watch { id } } }").execute()
			.path("watchMark.watch.id").entity(String.class).get();
		GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=wsa-registration.jsonl").contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue("""
					{"kind":"node","label":"Source","id":"src:wsa-register","properties":{"title":"Company register extract (workspace test)","kind":"registry-record"}}
					{"kind":"node","label":"Registration","id":"CTMO:88990017","properties":{"office":"CTMO","number":"88990017","jurisdiction":"CN","markText":"QUILLMATE","classes":[35],"filedOn":"2026-03","status":"registered"},"sources":[{"id":"src:wsa-register","quote":"row 9"}]}
					""")
			.exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.store.readEverything("MATCH (a:Alert {watchId: $w}) RETURN count(a) AS n", Map.of("w", watch))
			.getFirst().get("n").asInt() == 1);

		JsonNode steps = WorkspaceWalkTest.walk(this.port, "analyst", "triage", List.of(Map.of("go", "/alerts?watch=" + java.net.URLEncoder.encode(watch,
				java.nio.charset.StandardCharsets.UTF_8)), Map.of("select", "form.triage select[name=state]", "value", "DISMISSED"),
				Map.of("tap", "form.triage button[type=submit]", "wait", "form.triage .answer.error"),
				Map.of("fill", "form.triage input[name=reason]", "value", "a coffee shop, not our class 35 services"),
				Map.of("tap", "form.triage button[type=submit]", "wait", "form.triage .answer.done"))).get("steps");
		assertThat(steps.get(0).get("text").asString()).contains("QUILLMATE", "new");
		assertThat(steps.get(2).get("text").asString()).as("a dismissal without a reason").contains("say why the alert is dismissed");
		assertThat(steps.get(4).get("text").asString()).contains("Saved: DISMISSED by analyst");
		assertThat(this.store.readEverything("MATCH (a:Alert {watchId: $w}) RETURN a.state + ' by ' + a.stateBy + ': ' + a.stateReason AS s",
				Map.of("w", watch)).getFirst().get("s").asString()).isEqualTo("dismissed by analyst: a coffee shop, not our class 35 services");
	}

}
