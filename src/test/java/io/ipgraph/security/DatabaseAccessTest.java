package io.ipgraph.security;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.ipgraph.IpgraphTest;
import io.ipgraph.embedded.BoltSignIn;
import io.ipgraph.embedded.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's Bolt port as any program of the machine reaches it, with Neo4j's own Java driver over
 * TCP: no session without an ipgraph user, whatever the credentials tried; an ADMIN reads and writes, an EDITOR
 * only reads (in a write transaction too), an ANALYST gets no session. (Over WebSocket from a page of another origin,
 * and with cypher-shell: ExternalClientsTest.)
 */
@IpgraphTest
class DatabaseAccessTest {

	@Autowired
	EmbeddedNeo4j neo4j;

	@Autowired
	Driver applicationDriver;

	@LocalServerPort
	int port;

	@Test
	void noSessionWithoutAnIpgraphUser() {
		for (AuthToken token : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"), AuthTokens.basic("neo4j", "password"),
				AuthTokens.basic("admin", "wrong"), AuthTokens.basic(BoltSignIn.INTERNAL_USER, "guess"),
				AuthTokens.bearer("anything"))) {
			assertThatThrownBy(() -> count(token)).as("signing in with %s", token)
				.isInstanceOf(SecurityException.class)
				.hasMessageContaining("ipgraph refused the sign-in");
		}
	}

	@Test
	void anAnalystGetsNoSessionAndIsToldWhy() {
		assertThatThrownBy(() -> count(AuthTokens.basic("analyst", "analyst-test-pw")))
			.isInstanceOf(SecurityException.class)
			.hasMessageContaining("ANALYST")
			.hasMessageContaining("GraphQL");
	}

	@Test
	void anEditorReadsButCannotWriteEvenInAWriteTransaction() {
		long all = this.applicationDriver.executableQuery("MATCH (n) WHERE NOT n:Retracted RETURN count(n) AS n").execute().records().get(0)
			.get("n").asLong();
		assertThat(count(AuthTokens.basic("editor", "editor-test-pw"))).isPositive().isEqualTo(all);
		try (Driver driver = driver(AuthTokens.basic("editor", "editor-test-pw")); var session = driver.session()) {
			assertThatThrownBy(() -> session.executeWrite(tx -> tx.run("CREATE (:BoltProbe {by: 'editor'})").consume()))
				.isInstanceOf(ClientException.class)
				.hasMessageContaining("not allowed");
			assertThatThrownBy(() -> session.run("MATCH (c:Company {id: 'company:amazon'}) SET c.name = 'changed'").consume())
				.isInstanceOf(ClientException.class);
		}
		assertThat(probes()).isZero();
		assertThat(this.applicationDriver.executableQuery("MATCH (c:Company {id: 'company:amazon'}) RETURN c.name AS name").execute()
			.records().get(0).get("name").asString()).isEqualTo("Amazon.com, Inc.");
	}

	@Test
	void anEditorsSessionDoesNotSeeRetractedEntitiesAnAdminsDoes() {
		this.applicationDriver.executableQuery("CREATE (:Retracted {id: 'company:bolt-retracted-probe', retractedLabel: 'Company'})").execute();
		try {
			String query = "MATCH (n {id: 'company:bolt-retracted-probe'}) RETURN count(n) AS n";
			try (Driver editor = driver(AuthTokens.basic("editor", "editor-test-pw")); var session = editor.session()) {
				assertThat(session.run(query).single().get("n").asLong()).isZero();
			}
			try (Driver admin = driver(AuthTokens.basic("admin", "admin-test-pw")); var session = admin.session()) {
				assertThat(session.run(query).single().get("n").asLong()).isOne();
			}
		}
		finally {
			this.applicationDriver.executableQuery("MATCH (n {id: 'company:bolt-retracted-probe'}) DELETE n").execute();
		}
	}

	@Test
	void anAdminReadsAndWrites() {
		try (Driver driver = driver(AuthTokens.basic("admin", "admin-test-pw"));
				var session = driver.session(SessionConfig.defaultConfig())) {
			session.executeWrite(tx -> tx.run("CREATE (:BoltProbe {by: 'admin'})").consume());
			assertThat(probes()).isOne();
			session.executeWrite(tx -> tx.run("MATCH (p:BoltProbe) DELETE p").consume());
		}
		assertThat(probes()).isZero();
	}

	@Test
	void neo4jBrowserOpensForEditorsWithTheirNameAndTellsAnAnalystWhyNot() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> anonymous = http.send(browserEntry(null), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> analyst = http.send(browserEntry("analyst:analyst-test-pw"), HttpResponse.BodyHandlers.ofString());
		assertThat(analyst.statusCode()).isEqualTo(403);
		assertThat(analyst.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(analyst.body()).contains("Neo4j Browser is for editors and administrators").contains("<b>analyst</b>").contains("/graphiql");
		HttpResponse<String> editor = http.send(browserEntry("editor:editor-test-pw"), HttpResponse.BodyHandlers.ofString());
		assertThat(editor.statusCode()).isEqualTo(302);
		int bolt = java.net.URI.create(this.neo4j.boltUri()).getPort();
		assertThat(editor.headers().firstValue("Location")).hasValue(
				"/browser/index.html?dbms=bolt://editor@127.0.0.1:" + bolt + "&preselectAuthMethod=NATIVE");
	}

	private HttpRequest browserEntry(String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/browser/"));
		if (credentials != null) {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes()));
		}
		return request.build();
	}

	private long probes() {
		return this.applicationDriver.executableQuery("MATCH (p:BoltProbe) RETURN count(p) AS n").execute().records().get(0).get("n").asLong();
	}

	private long count(AuthToken token) {
		try (Driver driver = driver(token); var session = driver.session()) {
			return session.executeRead(tx -> tx.run("MATCH (n) RETURN count(n) AS n", Map.of()).single().get("n").asLong());
		}
	}

	private Driver driver(AuthToken token) {
		return GraphDatabase.driver(this.neo4j.boltUri(), token);
	}

}
