package io.ipgraph;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Base of the tests that talk GraphQL over HTTP to the shared running application. */
@IpgraphTest
public abstract class GraphQlHttpTest {

	@LocalServerPort
	protected int port;

	protected HttpGraphQlTester graphql;

	@BeforeEach
	void connectOverHttp() {
		this.graphql = GraphQlClient.tester(this.port);
	}

	/** GraphQL signed in as another test user ({@code editor}, {@code editor2}, {@code admin}). */
	protected HttpGraphQlTester as(String user) {
		return GraphQlClient.tester(this.port, user);
	}

}
