package io.ipgraph.conflict;

import io.ipgraph.GraphQlHttpTest;
import org.junit.jupiter.api.Test;

/** Conflict search over HTTP on the seed: Amazon's AWS mark in China meets ActionSoft's earlier registration. */
class ConflictSearchTest extends GraphQlHttpTest {

	@Test
	void findsTheEarlierAwsRegistrationForAmazonsMarkInChinaWithItsReasons() {
		this.graphql.document("""
				{ conflicts(text: "AWS", classes: [42], jurisdiction: "CN", date: "2014", excludeOwners: ["company:amazon"]) {
				    score registration { id filedOn registeredOn owners { node { id } } sources { source { id } } }
				    reasons { kind weight detail } } }""")
			.execute()
			.path("conflicts[0].registration.id").entity(String.class).isEqualTo("CTMO:4249189")
			.path("conflicts[0].registration.owners[0].node.id").entity(String.class).isEqualTo("company:actionsoft")
			.path("conflicts[0].reasons[*].kind").entityList(String.class)
			.containsExactly("identical-text", "shared-class", "earlier-filing")
			.path("conflicts[0].reasons[2].detail").entity(String.class).isEqualTo("filed 2004, before 2014")
			.path("conflicts[0].score").entity(Double.class).isEqualTo(90.0)
			.path("conflicts[0].registration.sources[*].source.id").entityList(String.class).contains("src:brief-public-record");
	}

	@Test
	void marksAreTerritorialAndOnlyEarlierFilingsCount() {
		this.graphql.document("{ conflicts(text: \"AWS\", classes: [42], jurisdiction: \"US\") { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ conflicts(text: \"AWS\", classes: [42], jurisdiction: \"CN\", date: \"2004\") { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"CN\", excludeOwners: [\"company:actionsoft\"]) { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ registrationConflicts(id: \"CTMO:4249189\") { score } }")
			.execute()
			.path("registrationConflicts").entityList(Object.class).hasSize(0);
	}

	@Test
	void squattingFindsActionSoftsEarlierAwsAndFlagsItsLinkToAmazonsPartnerWithinTwoHops() {
		this.graphql.document("""
				{ squatting(firmId: "company:amazon", jurisdiction: "CN") {
				    firstFiling markTexts hits { registration { id } markText nearPartner flag } } }""")
			.execute()
			.path("squatting.firstFiling").valueIsNull()
			.path("squatting.markTexts").entityList(String.class).contains("AWS")
			.path("squatting.hits[*].registration.id").entityList(String.class).containsExactly("CTMO:4249189")
			.path("squatting.hits[0].nearPartner").entity(Boolean.class).isEqualTo(false);
		this.graphql.document("""
				{ squatting(firmId: "company:amazon", jurisdiction: "CN", hops: 2) { hits { nearPartner partnerDistance flag } } }""")
			.execute()
			.path("squatting.hits[0].nearPartner").entity(Boolean.class).isEqualTo(true)
			.path("squatting.hits[0].partnerDistance").entity(Integer.class).isEqualTo(2)
			.path("squatting.hits[0].flag").entity(String.class)
			.isEqualTo("2 relationship(s) from the firm's partner Beijing Sinnet Technology Co. (via PARTY_TO, PARTY_TO)");
		this.graphql.document("{ squatting(firmId: \"company:amazon\", jurisdiction: \"JP\") { hits { markText } } }")
			.execute()
			.path("squatting.hits").entityList(Object.class).hasSize(0);
	}

	@Test
	void explainsWhatIsWrongWithBadInput() {
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"China\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().startsWith("jurisdiction must be an ISO 3166-1 alpha-2 code"))
			.verify();
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"CN\", classes: [0, 46]) { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("Nice classes run from 1 to 45, got [0, 46]"))
			.verify();
		this.graphql.document("{ conflicts(text: \"!!!\", jurisdiction: \"CN\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("text has no letters or digits to compare"))
			.verify();
		this.graphql.document("{ registrationConflicts(id: \"CTMO:0\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("No registration with id 'CTMO:0'"))
			.verify();
	}

}
