package io.ipgraph.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import io.ipgraph.IpgraphTest;
import io.ipgraph.Processes;
import io.ipgraph.analysis.Timeline;
import io.ipgraph.cli.ReportCommand;
import io.ipgraph.imports.CommandLine;
import io.ipgraph.store.GraphStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Investigative reports on the seed's AWS case: what the HTML says and cites, the picture of the network
 * against the subgraph that Cypher finds, the PDF (its text, and its pages as PNG under {@code target/report/}
 * to look at), the HTTP download, the GraphQL field, the command, and the page in headless Chromium.
 */
@IpgraphTest
class ReportTest {

	static final String CASE = "lawsuit:actionsoft-v-amazon-aws";

	static final Path OUT = Path.of("target/report");

	@Autowired
	Reports reports;

	@Autowired
	GraphStore store;

	@Autowired
	Timeline timeline;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** The entities within two relationships of the case, as the report defines them (jurisdictions and offices end a path). */
	private Map<String, String> expectedEntities(String id, int hops) {
		Map<String, String> names = new java.util.TreeMap<>();
		for (var r : this.store.read("""
				MATCH p = (s {id: $id})-[rs*0..%d]-(n)
				WHERE NOT s:Assertion AND none(r IN rs WHERE type(r) IN ['ABOUT', 'CONCERNS'])
				  AND none(x IN nodes(p)[1..-1] WHERE x:Jurisdiction OR x:Office)
				  AND NOT n:Assertion AND NOT n:Source AND NOT n:Judgement
				RETURN DISTINCT n.id AS id, coalesce(n.name, n.title, n.text) AS name""".formatted(hops), Map.of("id", id))) {
			names.put(r.get("id").asString(), r.get("name").asString(null));
		}
		return names;
	}

	@Test
	void htmlNamesThePartiesAndTimelineCitesEveryRowAndDrawsEveryEntity() throws Exception {
		Report report = this.reports.build(CASE, 2);
		String html = this.reports.html(report);
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve("aws-case.html"), html);
		Files.write(OUT.resolve("aws-case.md"), this.reports.write(report, ReportFormat.MD).content());

		assertThat(report.title()).isEqualTo("Beijing ActionSoft v. Amazon and Beijing Sinnet (AWS trademark)");
		List<String> parties = this.store.read("MATCH (p)-[:PARTY_TO]->(:Lawsuit {id: $id}) RETURN p.name AS name", Map.of("id", CASE))
			.stream()
			.map(r -> r.get("name").asString())
			.toList();
		assertThat(parties).hasSize(4);
		parties.forEach(p -> assertThat(html).contains(Html.escape(p)));
		assertThat(html).contains("Plaintiff: Beijing ActionSoft Science &amp; Technology Development Co.");

		// the case's own timeline is part of the report's
		List<Timeline.TimelineEvent> events = this.timeline.of(CASE, 2, null, false);
		assertThat(events).isNotEmpty();
		String timelineSection = section(html, "timeline");
		events.forEach(e -> assertThat(timelineSection).contains(Html.escape(e.title())));
		assertThat(timelineSection).contains("2008-02-07").contains("2018-07");

		// every footnote number links to an entry of the sources list, numbered 1..n in order of first citation
		Set<Integer> cited = new TreeSet<>();
		Matcher link = Pattern.compile("href=\"#fn-(\\d+)\"").matcher(html);
		List<Integer> firstSeen = new ArrayList<>();
		while (link.find()) {
			int n = Integer.parseInt(link.group(1));
			if (cited.add(n)) {
				firstSeen.add(n);
			}
		}
		assertThat(cited).hasSize(report.footnotes().size());
		for (int n : cited) {
			assertThat(html).contains("<li id=\"fn-" + n + "\"");
		}
		assertThat(firstSeen).isSorted();
		assertThat(cited).contains(1, report.footnotes().size());
		assertThat(section(html, "sources")).contains("Chinese Court Rules That Amazon Violated Copyright")
			.contains("the award was RMB 76,463,000 in losses plus RMB 260,000 in costs");

		// every row of every table has a footnote
		Matcher body = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
		int rows = 0;
		while (body.find()) {
			for (String row : body.group(1).split("</tr>")) {
				if (row.contains("<tr>")) {
					rows++;
					assertThat(row).as("a table row without a footnote").contains("class=\"fn\"");
				}
			}
		}
		assertThat(rows).isGreaterThan(20);
		assertThat(section(html, "registrations")).contains("4249189").contains("42").contains("2004").contains("2008-02-07").contains("registered");
		// the clocks of No. 4249189 by CNIPA's rules, each with its article; the opposition window has no publication date to count from
		assertThat(section(html, "clocks")).contains("Renewal window (Trademark Law of the PRC (2019) art. 40)").contains("2018-02-06")
			.contains("between 2004-07-01 and 2005-06-30").contains("cannot be computed: the registration has no publishedOn in the graph");
		assertThat(section(html, "lawsuits")).contains("(2018) Jing Min Chu No. 127").contains("Beijing High People&#39;s Court")
			.contains("CNY 76,463,000").contains("CNY 260,000").contains("Supreme People&#39;s Court");
		assertThat(section(html, "conflicts")).contains("CTMO 4249189").contains("identical-text");
		assertThat(section(html, "contradictions")).contains("76.5 million yuan").contains("76.46 million yuan").contains("the Supreme Court")
			.contains("Beijing Yanhuang Yingxing Technology Development Co.");

		// the picture has a node for each entity of the subgraph, and a legend for each type
		Map<String, String> expected = expectedEntities(CASE, 2);
		assertThat(expected).containsKeys("company:actionsoft", "company:amazon", "company:beijing-sinnet", "CTMO:4249189",
				"court:beijing-high-peoples-court", "appeal:amazon-aws");
		Set<String> drawn = new LinkedHashSet<>();
		Matcher node = Pattern.compile("<g class=\"node\" data-id=\"([^\"]+)\" data-kind=\"([^\"]+)\"").matcher(report.network().svg());
		Set<String> kinds = new TreeSet<>();
		while (node.find()) {
			drawn.add(node.group(1).replace("&amp;", "&"));
			kinds.add(node.group(2));
		}
		assertThat(drawn).containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (String kind : kinds) {
			assertThat(section(report.network().svg(), "legend")).contains(">" + kind + "</text>");
		}
		assertThat(report.network().svg()).contains("data-type=\"PARTY_TO\"").contains(">HEARD_BY</text>");
		// the layout is deterministic: the same graph, the same picture
		assertThat(this.reports.build(CASE, 2).network().svg()).isEqualTo(report.network().svg());
	}

	@Test
	void pdfIsAValidDocumentWhoseTextNamesTheCase() throws Exception {
		Report report = this.reports.build(CASE, 2);
		byte[] pdf = this.reports.pdf(report);
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Files.createDirectories(OUT);
		Files.write(OUT.resolve("aws-case.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Beijing ActionSoft v. Amazon and Beijing Sinnet (AWS trademark)")
				.contains("(2018) Jing Min Chu No. 127")
				.contains("Sources");
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 100);
				ImageIO.write(image, "png", OUT.resolve("aws-case-page-" + (page + 1) + ".png").toFile());
			}
		}
	}

	@Test
	void anEarlierRegistrationWithoutARecordedHolderIsSaidToHaveNone() {
		String ids = "['src:test-holderless', 'company:test-holderless-firm', 'CTMO:99000333', 'CTMO:99000334']";
		this.store.write("MATCH (n) WHERE n.id IN " + ids + " DETACH DELETE n", Map.of());
		try {
			String file = """
					{"kind":"node","label":"Source","id":"src:test-holderless","properties":{"title":"Register extract (report test)","kind":"registry-record"}}
					{"kind":"node","label":"Company","id":"company:test-holderless-firm","properties":{"name":"Quorvane Ltd","country":"GB"},"sources":[{"id":"src:test-holderless","quote":"row 1"}]}
					{"kind":"node","label":"Registration","id":"CTMO:99000333","properties":{"office":"CTMO","number":"99000333","jurisdiction":"CN","markText":"QUORVANE","classes":[9],"filedOn":"2005"},"sources":[{"id":"src:test-holderless","quote":"row 2"}]}
					{"kind":"node","label":"Registration","id":"CTMO:99000334","properties":{"office":"CTMO","number":"99000334","jurisdiction":"CN","markText":"QUORVANE","classes":[9],"filedOn":"2010"},"sources":[{"id":"src:test-holderless","quote":"row 3"}]}
					{"kind":"relationship","type":"OWNS","from":"company:test-holderless-firm","to":"CTMO:99000334","sources":[{"id":"src:test-holderless","quote":"row 3"}]}
					""";
			io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=holderless.jsonl")
				.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(file).exchange()
				.expectStatus().isOk();
			String html = this.reports.html(this.reports.build("CTMO:99000334", 1));
			assertThat(section(html, "conflicts")).contains("QUORVANE").contains("not recorded");
			assertThat(html).contains("its holder not recorded").doesNotContain("held by  (");
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN " + ids + " DETACH DELETE n", Map.of());
		}
	}

	@Test
	void aReportThatHoldsNoContradictionSaysHowFarTheSourcesAgreeAndWhereTheyDoNot() {
		// the Yiwu authorities and their seizure hold no disputed fact; Amazon, which assisted the seizure, does
		String near = section(this.reports.html(this.reports.build("authority:yiwu-authorities", 1)), "contradictions");
		java.util.regex.Matcher said = java.util.regex.Pattern
			.compile("The sources agree on everything within 1 relationship of this entity; they disagree on (\\d+) facts? (\\d) relationships away \\(a report with hops=\\2 shows")
			.matcher(near);
		assertThat(said.find()).as(near).isTrue();
		// and a report that far shows as many disputed facts as it said, at least
		String far = section(this.reports.html(this.reports.build("authority:yiwu-authorities", Integer.parseInt(said.group(2)))), "contradictions");
		assertThat(far).doesNotContain("The sources agree");
		assertThat(far.split("<tr").length - 2).as(far).isGreaterThanOrEqualTo(Integer.parseInt(said.group(1)));
	}

	@Test
	void chineseNamesAreDrawnInThePdfWithTheCjkFont() throws Exception {
		io.ipgraph.Processes.assumeInstalled(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), "fonts-droid-fallback");
		try (PDDocument document = Loader.loadPDF(this.reports.pdf(this.reports.build(CASE, 2)))) {
			// drawn (and extractable) in the font, not replaced by #
			assertThat(new PDFTextStripper().getText(document)).contains("北京炎黄盈动科技发展有限责任公司").contains("光环新网");
		}
	}

	@Test
	void httpDownloadAnswersEachFormatWithItsTypeAndUnknownIdsOrBadArguments404And400() throws Exception {
		HttpResponse<byte[]> html = get("/api/reports/" + CASE + "?hops=2&format=html");
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html").contains("UTF-8"));
		assertThat(html.headers().firstValue("content-disposition")).hasValueSatisfying(
				v -> assertThat(v).startsWith("inline").contains("report-lawsuit-actionsoft-v-amazon-aws.html"));
		assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("<svg").contains("id=\"fn-1\"");

		HttpResponse<byte[]> pdf = get("/api/reports/" + CASE + "?format=pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("content-disposition")).hasValueSatisfying(
				v -> assertThat(v).isEqualTo("attachment; filename=\"report-lawsuit-actionsoft-v-amazon-aws.pdf\""));
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		HttpResponse<byte[]> md = get("/api/reports/CTMO:4249189?hops=1&format=md");
		assertThat(md.statusCode()).isEqualTo(200);
		assertThat(md.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/markdown"));
		assertThat(md.headers().firstValue("content-disposition")).hasValueSatisfying(
				v -> assertThat(v).startsWith("attachment").contains("report-ctmo-4249189.md"));
		String markdown = new String(md.body(), StandardCharsets.UTF_8);
		assertThat(markdown).startsWith("# CTMO 4249189").contains("](data:image/svg+xml;base64,").contains("[^1]: ").contains("| 4249189 |");

		HttpResponse<byte[]> unknown = get("/api/reports/company:nobody");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("No entity with id 'company:nobody'");
		for (String query : List.of("hops=0", "hops=5", "hops=two", "format=docx")) {
			HttpResponse<byte[]> bad = get("/api/reports/" + CASE + "?" + query);
			assertThat(bad.statusCode()).as(query).isEqualTo(400);
			assertThat(new String(bad.body(), StandardCharsets.UTF_8)).as(query).containsAnyOf("hops must be", "format must be");
		}
	}

	@Test
	void graphqlAnswersTheReportAsTextOrBase64WithADownloadUrl() throws Exception {
		JsonNode pdf = graphql("{ report(id: \"" + CASE + "\", format: PDF) { id title format mediaType encoding fileName content downloadUrl entities footnoteCount } }");
		JsonNode report = pdf.get("data").get("report");
		assertThat(report.get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(report.get("encoding").asString()).isEqualTo("BASE64");
		assertThat(new String(Base64.getDecoder().decode(report.get("content").asString()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(report.get("downloadUrl").asString()).isEqualTo("/api/reports/lawsuit:actionsoft-v-amazon-aws?hops=2&format=pdf");
		assertThat(report.get("footnoteCount").asInt()).isGreaterThan(10);
		assertThat(get(report.get("downloadUrl").asString()).statusCode()).isEqualTo(200);

		JsonNode html = graphql("{ report(id: \"company:amazon\", hops: 1) { format encoding content entities } }").get("data").get("report");
		assertThat(html.get("encoding").asString()).isEqualTo("TEXT");
		assertThat(html.get("content").asString()).startsWith("<!DOCTYPE html>").contains("Amazon.com, Inc.");
		assertThat(html.get("entities").toString()).contains("Beijing Sinnet Technology Co.").contains("Ningxia Western Cloud Data");

		JsonNode unknown = graphql("{ report(id: \"company:nobody\") { id } }");
		assertThat(unknown.get("errors").get(0).get("message").asString()).contains("No entity with id 'company:nobody'");
		JsonNode badHops = graphql("{ report(id: \"" + CASE + "\", hops: 7) { id } }");
		assertThat(badHops.get("errors").get(0).get("message").asString()).contains("hops must be between 1 and 4");
	}

	@Test
	void commandWritesTheReportInEachFormat(@TempDir Path dir) throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ReportCommand command = new ReportCommand(this.reports, new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(command.run(List.of("--out", dir.resolve("case.html").toString(), CASE))).as(err.toString()).isZero();
		assertThat(Files.readString(dir.resolve("case.html"))).contains("<svg").contains("(2018) Jing Min Chu No. 127");
		assertThat(command.run(List.of("--hops", "1", "--format", "pdf", "--out", dir.resolve("case.bin").toString(), CASE))).isZero();
		assertThat(new String(Files.readAllBytes(dir.resolve("case.bin")), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(command.run(List.of("--out", dir.resolve("amazon.md").toString(), "--hops", "3", "company:amazon"))).isZero();
		assertThat(Files.readString(dir.resolve("amazon.md"))).contains("![Network of the entities in this report](amazon.svg)");
		assertThat(Files.readString(dir.resolve("amazon.svg"))).startsWith("<svg").contains("data-id=\"company:amazon\"");
		assertThat(err.toString()).contains("wrote the report on company:amazon to " + dir.resolve("amazon.md"));

		assertThat(command.run(List.of("--out", dir.resolve("x.html").toString(), "company:nobody"))).isEqualTo(1);
		assertThat(err.toString()).contains("No entity with id 'company:nobody'");
		assertThat(command.run(List.of("--hops", "9", "--out", dir.resolve("x.html").toString(), CASE))).isEqualTo(2);
		assertThat(command.run(List.of(CASE))).isEqualTo(2);
		assertThat(err.toString()).contains(ReportCommand.USAGE);
		assertThat(dir.resolve("x.html")).doesNotExist();
	}

	@Test
	void theCommandLineWritesAReportWithItsOwnDatabase(@TempDir Path dir) throws Exception {
		// as a user runs it: a JVM of its own, dispatched by IpgraphApplication.main, no web server
		CommandLine.Run run = CommandLine.run(dir.resolve("neo4j"), -1, "report", "--format", "md", "--out", dir.resolve("aws.md").toString(), CASE);
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("wrote the report on " + CASE + " to " + dir.resolve("aws.md")).containsPattern("\\d+ entities drawn, \\d+ footnotes");
		assertThat(Files.readString(dir.resolve("aws.md"))).contains("(2018) Jing Min Chu No. 127").contains("](aws.svg)");
		assertThat(Files.readString(dir.resolve("aws.svg"))).contains("data-id=\"" + CASE + "\"");
	}

	@Test
	void chromiumShowsANodeForEachEntityAndEveryFootnoteLeadsToItsSource() throws Exception {
		Path dir = Processes.browserScripts();
		Files.createDirectories(OUT);
		Path screenshot = OUT.resolve("aws-case-network.png").toAbsolutePath();
		String out = Processes.run(List.of("node", "report-check.mjs",
				"http://localhost:" + this.port + "/api/reports/" + URLEncoder.encode(CASE, StandardCharsets.UTF_8) + "?hops=2",
				screenshot.toString()), dir, 240);
		JsonNode result = JsonMapper.builder().build().readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
		assertThat(result.get("status").asInt()).isEqualTo(200);
		List<String> labels = new ArrayList<>();
		result.get("labels").forEach(l -> labels.add(l.asString()));
		List<String> ids = new ArrayList<>();
		result.get("ids").forEach(l -> ids.add(l.asString()));
		Map<String, String> expected = expectedEntities(CASE, 2);
		assertThat(ids).containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(labels).containsAll(expected.values().stream().filter(java.util.Objects::nonNull).toList());
		assertThat(result.get("picture").get("contentFits").asBoolean()).as(out).isTrue();
		assertThat(result.get("footnoteLinks").asInt()).isGreaterThan(20);
		assertThat(result.get("brokenFootnoteLinks")).isEmpty();
		assertThat(screenshot).exists();
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", io.ipgraph.GraphQlClient.basic("analyst")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private JsonNode graphql(String query) throws Exception {
		String body = JsonMapper.builder().build().writeValueAsString(Map.of("query", query));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", io.ipgraph.GraphQlClient.basic("analyst"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	/** The part of a page from the element with this id (or class) to the next heading. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		if (start < 0) {
			start = html.indexOf("class=\"" + id + "\"");
		}
		assertThat(start).as("section " + id).isNotNegative();
		int end = html.indexOf("<h2", start + 1);
		return end < 0 ? html.substring(start) : html.substring(start, end);
	}

}
