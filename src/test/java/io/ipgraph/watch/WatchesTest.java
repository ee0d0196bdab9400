package io.ipgraph.watch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watches through the public API, on the running application: a mark watch alerts once on a conflicting registration
 * with its reasons, its deadline and a signed webhook delivery; a dismissal holds when the same file comes again and
 * gives way when the registration changes; an entity watch sees a new partner; a restricted registration never
 * reaches an analyst's alerts.
 */
@IpgraphTest
class WatchesTest {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	/** What the loopback webhook received: each request's headers of interest and body. */
	record Received(String delivery, String signature, String body) {
	}

	/** Letters and digits of this run, so that a store kept from an earlier run holds none of its marks or registrations. */
	private static final String RUN = new java.util.Random().ints(6, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
			StringBuilder::append).toString();

	private static final String NUMBER = String.valueOf(100_000 + new java.util.Random().nextInt(900_000));

	private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	private static HttpServer receiver;

	@LocalServerPort
	int port;

	@Autowired
	GraphStore store;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("X-Ipgraph-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Ipgraph-Signature"), body));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void aMarkWatchAlertsOnceWithReasonsAndADismissalHoldsUntilTheRegistrationChanges() throws Exception {
		String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
		Map<String, Object> made = as("editor").document("""
				mutation($hook: String) { watchMark(text: "QUORVA%s", classes: [9], territories: ["CN"], deadlineDays: 30, webhookUrl: $hook) {
				  watch { id kind owner shared startedFrom } secret existingCount existing { title } } }""".formatted(RUN)).variable("hook", hook).execute().path("watchMark")
			.entity(Map.class).get();
		String watchId = (String) ((Map<?, ?>) made.get("watch")).get("id");
		String secret = (String) made.get("secret");
		assertThat(made.get("existingCount")).as("what already conflicts: %s", made.get("existing")).isEqualTo(0);

		// published 75 days ago: the CNIPA opposition window (3 months from publication) closes within the 30 days asked
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate published = today.minusDays(75);
		LocalDate closes = published.plusMonths(3);
		String file = registration("CTMO:81" + NUMBER, "QUORVA" + RUN + "S", "[9]", published, "applied");
		importFile(file);
		List<Map<String, Object>> conflicts = awaitAlerts("editor", watchId, "conflict", 1);
		Map<String, Object> alert = conflicts.getFirst();
		assertThat(alert).containsEntry("state", "NEW").containsEntry("subjectId", "CTMO:81" + NUMBER).containsEntry("path", List.of("CTMO:81" + NUMBER));
		// one letter more: a spelling variant, or a sound-alike when the letters leave the phonetic key as it was
		assertThat(kinds(alert)).hasSize(2).last().isEqualTo("shared-class");
		assertThat(kinds(alert).getFirst()).isIn("spelling", "sound-alike");
		assertThat(((Map<?, ?>) alert.get("change")).get("action")).isEqualTo("import");
		assertThat(((Map<?, ?>) alert.get("subject")).get("markText")).isEqualTo("QUORVA" + RUN + "S");
		assertThat(alert.get("sources").toString()).contains("src:watch-test", "registry row 81" + NUMBER);
		Map<String, Object> deadline = awaitAlerts("editor", watchId, "deadline", 1).getFirst();
		long days = ChronoUnit.DAYS.between(today, closes);
		assertThat(deadline).containsEntry("ruleId", "cn-opposition").containsEntry("closes", closes.toString());
		assertThat((String) deadline.get("title")).contains("closes in " + days + " days", "art. 33");

		// each alert is delivered once to the webhook, signed with the watch's secret
		await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.stream().filter(r -> r.body().contains(watchId)).count() == 2);
		for (Received r : RECEIVED.stream().filter(r -> r.body().contains(watchId)).toList()) {
			assertThat(r.signature()).isEqualTo("sha256=" + hmac(secret, r.body()));
		}
		assertThat(RECEIVED.stream().filter(r -> r.body().contains(watchId)).map(Received::delivery).distinct()).hasSize(2);
		assertThat(RECEIVED.stream().filter(r -> r.body().contains(watchId)).map(Received::body).filter(b -> b.contains((String) alert.get("id"))))
			.hasSize(1);

		// dismissed, then the same file again: nothing new
		String alertId = (String) alert.get("id");
		as("editor").document("mutation { triageAlert(id: \"" + alertId + "\", state: DISMISSED, reason: \"our licensee's filing\") { state stateBy } }")
			.execute().path("triageAlert.state").entity(String.class).isEqualTo("DISMISSED").path("triageAlert.stateBy").entity(String.class)
			.isEqualTo("editor");
		as("editor").document("mutation { triageAlert(id: \"" + alertId + "\", state: DISMISSED) { state } }").execute().errors()
			.expect(e -> e.getMessage().contains("say why")).verify();
		importFile(file);
		awaitJournalEmpty();
		assertThat(alerts("editor", watchId, "conflict")).hasSize(1).first().extracting(a -> a.get("state")).isEqualTo("DISMISSED");

		// the registration changes: it alerts again
		importFile(registration("CTMO:81" + NUMBER, "QUORVA" + RUN + "S", "[9]", published, "opposed"));
		List<Map<String, Object>> again = awaitAlerts("editor", watchId, "conflict", 2);
		assertThat(again.getFirst()).containsEntry("state", "NEW");
		assertThat(again.getFirst().get("id")).isNotEqualTo(alertId);
		List<Map<String, Object>> counts = as("editor").document("{ alertCounts(watchId: \"" + watchId + "\") { state count } }").execute()
			.path("alertCounts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
		assertThat(counts).contains(Map.of("state", "DISMISSED", "count", 1), Map.of("state", "NEW", "count", 2));
		assertThat(as("editor").document("{ changes(entityId: \"" + alertId + "\") { action reason by } }").execute().path("changes[0]")
			.entity(Map.class).get()).containsEntry("action", "alert-dismissed").containsEntry("reason", "our licensee's filing");
	}

	@Test
	void anEntityWatchSeesANewPartnerOnce() {
		Map<String, Object> made = as("editor").document("""
				mutation { watchEntity(entityId: "company:beijing-sinnet", hops: 1) { watch { id kind hops } existingCount } }""").execute()
			.path("watchEntity").entity(Map.class).get();
		String watchId = (String) ((Map<?, ?>) made.get("watch")).get("id");
		assertThat((Integer) made.get("existingCount")).as("what the watch starts from: the seed's links of Sinnet").isPositive();
		String file = """
				{"kind":"node","label":"Source","id":"src:watch-partner","properties":{"title":"Partnership notice (test)","kind":"analyst-note"}}
				{"kind":"node","label":"Company","id":"company:watch-partner-%1$s","properties":{"name":"Northgate Cloud Ltd.","aliases":[],"country":"CN"},"sources":[{"id":"src:watch-partner","quote":"Northgate"}]}
				{"kind":"relationship","type":"PARTNER_OF","from":"company:beijing-sinnet","to":"company:watch-partner-%1$s","properties":{"since":"2026"},"sources":[{"id":"src:watch-partner","quote":"Sinnet partners with Northgate"}]}
				""".formatted(RUN);
		importFile(file);
		Map<String, Object> alert = awaitAlerts("editor", watchId, "link", 1).getFirst();
		assertThat(alert).containsEntry("subjectId", "company:watch-partner-" + RUN).containsEntry("path", List.of("company:beijing-sinnet", "company:watch-partner-" + RUN));
		assertThat(alert.get("title").toString()).contains("PARTNER_OF", "1 hop");
		assertThat(alert.get("sources").toString()).contains("Sinnet partners with Northgate");
		importFile(file);
		awaitJournalEmpty();
		assertThat(alerts("editor", watchId, "link")).hasSize(1);
	}

	@Test
	void aRestrictedRegistrationNeverReachesAnAnalystsAlerts() {
		LocalDate filed = LocalDate.of(2026, 10, 1);
		importFile(registration("CTMO:82" + NUMBER, "VELMOR" + RUN, "[25]", filed, "applied"));
		as("editor").document("mutation { restrictEntity(id: \"CTMO:82" + NUMBER + "\", version: 0, restricted: true, reason: \"source protection\") { version } }")
			.execute().path("restrictEntity.version").entity(Integer.class).isEqualTo(1);
		String mine = watchId(as("analyst").document("mutation { watchMark(text: \"VELMOR" + RUN + "\", classes: [25], territories: [\"CN\"]) { watch { id } existingCount } }")
			.execute().path("watchMark.existingCount").entity(Integer.class).isEqualTo(0).path("watchMark").entity(Map.class).get());
		String editors = watchId(as("editor").document("mutation { watchMark(text: \"VELMOR" + RUN + "\", classes: [25], territories: [\"CN\"]) { watch { id } existingCount } }")
			.execute().path("watchMark.existingCount").entity(Integer.class).isEqualTo(1).path("watchMark").entity(Map.class).get());
		// the restricted registration changes: the editor's watch alerts, the analyst's does not
		importFile(registration("CTMO:82" + NUMBER, "VELMOR" + RUN, "[25]", filed, "opposed"));
		assertThat(awaitAlerts("editor", editors, "conflict", 1).getFirst()).containsEntry("subjectId", "CTMO:82" + NUMBER);
		awaitJournalEmpty();
		assertThat(alerts("analyst", mine, null)).isEmpty();
		assertThat(this.store.readEverything("MATCH (a:Alert {watchId: $w}) RETURN a", Map.of("w", mine))).isEmpty();
		// nor through the editor's shared watch: the analyst sees the watch, not the alert on what they may not see
		assertThat(as("analyst").document("{ watch(id: \"" + editors + "\") { id shared } }").execute().path("watch.shared").entity(Boolean.class)
			.get()).isTrue();
		assertThat(alerts("analyst", editors, null)).isEmpty();
		assertThat(as("analyst").document("{ alertCounts(watchId: \"" + editors + "\") { count } }").execute().path("alertCounts")
			.entityList(Map.class).get()).isEmpty();
		// the alerts inbox page: the editor's shows the alert, the analyst's the watch without it
		assertThat(page("editor", "/alerts?watch=" + editors)).contains("CTMO:82" + NUMBER);
		assertThat(page("analyst", "/alerts?watch=" + editors)).contains("/alerts?watch=" + java.net.URLEncoder.encode(editors, StandardCharsets.UTF_8)).doesNotContain("CTMO:82" + NUMBER);
		// the restriction lifted again: the store the rest of the suite shares holds no restricted entity of this test's
		long version = as("editor").document("{ entityVersion(id: \"CTMO:82" + NUMBER + "\") }").execute().path("entityVersion").entity(Long.class).get();
		as("editor").document("mutation { restrictEntity(id: \"CTMO:82" + NUMBER + "\", version: " + version
				+ ", restricted: false, reason: \"test over\") { version } }").execute().path("restrictEntity.version").entity(Long.class)
			.isEqualTo(version + 1);
	}

	@Test
	void aSquattingWatchAlertsOnACopyOfTheFirmsMarkAndAMarkWatchOnAnEdit() {
		String firm = """
				{"kind":"node","label":"Source","id":"src:watch-firm","properties":{"title":"Firm profile (test)","kind":"analyst-note"}}
				{"kind":"node","label":"Company","id":"company:watch-firm-%1$s","properties":{"name":"Brightvolt %1$s Ltd.","aliases":[],"country":"GB"},"sources":[{"id":"src:watch-firm","quote":"Brightvolt"}]}
				{"kind":"node","label":"Mark","id":"mark:watch-%1$s","properties":{"text":"BRIGHTVOLT%1$s","aliases":[]},"sources":[{"id":"src:watch-firm","quote":"the mark"}]}
				{"kind":"relationship","type":"USES_MARK","from":"company:watch-firm-%1$s","to":"mark:watch-%1$s","properties":{"jurisdiction":"GB","since":"2019"},"sources":[{"id":"src:watch-firm","quote":"uses the mark"}]}
				""".formatted(RUN);
		importFile(firm);
		Map<String, Object> made = as("analyst").document("mutation { watchSquatting(firmId: \"company:watch-firm-" + RUN
				+ "\", territories: [\"CN\"]) { watch { id kind } existingCount } }").execute().path("watchSquatting").entity(Map.class).get();
		assertThat(made.get("existingCount")).isEqualTo(0);
		String squatting = watchId(made);
		importFile("""
				{"kind":"node","label":"Source","id":"src:watch-test","properties":{"title":"Registry extract (watch test)","kind":"registry-record"}}
				{"kind":"node","label":"Company","id":"company:watch-copier-%1$s","properties":{"name":"Shenzhen Copier %1$s Co.","aliases":[],"country":"CN"},"sources":[{"id":"src:watch-test","quote":"applicant"}]}
				{"kind":"node","label":"Registration","id":"CTMO:83%2$s","properties":{"office":"CTMO","number":"83%2$s","jurisdiction":"CN","markText":"BRIGHTVOLT%1$s","classes":[9],"filedOn":"2026-05-04","status":"applied"},"sources":[{"id":"src:watch-test","quote":"registry row 83%2$s"}]}
				{"kind":"relationship","type":"OWNS","from":"company:watch-copier-%1$s","to":"CTMO:83%2$s","sources":[{"id":"src:watch-test","quote":"applicant of 83%2$s"}]}
				""".formatted(RUN, NUMBER));
		Map<String, Object> hit = awaitAlerts("analyst", squatting, "squatting", 1).getFirst();
		assertThat(hit).containsEntry("subjectId", "CTMO:83" + NUMBER);
		assertThat(hit.get("title").toString()).contains("squatting pattern", "company:watch-firm-" + RUN);

		// an edit is a change like an import: a registration edited into a conflicting text alerts, naming the edit
		String watch = watchId(as("editor").document("mutation { watchMark(text: \"ORVANTIQ" + RUN + "\", territories: [\"CN\"]) { watch { id } } }")
			.execute().path("watchMark").entity(Map.class).get());
		long version = as("editor").document("{ entityVersion(id: \"CTMO:83" + NUMBER + "\") }").execute().path("entityVersion").entity(Long.class).get();
		as("editor").document("mutation { updateEntity(id: \"CTMO:83" + NUMBER + "\", version: " + version + ", set: [{name: \"markText\", text: \"ORVANTIQ"
				+ RUN + "\"}], sources: [{sourceId: \"src:watch-test\", quote: \"corrected text\"}], reason: \"the register's text\") { version } }")
			.execute().path("updateEntity.version").entity(Long.class).isEqualTo(version + 1);
		Map<String, Object> edited = awaitAlerts("editor", watch, "conflict", 1).getFirst();
		assertThat(kinds(edited).getFirst()).isEqualTo("identical-text");
		assertThat(((Map<?, ?>) edited.get("change")).get("action")).isEqualTo("update");
	}

	@Test
	void theReadmeExampleAnswersAsTheReadmeSays() throws IOException {
		List<String[]> blocks = readmeBlocks("## Watch a mark and receive alerts");
		// the example's registration is fixed text: a store kept from an earlier run of the suite loses it first
		this.store.write("MATCH (n) WHERE n.id IN ['CTMO:99000017', 'src:example-gazette'] DETACH DELETE n", Map.of());
		String watch = block(blocks, "graphql", 0);
		Map<String, Object> made = as("editor").document(watch).execute().path("watchMark").entity(Map.class).get();
		Object said = JSON.readValue(block(blocks, "json", 0), Object.class);
		assertThat(subset(said, Map.of("data", Map.of("watchMark", made)))).as("the README's answer to the watch, against: %s", JSON.writeValueAsString(made))
			.isTrue();
		importFile(block(blocks, "jsonl", 0));
		String query = block(blocks, "graphql", 1).replace("WATCH_ID", watchId(made));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !as("editor").document(query).execute().path("alerts").entityList(Map.class).get().isEmpty());
		List<?> alerts = as("editor").document(query).execute().path("alerts").entityList(Map.class).get();
		Object answer = JSON.readValue(block(blocks, "json", 1), Object.class);
		assertThat(subset(answer, Map.of("data", Map.of("alerts", alerts)))).as("the README's alerts, against: %s", JSON.writeValueAsString(alerts))
			.isTrue();
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** The fenced blocks of a README section: language and text. */
	private static List<String[]> readmeBlocks(String heading) throws IOException {
		String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
		String section = readme.substring(readme.indexOf(heading));
		section = section.substring(0, section.indexOf("\n## ", heading.length()));
		List<String[]> blocks = new java.util.ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("```(\\w*)\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(section);
		while (m.find()) {
			blocks.add(new String[] { m.group(1), m.group(2) });
		}
		return blocks;
	}

	private static String block(List<String[]> blocks, String language, int index) {
		List<String[]> of = blocks.stream().filter(b -> b[0].equals(language)).toList();
		assertThat(of).as("README blocks of %s", language).hasSizeGreaterThan(index);
		return of.get(index)[1];
	}

	/** Whether everything the README shows is in the answer: maps by key, lists item by item, a text ending in ... by its start. */
	private static boolean subset(Object shown, Object actual) {
		if (shown instanceof Map<?, ?> s) {
			return actual instanceof Map<?, ?> a && s.entrySet().stream().allMatch(e -> a.containsKey(e.getKey()) && subset(e.getValue(), a.get(e.getKey())));
		}
		if (shown instanceof List<?> s) {
			if (!(actual instanceof List<?> a) || a.size() < s.size()) {
				return false;
			}
			for (int i = 0; i < s.size(); i++) {
				if (!subset(s.get(i), a.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (shown instanceof String text && text.endsWith("...")) {
			// abridged: what the README shows is how the answer begins
			return actual != null && String.valueOf(actual).startsWith(text.substring(0, text.length() - 3));
		}
		return shown == null ? actual == null : actual != null && String.valueOf(shown).equals(String.valueOf(actual));
	}

	private String page(String user, String path) {
		return GraphQlClient.http(this.port, user).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
	}

	private static String watchId(Map<?, ?> made) {
		return (String) ((Map<?, ?>) made.get("watch")).get("id");
	}

	private static String registration(String id, String text, String classes, LocalDate published, String status) {
		String number = id.substring(id.indexOf(':') + 1);
		return """
				{"kind":"node","label":"Source","id":"src:watch-test","properties":{"title":"Registry extract (watch test)","kind":"registry-record"}}
				{"kind":"node","label":"Registration","id":"%s","properties":{"office":"CTMO","number":"%s","jurisdiction":"CN","markText":"%s","classes":%s,"filedOn":"%s","publishedOn":"%s","status":"%s"},"sources":[{"id":"src:watch-test","quote":"registry row %s"}]}
				""".formatted(id, number, text, classes, published.minusMonths(9), published, status, number);
	}

	private void importFile(String file) {
		GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=watch.jsonl").contentType(NDJSON).bodyValue(file).exchange()
			.expectStatus().isOk();
	}

	private GraphQlTester as(String user) {
		return GraphQlClient.tester(this.port, user);
	}

	private List<Map<String, Object>> awaitAlerts(String user, String watchId, String kind, int count) {
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> alerts(user, watchId, kind).size() >= count);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// what the store holds, to tell a slow evaluator from a missing alert
			throw new AssertionError("no " + count + " " + kind + " alert(s) of " + watchId + " for " + user + "; pending changes: "
					+ this.store.readEverything("MATCH (c:Change:Pending) RETURN count(c) AS n", Map.of()).getFirst().get("n") + "; set aside: "
					+ this.store.readEverything("MATCH (c:Change) WHERE c.journalError IS NOT NULL RETURN collect(c.journalError) AS e", Map.of()).getFirst().get("e")
					+ "; its alerts in the store: " + this.store.readEverything("MATCH (a:Alert {watchId: $w}) RETURN collect(a.kind + ' ' + a.title) AS a",
							Map.of("w", watchId)).getFirst().get("a"), ex);
		}
		List<Map<String, Object>> alerts = alerts(user, watchId, kind);
		assertThat(alerts).hasSize(count);
		return alerts;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> alerts(String user, String watchId, String kind) {
		return as(user).document("""
				query($watch: ID, $kind: String) { alerts(watchId: $watch, kind: $kind) {
				  id kind state subjectId title score path ruleId closes daysLeft reasons { kind weight detail }
				  change { id action } subject { id ... on Registration { markText } } sources { source { id } quote } } }""")
			.variable("watch", watchId).variable("kind", kind).execute().path("alerts").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> kinds(Map<String, Object> alert) {
		return ((List<Map<String, Object>>) alert.get("reasons")).stream().map(r -> r.get("kind")).toList();
	}

	private void awaitJournalEmpty() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.readEverything("MATCH (c:Change:Pending) RETURN count(c) AS n", Map.of()).getFirst().get("n").asLong() == 0);
	}

	private static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
