package io.ipgraph;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each document of {@code graphql/examples} (the brief's seed questions, as the README shows them) over
 * HTTP and checks the answer against the articles and the brief's public-record facts.
 */
class SeedExamplesTest extends GraphQlHttpTest {

	@Test
	@SuppressWarnings("unchecked")
	void awsLawsuitNamesCourtPartiesAwardPriorRegistrationAndAppeal() {
		var response = this.graphql.document(GraphQlClient.example("01-aws-lawsuit-in-china.graphql")).execute();
		response.errors().verify();
		response.path("lawsuits").entityList(Object.class).hasSize(1);
		response.path("lawsuits[0].caseNumber").entity(String.class).isEqualTo("(2018) Jing Min Chu No. 127");
		response.path("lawsuits[0].court.name").entity(String.class).isEqualTo("Beijing High People's Court");
		response.path("lawsuits[0].filedOn").entity(String.class).isEqualTo("2018-07");

		List<Map<String, Object>> parties = response.path("lawsuits[0].parties").entityList(Map.class).get().stream()
			.map(p -> (Map<String, Object>) p)
			.toList();
		assertThat(parties).extracting(p -> p.get("role") + ":" + ((Map<String, Object>) p.get("node")).get("id"))
			.contains("plaintiff:company:actionsoft", "defendant:company:amazon", "defendant:company:beijing-sinnet");
		assertThat(parties).extracting(p -> ((Map<String, Object>) p.get("node")).get("id"))
			.doesNotContain("company:nwcd");
		Map<String, Object> plaintiff = (Map<String, Object>) parties.stream()
			.filter(p -> p.get("role").equals("plaintiff"))
			.findFirst()
			.orElseThrow()
			.get("node");
		assertThat((List<String>) plaintiff.get("aliases")).contains("北京炎黄盈动科技发展有限责任公司",
				"Beijing Yanhuang Yingxing Technology Development Co.");

		response.path("lawsuits[0].registrations[0].number").entity(String.class).isEqualTo("4249189");
		response.path("lawsuits[0].registrations[0].classes").entityList(Integer.class).containsExactly(42);
		response.path("lawsuits[0].registrations[0].filedOn").entity(String.class).isEqualTo("2004");
		response.path("lawsuits[0].registrations[0].registeredOn").entity(String.class).isEqualTo("2008-02-07");
		response.path("lawsuits[0].registrations[0].owners[0].node.name").entity(String.class)
			.satisfies(name -> assertThat(name).contains("ActionSoft"));

		response.path("lawsuits[0].rulings[0].damagesAmount").entity(Double.class).isEqualTo(76_463_000.0);
		response.path("lawsuits[0].rulings[0].damagesCurrency").entity(String.class).isEqualTo("CNY");
		response.path("lawsuits[0].rulings[0].costsAmount").entity(Double.class).isEqualTo(260_000.0);
		List<Map<String, Object>> disputes = response.path("lawsuits[0].rulings[0].disputes").entityList(Map.class).get()
			.stream()
			.map(d -> (Map<String, Object>) d)
			.toList();
		Map<String, Object> damages = disputes.stream()
			.filter(d -> d.get("property").equals("damagesAmount"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> claims = (List<Map<String, Object>>) damages.get("claims");
		assertThat(claims).extracting(c -> ((Number) c.get("numericValue")).doubleValue())
			.contains(76_500_000.0, 76_460_000.0, 76_463_000.0);
		assertThat(claims).allSatisfy(c -> assertThat((List<?>) c.get("sources")).isNotEmpty());
		assertThat(claimSources(claims, 76_500_000.0)).contains("src:article-000");
		assertThat(claimSources(claims, 76_460_000.0)).contains("src:article-001");

		response.path("lawsuits[0].rulings[0].appeals[0].appellants[0].name").entity(String.class)
			.satisfies(name -> assertThat(name).startsWith("Amazon"));
		List<Map<String, Object>> appealDisputes = response.path("lawsuits[0].rulings[0].appeals[0].disputes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(d -> (Map<String, Object>) d)
			.toList();
		assertThat(appealDisputes).anySatisfy(d -> {
			assertThat(d.get("property")).isEqualTo("court");
			assertThat((List<Map<String, Object>>) d.get("claims")).extracting(c -> (String) c.get("value"))
				.anySatisfy(v -> assertThat(v).contains("Supreme Court"))
				.anySatisfy(v -> assertThat(v).contains("High Court"));
		});
	}

	@SuppressWarnings("unchecked")
	private static List<String> claimSources(List<Map<String, Object>> claims, double value) {
		return claims.stream()
			.filter(c -> ((Number) c.get("numericValue")).doubleValue() == value)
			.flatMap(c -> ((List<Map<String, Object>>) c.get("sources")).stream())
			.map(s -> (String) ((Map<String, Object>) s.get("source")).get("id"))
			.toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void traceLeadsFromAmazonToPartnersRegionsAndThePriorRegistration() {
		var response = this.graphql.document(GraphQlClient.example("02-trace-amazon-in-china.graphql")).execute();
		response.errors().verify();
		response.path("company.subsidiaries[*].id").entityList(String.class).contains("company:amazon-connect-tech");
		List<Map<String, Object>> partners = response.path("company.partners").entityList(Map.class).get().stream()
			.map(p -> (Map<String, Object>) p)
			.toList();
		assertThat(partners).extracting(p -> ((Map<String, Object>) p.get("node")).get("id") + "@" + p.get("region"))
			.contains("company:beijing-sinnet@Beijing", "company:nwcd@Ningxia");
		assertThat(partners).allSatisfy(p -> assertThat((List<?>) p.get("sources")).isNotEmpty());
		Map<String, Object> sinnet = partners.stream()
			.map(p -> (Map<String, Object>) p.get("node"))
			.filter(n -> n.get("id").equals("company:beijing-sinnet"))
			.findFirst()
			.orElseThrow();
		assertThat((List<String>) sinnet.get("aliases")).contains("光环新网", "Huanghuanxin.com");

		response.path("company.marksUsed[*].node.registrations[*].id").entityList(String.class).contains("CTMO:4249189");
		response.path("company.marksUsed[*].node.registrations[*].owners[*].node.name").entityList(String.class)
			.satisfies(names -> assertThat(names).anySatisfy(n -> assertThat(n).contains("ActionSoft")));
		response.path("company.marksUsed[*].node.registrations[*].lawsuits[*].caseNumber").entityList(String.class)
			.contains("(2018) Jing Min Chu No. 127");
	}

	@Test
	@SuppressWarnings("unchecked")
	void enforcementShowsTheCustomsAgreementAndTheSeizuresAmazonAssisted() {
		var response = this.graphql.document(GraphQlClient.example("03-amazon-enforcement-cooperation.graphql")).execute();
		response.errors().verify();
		response.path("company.subsidiaries[0].agreements[0].node.dateAsGiven").entity(String.class).isEqualTo("June 30");
		response.path("company.subsidiaries[0].agreements[0].node.parties[*].node.name").entityList(String.class)
			.contains("Japan Customs and Tariff Bureau");

		List<Map<String, Object>> seizures = response.path("company.seizuresAssisted").entityList(Map.class).get().stream()
			.map(s -> (Map<String, Object>) s)
			.toList();
		Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
		seizures.forEach(s -> byId.put((String) s.get("id"), s));
		assertThat(byId).containsKeys("seizure:wirral-cds", "seizure:anatel-warehouse", "seizure:yiwu");
		assertThat(byId.get("seizure:wirral-cds")).containsEntry("place", "Wirral").containsEntry("country", "GB")
			.containsEntry("itemCount", 32000).containsEntry("valueAmount", 1_400_000.0).containsEntry("valueCurrency", "CNY");
		assertThat(byId.get("seizure:anatel-warehouse")).containsEntry("country", "BR").containsEntry("itemCount", 5700)
			.containsEntry("valueAmount", 640_000.0);
		assertThat((List<Map<String, Object>>) byId.get("seizure:anatel-warehouse").get("authorities"))
			.anySatisfy(a -> assertThat((List<String>) a.get("aliases")).contains("Anatel"));
		assertThat(byId.get("seizure:yiwu")).containsEntry("place", "Yiwu").containsEntry("country", "CN");
		assertThat(seizures).allSatisfy(s -> assertThat((List<?>) s.get("sources")).isNotEmpty());
	}

}
