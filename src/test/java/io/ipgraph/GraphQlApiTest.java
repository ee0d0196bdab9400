package io.ipgraph;

import java.util.List;
import java.util.Map;

import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The core API over HTTP on the seed data: lookups, filters, sorting, connections, search, provenance, errors. */
class GraphQlApiTest extends GraphQlHttpTest {

	@Autowired
	GraphStore store;

	@Test
	void looksUpEveryKindById() {
		this.graphql.document("""
				{ company(id: "company:actionsoft") { name foundedOn }
				  registration(id: "CTMO:4249189") { number jurisdiction }
				  court(id: "court:beijing-high-peoples-court") { name }
				  seizure(id: "seizure:wirral-cds") { place }
				  source(id: "src:article-000") { kind file }
				  missing: company(id: "company:does-not-exist") { name } }""")
			.execute()
			.path("company.foundedOn").entity(String.class).isEqualTo("2003")
			.path("registration.jurisdiction").entity(String.class).isEqualTo("CN")
			.path("court.name").entity(String.class).isEqualTo("Beijing High People's Court")
			.path("seizure.place").entity(String.class).isEqualTo("Wirral")
			.path("source.file").entity(String.class).isEqualTo("sources/000_1dc2a3c683d53092.txt")
			.path("missing").valueIsNull();
	}

	@Test
	void nestedNodesAnswerEveryKindOfFieldWhenTheirQueryReadsOnlyTheSelectedProperties() {
		// plain properties only (the node query reads those and the ids), next to citations, a link's own
		// properties and a field left to the loaders, which need more than the selected properties
		var response = this.graphql.document("""
				{ company(id: "company:amazon") {
				    name
				    partners { region node { id name country } }
				    lawsuits { node { id caseNumber sources { source { id } } } }
				    marksUsed { node { text registrations { number } } } } }""")
			.execute();
		response.path("company.name").entity(String.class).isEqualTo("Amazon.com, Inc.");
		response.path("company.partners[*].node.id").entityList(String.class).contains("company:beijing-sinnet", "company:nwcd");
		response.path("company.partners[*].region").entityList(String.class).hasSizeGreaterThan(0);
		response.path("company.partners[*].node.country").entityList(String.class).contains("CN");
		response.path("company.lawsuits[*].node.caseNumber").entityList(String.class).hasSizeGreaterThan(0);
		assertThat(response.path("company.lawsuits[*].node.sources[*].source.id").entityList(String.class).get()).isNotEmpty()
			.allSatisfy(id -> assertThat(id).startsWith("src:"));
		response.path("company.marksUsed[*].node.text").entityList(String.class).contains("AWS");
		response.path("company.marksUsed[*].node.registrations[*].number").entityList(String.class).hasSizeGreaterThan(0);
	}

	@Test
	void entityLookupResolvesTheConcreteType() {
		this.graphql.document("{ entity(id: \"CTMO:4249189\") { __typename id ... on Registration { classes } } }")
			.execute()
			.path("entity.__typename").entity(String.class).isEqualTo("Registration")
			.path("entity.classes").entityList(Integer.class).containsExactly(42);
	}

	@Test
	void filtersWithOperatorsAndBooleanCombinations() {
		this.graphql.document("""
				{ companies(where: { OR: [ { name: { startsWith: "Beijing" } }, { aliases: { includes: "NWCD" } } ],
				                     NOT: { country: { eq: "US" } } }, sort: [{ name: ASC }]) { id } }""")
			.execute()
			.path("companies[*].id").entityList(String.class)
			.containsExactly("company:actionsoft", "company:beijing-sinnet", "company:nwcd");
		this.graphql.document("{ seizures(where: { itemCount: { gte: 5700 } }, sort: [{ itemCount: DESC }]) { id itemCount } }")
			.execute()
			.path("seizures[*].id").entityList(String.class).containsExactly("seizure:wirral-cds", "seizure:anatel-warehouse");
		this.graphql.document("{ registrations(where: { classes: { includesAny: [9, 42] }, registeredOn: { gte: \"2008\", lt: \"2009\" } }) { id } }")
			.execute()
			.path("registrations[*].id").entityList(String.class).contains("CTMO:4249189");
		this.graphql.document("{ registrations(where: { registeredOn: { lt: \"2008-02-07\" } }) { id } }")
			.execute()
			.path("registrations[*].id").entityList(String.class).doesNotContain("CTMO:4249189");
	}

	@Test
	void filtersThroughARelationship() {
		this.graphql.document("{ registrations(where: { owners: { some: { country: { eq: \"CN\" } } } }) { id } }")
			.execute()
			.path("registrations[*].id").entityList(String.class).contains("CTMO:4249189");
		this.graphql.document("{ registrations(where: { owners: { some: { country: { eq: \"US\" } } } }) { id } }")
			.execute()
			.path("registrations[*].id").entityList(String.class).doesNotContain("CTMO:4249189");
		this.graphql.document("{ companies(where: { lawsuits: { some: { caseNumber: { contains: \"Jing Min Chu\" } } } }, sort: [{id: ASC}]) { id } }")
			.execute()
			.path("companies[*].id").entityList(String.class)
			.contains("company:actionsoft", "company:amazon", "company:beijing-sinnet")
			.doesNotContain("company:nwcd");
	}

	@Test
	void pagesThroughAConnectionWithCursorsAndTotalCount() {
		var first = this.graphql.document("""
				{ companiesConnection(first: 2, sort: [{ id: ASC }]) {
				    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }""")
			.execute();
		int total = first.path("companiesConnection.totalCount").entity(Integer.class).get();
		assertThat(total).isGreaterThanOrEqualTo(6);
		first.path("companiesConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("companiesConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		List<String> firstIds = first.path("companiesConnection.edges[*].node.id").entityList(String.class).get();
		String after = first.path("companiesConnection.pageInfo.endCursor").entity(String.class).get();

		var all = this.graphql.document("{ companies(sort: [{ id: ASC }], limit: 100) { id } }").execute()
			.path("companies[*].id").entityList(String.class).get();
		var second = this.graphql.document("query($after: String) { companiesConnection(first: 2, after: $after, sort: [{ id: ASC }]) { totalCount edges { node { id } } pageInfo { hasPreviousPage } } }")
			.variable("after", after)
			.execute();
		second.path("companiesConnection.totalCount").entity(Integer.class).isEqualTo(total);
		second.path("companiesConnection.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		assertThat(all).hasSize(total).startsWith(firstIds.toArray(String[]::new));
		second.path("companiesConnection.edges[*].node.id").entityList(String.class).containsExactly(all.get(2), all.get(3));
	}

	@Test
	void sortsByManyFields() {
		var ids = this.graphql.document("{ seizures(sort: [{ country: DESC }, { id: ASC }]) { id country } }")
			.execute()
			.path("seizures[*].country").entityList(String.class).get();
		assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void searchFindsAliasesInAnyScriptAndToleratesTypos() {
		this.graphql.document("{ search(query: \"光环新网\") { kind node { id } } }")
			.execute()
			.path("search[0].node.id").entity(String.class).isEqualTo("company:beijing-sinnet");
		this.graphql.document("{ search(query: \"Yanhuang Yingxing\") { kind node { id } } }")
			.execute()
			.path("search[0].node.id").entity(String.class).isEqualTo("company:actionsoft");
		this.graphql.document("{ search(query: \"Huanghuanxin\", kinds: [\"Company\"]) { node { id } } }")
			.execute()
			.path("search[0].node.id").entity(String.class).isEqualTo("company:beijing-sinnet");
		var typo = this.graphql.document("{ search(query: \"Actonsoft\") { score kind node { id } } }").execute();
		typo.path("search[0].node.id").entity(String.class).isEqualTo("company:actionsoft");
		typo.path("search[0].score").entity(Double.class).satisfies(score -> assertThat(score).isPositive());
		this.graphql.document("{ search(query: \"Wirral\", kinds: [\"Seizure\"]) { kind node { id } } }")
			.execute()
			.path("search[*].kind").entityList(String.class).satisfies(kinds -> assertThat(kinds).isNotEmpty().containsOnly("Seizure"));
	}

	@Test
	void searchTreatsLuceneSyntaxAsText() {
		this.graphql.document("{ search(query: \"AWS) OR name:* AND \\\"\") { node { id } } }")
			.execute()
			.errors().verify();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyTypeExposesItsSources() {
		var response = this.graphql.document("""
				{ company(id: "company:beijing-sinnet") {
				    sources { quote source { id title retrievedOn } }
				    disputes { property claims { value sources { source { id } } } } } }""")
			.execute();
		List<Map<String, Object>> sources = response.path("company.sources").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		assertThat(sources).isNotEmpty().allSatisfy(s -> {
			assertThat((String) s.get("quote")).isNotBlank();
			assertThat((Map<String, Object>) s.get("source")).containsKey("title");
		});
		response.path("company.disputes[*].property").entityList(String.class).contains("regionsServed");
	}

	@Test
	void nestedFieldsAreBatchedWhateverThePageSize() {
		String document = """
				query($n: Int) { companies(limit: $n, sort: [{ id: ASC }]) {
				    id sources { source { title } } disputes { property }
				    partners { region node { name sources { quote } } }
				    lawsuits { role node { caseNumber court { name } rulings { damagesAmount } } }
				    registrations { node { number mark { text } } } } }""";
		long small = roundTrips(document, 1);
		long large = roundTrips(document, 50);
		assertThat(large).isEqualTo(small);
		assertThat(large).isLessThanOrEqualTo(12);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNodeQueryLoadsTheFieldsSelectedBelowItInOneRoundTrip() {
		String fields = """
				id name
				marksUsed { node { id text registrations(sort: [{ filedOn: DESC }], limit: 5) { id number filedOn owners { role node { id name } } } } }
				lawsuits { role node { id caseNumber court { name } } }
				firstPartner: partners(limit: 1, sort: [{ id: DESC }]) { region node { id } }
				partners(where: { id: { eq: "company:nwcd" } }) { region node { id name } }
				subsidiaries { id registrations { node { id } } }""";
		long before = this.store.roundTrips();
		Map<String, Object> direct = this.graphql.document("{ company(id: \"company:amazon\") { " + fields + " } }")
			.execute().path("company").entity(Map.class).get();
		long directTrips = this.store.roundTrips() - before;
		// the same fields below an interface-typed root are not loaded with it: each level goes through the loader
		before = this.store.roundTrips();
		Map<String, Object> loaded = this.graphql.document("{ entity(id: \"company:amazon\") { ... on Company { " + fields + " } } }")
			.execute().path("entity").entity(Map.class).get();
		long loaderTrips = this.store.roundTrips() - before;
		assertThat(direct).isEqualTo(loaded);
		assertThat(directTrips).isEqualTo(1);
		assertThat(loaderTrips).isGreaterThanOrEqualTo(4);
		assertThat((List<Object>) direct.get("partners")).hasSize(1);
		assertThat((List<Object>) direct.get("firstPartner")).hasSize(1).isNotEqualTo(direct.get("partners"));
		assertThat((List<Object>) direct.get("marksUsed")).isNotEmpty();
	}

	@Test
	void aBadArgumentBelowANodeQueryIsReportedAtItsOwnField() {
		this.graphql.document("{ company(id: \"company:amazon\") { id partners(limit: 5000) { node { id } } } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("limit on Company.partners must be between 0 and") && e.getPath().equals("company.partners"))
			.verify();
	}

	private long roundTrips(String document, int n) {
		long before = this.store.roundTrips();
		this.graphql.document(document).variable("n", n).execute().errors().verify();
		return this.store.roundTrips() - before;
	}

	@Test
	void rejectsPageSizesBeyondTheCap() {
		this.graphql.document("{ companies(limit: 100000) { id } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("limit must be between 0 and 100"))
			.verify();
	}

	@Test
	void rejectsMalformedCursorsAndDates() {
		this.graphql.document("{ companiesConnection(after: \"not-a-cursor\") { totalCount } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("Invalid cursor"))
			.verify();
		this.graphql.document("{ registrations(where: { filedOn: { eq: \"2008-02-30\" } }) { id } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("not a valid date"))
			.verify();
		this.graphql.document("{ search(query: \"aws\", kinds: [\"Spaceship\"]) { kind } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("Unknown kind 'Spaceship'"))
			.verify();
	}

	@Test
	void rejectsUnknownFieldsWithAValidationError() {
		this.graphql.document("{ companies(where: { nmae: { eq: \"x\" } }) { id } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("nmae"))
			.verify();
	}

}
