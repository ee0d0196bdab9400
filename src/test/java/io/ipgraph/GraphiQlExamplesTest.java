package io.ipgraph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents GraphiQL opens with ({@code graphql/examples}, one per question of the brief): each runs over
 * HTTP without errors and answers on the seed, and the GraphiQL page loads them as its tabs.
 */
class GraphiQlExamplesTest extends GraphQlHttpTest {

	@Test
	void everyExampleRunsWithoutErrorsAndAnswersOnTheSeed() throws IOException {
		List<String> files;
		try (Stream<Path> list = Files.list(Path.of("graphql/examples"))) {
			files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".graphql")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(6);
		for (String file : files) {
			var response = this.graphql.document(GraphQlClient.example(file)).execute();
			response.errors().verify();
			Map<?, ?> data = response.path("").entity(Map.class).get();
			assertThat(data.values()).as("answer of %s", file).allSatisfy(value -> assertThat(value).isNotNull()
				.satisfies(v -> assertThat(!(v instanceof List<?> l) || !l.isEmpty()).as("non-empty list").isTrue()));
		}
	}

	@Test
	void conflictSearchFindsActionSoftsEarlierRegistrationWithItsReasons() {
		var response = this.graphql.document(GraphQlClient.example("04-conflict-search-aws-in-china.graphql")).execute();
		response.errors().verify();
		response.path("conflicts[0].registration.id").entity(String.class).isEqualTo("CTMO:4249189");
		response.path("conflicts[0].score").entity(Double.class).isEqualTo(90.0);
		response.path("conflicts[0].reasons[*].kind").entityList(String.class)
			.contains("identical-text", "shared-class", "earlier-filing");
		response.path("conflicts[0].registration.owners[0].node.id").entity(String.class).isEqualTo("company:actionsoft");
	}

	@Test
	void pathsLinkActionSoftToNwcdThroughTheLawsuitAndAmazonsPartnership() {
		var response = this.graphql.document(GraphQlClient.example("05-paths-actionsoft-to-nwcd.graphql")).execute();
		response.errors().verify();
		response.path("paths[0].length").entity(Integer.class).isEqualTo(3);
		response.path("paths[*].hops[*].type").entityList(String.class).contains("PARTY_TO", "PARTNER_OF");
		response.path("paths[0].hops[*].sources").entityList(List.class)
			.satisfies(sources -> assertThat(sources).allSatisfy(s -> assertThat(s).isNotEmpty()));
	}

	@Test
	void sellerRiskShowsTheBalanceCarRefundsInShenzhen() {
		var response = this.graphql.document(GraphQlClient.example("06-cross-border-seller-risk.graphql")).execute();
		response.errors().verify();
		response.path("enforcementActions[0].id").entity(String.class).isEqualTo("action:balance-car-refunds");
		response.path("enforcementActions[0].amount").entity(Double.class).isEqualTo(600_000.0);
		response.path("enforcementActions[0].takenBy[0].id").entity(String.class).isEqualTo("company:amazon");
		response.path("enforcementActions[0].against[0].id").entity(String.class)
			.isEqualTo("company:shenzhen-balance-car-suppliers");
		response.path("enforcementActions[0].products[0].name").entity(String.class)
			.satisfies(name -> assertThat(name).containsIgnoringCase("balance car"));
	}

	@Test
	void graphiqlPageLoadsTheExamplesAsItsTabs() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		String base = "http://localhost:" + this.port;
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/graphiql")).header("Authorization", GraphQlClient.basic("analyst")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("fetch('/graphiql/examples')").contains("defaultTabs");
		HttpResponse<String> examples = http.send(HttpRequest.newBuilder(URI.create(base + "/graphiql/examples")).header("Authorization", GraphQlClient.basic("analyst")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(examples.statusCode()).isEqualTo(200);
		assertThat(examples.body()).contains("\"name\":\"AwsLawsuitInChina\"")
			.contains("\"name\":\"ConflictSearchAwsInChina\"")
			.contains("\"name\":\"CrossBorderSellerRisk\"")
			.contains("\"file\":\"01-aws-lawsuit-in-china.graphql\"");
	}

}
