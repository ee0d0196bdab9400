package io.ipgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipgraph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real clients against the running application: cypher-shell (from Maven Central, in its own JVM) reads the
 * seed over Bolt as an editor and is refused without an ipgraph user; a page of another origin in headless Chromium
 * cannot open Bolt over WebSocket with any credentials; Neo4j Browser, served at {@code /browser/}, connects from
 * headless Chromium as a signed-in editor, at localhost and at 127.0.0.1, plays ipgraph's guide and draws a saved
 * query's result in ipgraph's style, with no request leaving the machine; GraphiQL opens with the example documents.
 */
@IpgraphTest
class ExternalClientsTest {

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	Driver driver;

	@LocalServerPort
	int port;

	@Test
	void cypherShellSignsInWithAnIpgraphUserAndIsRefusedWithoutOne() throws Exception {
		String query = "MATCH (c:Company)-[r:PARTY_TO]->(l:Lawsuit {caseNumber: '(2018) Jing Min Chu No. 127'}) "
				+ "RETURN c.name AS party, r.role AS role ORDER BY role, party";
		String out = run(cypherShell("editor", "editor-test-pw", query), Path.of("."), 120);
		assertThat(out).contains("party, role").contains("plaintiff").contains("ActionSoft").contains("Beijing Sinnet");
		for (List<String> refused : List.of(cypherShell("neo4j", "neo4j", "MATCH (n) RETURN count(n)"),
				cypherShell("neo4j", "password", "MATCH (n) RETURN count(n)"),
				cypherShell("analyst", "analyst-test-pw", "MATCH (n) RETURN count(n)"))) {
			Processes.Finished attempt = Processes.finish(refused, Path.of("."), 120);
			assertThat(attempt.exitCode()).as("cypher-shell %s", refused.subList(refused.size() - 7, refused.size() - 4)).isNotZero();
			assertThat(attempt.output()).contains("ipgraph refused the sign-in").doesNotContain("count(n)\n");
		}
		Processes.Finished write = Processes.finish(cypherShell("editor", "editor-test-pw", "CREATE (:ShellProbe)"), Path.of("."), 120);
		assertThat(write.exitCode()).as("an editor's write").isNotZero();
		assertThat(write.output()).contains("not allowed");
	}

	private List<String> cypherShell(String user, String password, String query) throws Exception {
		Path classpathFile = Path.of("target/cypher-shell.classpath").toAbsolutePath();
		if (!Files.exists(classpathFile)) {
			run(List.of(Processes.mavenWrapper(), "-q", "-f", "src/test/cypher-shell/pom.xml", "dependency:build-classpath",
					"-Dmdep.outputFile=" + classpathFile), Path.of("."), 600);
		}
		String classpath = Files.readString(classpathFile).strip();
		return List.of(Processes.javaExecutable(), "-cp", classpath, "org.neo4j.shell.Main", "-a", this.neo4j.boltUri(), "-u", user, "-p", password,
				"--format", "plain", "--non-interactive", query);
	}

	@Test
	void aPageOfAnotherOriginCannotOpenBoltOverWebSocketWhateverTheCredentials() throws Exception {
		Path dir = Processes.browserScripts();
		String out = run(List.of("node", "bolt-from-another-origin.mjs", this.neo4j.boltUri(), "analyst:analyst-test-pw",
				"editor:editor-test-pw", "admin:admin-test-pw"), dir, 180);
		Matcher attempts = Pattern.compile("\\{\"who\":\"([^\"]+)\",\"read\":\"([^\"]*)\",\"write\":\"([^\"]*)\"}").matcher(out);
		List<String> tried = new java.util.ArrayList<>();
		while (attempts.find()) {
			tried.add(attempts.group(1));
			assertThat(attempts.group(2)).as("read by %s", attempts.group(1)).startsWith("refused");
			assertThat(attempts.group(3)).as("write by %s", attempts.group(1)).startsWith("refused");
		}
		assertThat(tried).containsExactly("none", "neo4j/neo4j", "neo4j/password", "analyst", "editor", "admin");
		assertThat(this.driver.executableQuery("MATCH (p:CrossOriginProbe) RETURN count(p) AS n").execute().records().get(0).get("n").asLong())
			.isZero();
	}

	@Test
	void neo4jBrowserConnectsPlaysTheGuideAndDrawsASavedQueryInTheIpgraphStyle() throws Exception {
		Path dir = Processes.browserScripts();
		Path screenshot = Path.of("target/browser/neo4j-browser.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		Path savedQuery = Path.of("cypher/browser/queries/02-trace-a-foreign-firm.cypher").toAbsolutePath();
		// an editor (read only), signed in to ipgraph, who types the same password in the Browser's form; opened at
		// localhost, then at 127.0.0.1
		String out = run(List.of("node", "browser-check.mjs", "http://localhost:" + this.port + "/browser/", "@" + savedQuery,
				screenshot.toString(), "ipgraph: investigating IP disputes"),
				dir, 300, Map.of("BROWSER_USER", "editor", "BROWSER_PASSWORD", "editor-test-pw",
						"ALSO_AT", "http://127.0.0.1:" + this.port + "/browser/"));
		assertThat(out).contains("\"connected\":true").contains("\"guide\":true").contains("\"guideQueryRan\":true");
		assertThat(out).as("the Browser's form has the signed-in user's name").contains("\"prefilledUser\":\"editor\"");
		assertThat(out).as("no request of the Browser leaves the machine").contains("\"outside\":0,").contains("\"outsideUrls\":[]");
		assertThat(out).as("opened at 127.0.0.1: connected, the guide played and the style applied")
			.containsPattern("\"alsoAt\":\\{\"url\":\"http://127.0.0.1:\\d+/browser/\",\"connected\":true,\"styled\":\\[\\{\"caption\":\"Amazon[^\"]*\",\"fill\":\""
					+ colour(Files.readString(Path.of("cypher/browser/ipgraph.grass")), "Company") + "\"");
		Matcher nodes = Pattern.compile("\"nodes\":(\\d+)").matcher(out);
		assertThat(nodes.find()).isTrue();
		assertThat(Integer.parseInt(nodes.group(1))).as("nodes drawn of the trace of Amazon in China").isGreaterThanOrEqualTo(6);
		assertThat(out).contains("Sinnet").contains("Ningxia");
		String grass = Files.readString(Path.of("cypher/browser/ipgraph.grass"));
		assertThat(out).as("the Company and Mark nodes are drawn in the GraSS colours")
			.containsPattern("(?i)\\{\"caption\":\"[^\"]*Sinnet[^\"]*\",\"fill\":\"" + colour(grass, "Company") + "\"}")
			.containsPattern("(?i)\\{\"caption\":\"AWS\",\"fill\":\"" + colour(grass, "Mark") + "\"}");
		assertThat(out).as("PARTNER_OF is captioned with its region").containsPattern("\"relationshipCaptions\":\\[[^\\]]*\"Beijing\"");
		assertThat(screenshot).exists();
		assertThat(out).as("the saved queries imported as favorites, by their titles")
			.containsPattern("\"favorites\":\\[[^\\]]*Trace a foreign firm in a jurisdiction");

	}

	@Test
	void graphiqlTheFrontPageAndAReportWorkWithEveryRequestBeyondTheMachineBlocked() throws Exception {
		Path dir = Processes.browserScripts();
		Path screenshots = Path.of("target/browser/pages").toAbsolutePath();
		Files.createDirectories(screenshots.getParent());
		String out = run(List.of("node", "pages-check.mjs", "http://localhost:" + this.port,
				"/api/reports/lawsuit:actionsoft-v-amazon-aws?format=html", screenshots.toString()), dir, 180);
		assertThat(out).as("no page asks for anything beyond loopback").contains("\"outside\":0,").contains("\"errors\":[]");
		List<String> examples;
		try (var files = Files.list(Path.of("graphql/examples"))) {
			examples = files.map(f -> f.getFileName().toString()).sorted().toList();
		}
		Matcher tabs = Pattern.compile("\"tabs\":\\[([^\\]]*)]").matcher(out);
		assertThat(tabs.find()).as(out).isTrue();
		assertThat(tabs.group(1).split("\",\"")).as("GraphiQL opens a tab per example document").hasSize(examples.size());
		String firstLine = Files.readAllLines(Path.of("graphql/examples", examples.getFirst())).getFirst();
		assertThat(out).as("the first tab holds the first example, and running it answers")
			.contains("\"editor\":\"1\\n" + firstLine.substring(0, 30))
			.containsPattern("\"response\":\"\\{ \\\\\"data\\\\\": \\{ \\\\\"lawsuits\\\\\"");
		assertThat(out).as("the front page: holdings and ways in")
			.contains("\"headings\":[\"Find\",\"Ways in\",\"What this instance holds\",\"Last imports and edits\"]")
			.containsPattern("\"kinds\":\\[[^\\]]*\"Company\"[^\\]]*\"Source\"")
			.containsPattern("\"links\":\\[\"/graphiql\",[^\\]]*\"/api/reports/lawsuit%3Aactionsoft-v-amazon-aws\\?format=html\"");
		assertThat(out).as("the report draws its network").containsPattern("\"report\":\\{\"status\":200,[^}]*\"nodes\":[1-9]");
		assertThat(out).as("an unknown address is a page for a person").contains("\"missing\":{\"status\":404,\"heading\":\"Nothing here\"}");
	}

	private static String colour(String grass, String label) {
		Matcher rule = Pattern.compile("node\\." + label + " \\{[^}]*?color: (#[0-9A-Fa-f]{6});").matcher(grass);
		assertThat(rule.find()).as("colour of %s in the GraSS", label).isTrue();
		return rule.group(1);
	}

	private static String run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		return Processes.run(command, dir, timeoutSeconds);
	}

	private static String run(List<String> command, Path dir, int timeoutSeconds, Map<String, String> environment)
			throws IOException, InterruptedException {
		return Processes.run(command, dir, timeoutSeconds, environment);
	}

}
