package io.ipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL and HTTP against the running application, signed in as one of the test users of
 * {@code src/test/resources/config/application.yml} ({@code analyst}, {@code editor}, {@code editor2}, {@code admin};
 * password {@code <name>-test-pw}).
 */
public final class GraphQlClient {

	private GraphQlClient() {
	}

	/** GraphQL as the analyst (read only). */
	public static HttpGraphQlTester tester(int port) {
		return tester(port, "analyst");
	}

	public static HttpGraphQlTester tester(int port, String user) {
		return HttpGraphQlTester.create(http(port, user).mutate().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	/** Plain HTTP to the application as the user. */
	public static WebTestClient http(int port, String user) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.defaultHeader(HttpHeaders.AUTHORIZATION, basic(user))
			.build();
	}

	/** The {@code Authorization} header value of a test user. */
	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-test-pw").getBytes(StandardCharsets.UTF_8));
	}

	/** A document from the repository's {@code graphql/examples}, as users read it in the README. */
	public static String example(String name) {
		try {
			return Files.readString(Path.of("graphql/examples", name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
