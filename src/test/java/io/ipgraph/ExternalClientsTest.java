package io.ipgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ipgraph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real clients against the running application: cypher-shell (from Maven Central, in its own JVM) reads the
 * seed over Bolt, and Neo4j Browser, served at {@code /browser/}, connects from headless Chromium and draws
 * a query's result.
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
	void neo4jBrowserConnectsToTheEmbeddedBoltPortAndDrawsTheGraph() throws Exception {
		Path dir = Processes.browserScripts();
		Path screenshot = Path.of("target/browser/neo4j-browser.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		String out = run(List.of("node", "browser-check.mjs", "http://localhost:" + this.port + "/browser/",
				"MATCH p=(:Company {id:'company:amazon'})-[:PARTNER_OF]->(:Company) RETURN p", screenshot.toString()), dir, 240);
		assertThat(out).contains("\"connected\":true");
		assertThat(out).containsPattern("\"nodes\":[3-9]");
		assertThat(out).contains("Sinnet").contains("Ningxia");
		assertThat(screenshot).exists();
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
