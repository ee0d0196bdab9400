package io.ipgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ipgraph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real clients against the running application: cypher-shell (from Maven Central, in its own JVM) reads the
 * seed over Bolt; Neo4j Browser, served at {@code /browser/}, connects from headless Chromium, plays ipgraph's
 * guide and draws a saved query's result in ipgraph's style; GraphiQL opens with the example documents.
 */
@IpgraphTest
class ExternalClientsTest {

	@Autowired
	EmbeddedNeo4j neo4j;

	@LocalServerPort
	int port;

	@Test
	void cypherShellReadsTheSeedOverBolt() throws Exception {
		Path classpathFile = Path.of("target/cypher-shell.classpath").toAbsolutePath();
		if (!Files.exists(classpathFile)) {
			run(List.of(mavenWrapper(), "-q", "-f", "src/test/cypher-shell/pom.xml", "dependency:build-classpath",
					"-Dmdep.outputFile=" + classpathFile), Path.of("."), 600);
		}
		String classpath = Files.readString(classpathFile).strip();
		String out = run(List.of(javaExecutable(), "-cp", classpath, "org.neo4j.shell.Main", "-a", this.neo4j.boltUri(), "-u",
				"neo4j", "-p", "unused", "--format", "plain", "--non-interactive",
				"MATCH (c:Company)-[r:PARTY_TO]->(l:Lawsuit {caseNumber: '(2018) Jing Min Chu No. 127'}) "
						+ "RETURN c.name AS party, r.role AS role ORDER BY role, party"),
				Path.of("."), 120);
		assertThat(out).contains("party, role").contains("plaintiff").contains("ActionSoft").contains("Beijing Sinnet");
	}

	@Test
	void neo4jBrowserConnectsPlaysTheGuideAndDrawsASavedQueryInTheIpgraphStyle() throws Exception {
		Path dir = Processes.browserScripts();
		Path screenshot = Path.of("target/browser/neo4j-browser.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		Path savedQuery = Path.of("cypher/browser/queries/02-trace-a-foreign-firm.cypher").toAbsolutePath();
		String out = run(List.of("node", "browser-check.mjs", "http://localhost:" + this.port + "/browser/", "@" + savedQuery,
				screenshot.toString(), "ipgraph: investigating IP disputes", "http://localhost:" + this.port + "/graphiql"),
				dir, 300);
		assertThat(out).contains("\"connected\":true").contains("\"guide\":true").contains("\"guideQueryRan\":true");
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

		assertThat(out).as("GraphiQL opens with the example documents")
			.containsPattern("\"graphiqlExamples\":\\[\"AwsLawsuitInChina\",\"TraceAmazonInChina\"");
		if (out.contains("\"graphiqlRendered\":true")) {
			assertThat(out).containsPattern("\"graphiqlEditor\":\"[^\"]*AwsLawsuitInChina");
		}
	}

	private static String colour(String grass, String label) {
		Matcher rule = Pattern.compile("node\\." + label + " \\{[^}]*?color: (#[0-9A-Fa-f]{6});").matcher(grass);
		assertThat(rule.find()).as("colour of %s in the GraSS", label).isTrue();
		return rule.group(1);
	}

	private static String mavenWrapper() {
		return Path.of("mvnw").toAbsolutePath().toString();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		return Processes.run(command, dir, timeoutSeconds);
	}

}
