package io.ipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphQL over real HTTP against the running application. */
public final class GraphQlClient {

	private GraphQlClient() {
	}

	public static HttpGraphQlTester tester(int port) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
		return HttpGraphQlTester.create(client);
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
