package io.ipgraph.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import io.ipgraph.Processes;
import io.ipgraph.cases.CaseFiles;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace walked in Chromium as an analyst would, typing and clicking, with every request beyond the machine
 * blocked: the seed case from a search for 光环新网 to the partner's page, its network (the lawsuit chosen on the canvas, the
 * link to it opening its sources), the lawsuit, Amazon, its trace in China, the squatting check in China, the
 * conflicting earlier registration and its PDF report; a restricted partner of the same firm is on none of
 * those pages, nor in search, nor at its own address. And one case of the case files the same way.
 */
@IpgraphTest
class WorkspaceWalkTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	GraphStore store;

	@Test
	void anAnalystWalksTheSeedCaseFromASearchToTheReportAndNeverMeetsARestrictedEntity() throws Exception {
		String hidden = "company:ws-hidden-" + System.nanoTime();
		GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=ws.jsonl").contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue("""
					{"kind":"node","label":"Source","id":"src:ws-note","properties":{"title":"Source-protected note (test)","kind":"analyst-note"}}
					{"kind":"node","label":"Company","id":"%1$s","properties":{"name":"Hollowmere Holdings","aliases":[],"country":"CN"},"sources":[{"id":"src:ws-note","quote":"Hollowmere"}]}
					{"kind":"relationship","type":"PARTNER_OF","from":"company:beijing-sinnet","to":"%1$s","sources":[{"id":"src:ws-note","quote":"partners"}]}
					""".formatted(hidden))
			.exchange().expectStatus().isOk();
		GraphQlClient.tester(this.port, "editor")
			.document("mutation { restrictEntity(id: \"" + hidden + "\", version: 0, restricted: true, reason: \"source protection\") { version } }")
			.execute().path("restrictEntity.version").entity(Integer.class).isEqualTo(1);

		try {
			walkTheSeed(hidden);
		}
		finally {
			// the shared store keeps no restricted entity of this test's (an export of it would carry the restriction)
			this.store.write("MATCH (n) WHERE n.id IN [$id, 'src:ws-note'] DETACH DELETE n", Map.of("id", hidden));
		}
	}

	private void walkTheSeed(String hidden) throws Exception {
		JsonNode walk = walk("seed", List.of(Map.of("go", "/"), Map.of("search", "光环新网"),
				Map.of("click", "ol.hits a[href='/entity/company%3Abeijing-sinnet']"), Map.of("click", "a.network"),
				Map.of("tap", "#drawn button[data-kind=Lawsuit]", "wait", "#panel button.edge"),
				Map.of("tap", "#panel button.edge", "wait", "#panel ol.sources li"), Map.of("click", "#panel a[href^='/entity/lawsuit%3A']"),
				Map.of("click", "a[href='/entity/company%3Aamazon']"), Map.of("go", "/entity/company%3Aamazon/network?trace=CN"),
				Map.of("go", "/entity/company%3Aamazon"), Map.of("fill", "input[name=jurisdiction]", "value", "CN", "submit", true),
				Map.of("click", "table.conflicts a[href='/entity/CTMO%3A4249189']"), Map.of("pdf", "a.report:has-text('PDF')"),
				Map.of("search", "Hollowmere"), Map.of("go", "/entity/" + java.net.URLEncoder.encode(hidden, java.nio.charset.StandardCharsets.UTF_8))));
		JsonNode steps = walk.get("steps");
		assertThat(steps.get(1).get("text").asString()).as("search hits").contains("Beijing Sinnet").contains("Kind").contains("Jurisdiction");
		JsonNode sinnet = steps.get(2);
		assertThat(sinnet.get("heading").asString()).contains("Sinnet");
		assertThat(sinnet.get("text").asString()).as("the partner's page: aliases, links, numbered sources with quotes")
			.contains("光环新网", "Linked to it", "PARTY_TO", "Sources", "[1]");
		JsonNode network = steps.get(3);
		assertThat(network.get("url").asString()).isEqualTo("/entity/company%3Abeijing-sinnet/network");
		List<String> drawn = ids(network);
		assertThat(drawn).as("the partner's network: it, its firm, its lawsuit").contains("company:beijing-sinnet", "company:amazon")
			.anyMatch(id -> id.startsWith("lawsuit:")).doesNotContain(hidden);
		assertThat(network.get("canvas").get("edges").asInt()).isPositive();
		// drawn in the Browser kit's colours: each kind on the canvas as the kit's style sheet has it
		String grass = Files.readString(Path.of("cypher/browser/ipgraph.grass"));
		assertThat(network.get("canvas").get("colours").size()).as("kinds drawn").isGreaterThanOrEqualTo(2);
		network.get("canvas").get("colours").properties().forEach(kind -> {
			java.util.regex.Matcher colour = java.util.regex.Pattern.compile("node\\." + kind.getKey() + " \\{[^}]*?\\n  color: #(\\w{6});").matcher(grass);
			assertThat(colour.find()).as("the kit styles %s", kind.getKey()).isTrue();
			int rgb = Integer.parseInt(colour.group(1), 16);
			assertThat(kind.getValue().asString().replace(" ", "")).as("%s on the canvas", kind.getKey())
				.isEqualTo("rgb(" + (rgb >> 16) + "," + ((rgb >> 8) & 0xff) + "," + (rgb & 0xff) + ")");
		});
		assertThat(steps.get(4).get("text").asString()).as("the lawsuit chosen: what is linked to it, to add").contains("Add neighbours", "Registration");
		// the link between the partner and its lawsuit opens its sources with the words they are cited for
		String lawsuit = drawn.stream().filter(id -> id.startsWith("lawsuit:")).findFirst().orElseThrow();
		List<String> quotes = this.store.readEverything("MATCH (:Company {id: 'company:beijing-sinnet'})-[r:PARTY_TO]->(:Lawsuit {id: $l}) RETURN r.quotes AS q",
				Map.of("l", lawsuit)).getFirst().get("q").asList(org.neo4j.driver.Value::asString);
		assertThat(steps.get(5).get("text").asString()).contains("PARTY_TO", "Sources", quotes.getFirst());
		assertThat(steps.get(6).get("url").asString()).isEqualTo("/entity/" + java.net.URLEncoder.encode(lawsuit, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(steps.get(6).get("text").asString()).contains("Amazon");
		assertThat(steps.get(7).get("heading").asString()).contains("Amazon");
		JsonNode trace = steps.get(8);
		assertThat(ids(trace)).as("Amazon traced in China: its partner, its mark, the earlier registration, the lawsuit")
			.contains("company:amazon", "company:beijing-sinnet", "CTMO:4249189", lawsuit).doesNotContain(hidden);
		JsonNode squatting = steps.get(10);
		assertThat(squatting.get("url").asString()).startsWith("/check/squatting?firm=company%3Aamazon&jurisdiction=CN");
		assertThat(squatting.get("text").asString()).as("the conflicting earlier registration with its reasons").contains("AWS", "why");
		JsonNode registration = steps.get(11);
		assertThat(registration.get("url").asString()).isEqualTo("/entity/CTMO%3A4249189");
		assertThat(registration.get("text").asString()).contains("Legal clocks", "art. 49(2)", "Earlier registrations that conflict with it", "Sources");
		assertThat(steps.get(12).get("pdf").get("magic").asString()).isEqualTo("%PDF-");
		assertThat(steps.get(13).get("text").asString()).contains("Nothing found for Hollowmere");
		assertThat(steps.get(14).get("status").asInt()).isEqualTo(404);
		for (int i = 0; i < steps.size(); i++) {
			String text = steps.get(i).get("text").asString();
			assertThat(text).as("no page shows the restricted partner: %s", steps.get(i).get("url")).doesNotContain("Hollowmere Holdings");
			if (i < steps.size() - 1) {
				// (the last page only repeats the address typed)
				assertThat(text).doesNotContain(hidden);
			}
		}
	}

	private static List<String> ids(JsonNode step) {
		assertThat(step.get("canvas").isObject()).as("a canvas on %s", step.get("url")).isTrue();
		List<String> ids = new java.util.ArrayList<>();
		step.get("canvas").get("ids").forEach(id -> ids.add(id.asString()));
		return ids;
	}

	@Test
	void anAnalystWalksTheBenFuCaseFromASearchToARegistrationAndItsReport() throws Exception {
		CaseFiles.load(this.port, "penfolds-benfu");
		try {
			JsonNode steps = walk("benfu", List.of(Map.of("go", "/"), Map.of("search", "奔富酒园"),
					Map.of("click", "ol.hits a[href^='/entity/CTMO%3A']"), Map.of("pdf", "a.report:has-text('PDF')"), Map.of("click", "a.network"),
					Map.of("tap", "#panel button.edge", "wait", "#panel ol.sources li"), Map.of("search", "Tresury Wine Estates"))).get("steps");
			assertThat(steps.get(1).get("text").asString()).contains("奔富酒园");
			JsonNode registration = steps.get(2);
			assertThat(registration.get("heading").asString()).contains("奔富");
			assertThat(registration.get("text").asString()).as("its facts, conflicts with their reasons and sources")
				.contains("Facts", "Earlier registrations that conflict with it", "Sources");
			assertThat(steps.get(3).get("pdf").get("magic").asString()).isEqualTo("%PDF-");
			List<String> drawn = ids(steps.get(4));
			assertThat(drawn).as("the registration's network: it and what it is linked to").hasSizeGreaterThan(1)
				.contains(steps.get(2).get("url").asString().substring("/entity/".length()).replace("%3A", ":"));
			assertThat(steps.get(5).get("text").asString()).as("a link of the registration, with its sources").contains("LINK", "Sources");
			assertThat(steps.get(6).get("text").asString()).as("a name typed with a letter missing").contains("Treasury Wine Estates");
		}
		finally {
			CaseFiles.remove(this.store, "penfolds-benfu");
		}
	}

	private JsonNode walk(String name, List<Map<String, Object>> steps) throws Exception {
		return walk(this.port, "analyst", name, steps);
	}

	/**
	 * Walks {@code steps} in Chromium as {@code user} (see workspace-walk.mjs), screenshots in target/browser; checks that
	 * nothing left the machine, no script failed and every step was walked.
	 */
	static JsonNode walk(int port, String user, String name, List<Map<String, Object>> steps) throws Exception {
		Path dir = Processes.browserScripts();
		Path screenshots = Path.of("target/browser/workspace-" + name).toAbsolutePath();
		Files.createDirectories(screenshots.getParent());
		String out = Processes.run(List.of("node", "workspace-walk.mjs", "http://localhost:" + port, JSON.writeValueAsString(steps),
				screenshots.toString()), dir, 300, Map.of("IPGRAPH_USER", user, "IPGRAPH_PASSWORD", user + "-test-pw"));
		String line = out.lines().filter(l -> l.startsWith("{\"outside\"")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(out));
		JsonNode result = JSON.readTree(line);
		assertThat(result.get("outside").asInt()).as("requests beyond the machine").isZero();
		assertThat(result.get("errors").toString()).as(line).isEqualTo("[]");
		assertThat(result.get("steps").size()).as(line).isEqualTo(steps.size());
		return result;
	}

}
