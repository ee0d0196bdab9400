package io.ipgraph.resolution;

import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlHttpTest;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Name resolution, same-entity candidates and analysts' merge/split judgements, over HTTP on the seed cases. */
class EntityResolutionTest extends GraphQlHttpTest {

	/** A second record of ActionSoft, as a registry extract would name it, with a registration of its own. */
	static final String FIXTURE = "company:test-yanhuang-yingxing";

	@Autowired
	GraphStore store;

	@AfterEach
	void removeFixtureAndJudgements() {
		this.store.write("""
				MATCH (j:Judgement) WHERE any(id IN j.entityIds WHERE id IN [$fixture, 'company:amazon', 'company:amazon-japan'])
				DETACH DELETE j""", Map.of("fixture", FIXTURE));
		this.store.write("MATCH ()-[l:SAME_AS]->() DELETE l", Map.of());
		this.store.write("MATCH (n) WHERE n.id IN [$fixture, 'TEST:1'] DETACH DELETE n", Map.of("fixture", FIXTURE));
	}

	@Test
	void everyNameUnderWhichTheSourcesNameAPartyResolvesToThatParty() {
		List<Record> named = this.store.read("""
				MATCH (p)-[r:PARTY_TO]->(:Lawsuit) WHERE r.nameAsGiven IS NOT NULL
				RETURN p.id AS id, r.nameAsGiven AS name""", Map.of());
		assertThat(named).isNotEmpty();
		for (Record r : named) {
			this.graphql.document("query($name: String!) { resolveName(name: $name) { entity { id } score reasons { kind } } }")
				.variable("name", r.get("name").asString())
				.execute()
				.path("resolveName[0].entity.id")
				.entity(String.class)
				.isEqualTo(r.get("id").asString());
		}
	}

	@Test
	void aliasesInTheBriefResolveWithTheirReasons() {
		Map<String, String> expected = Map.of("Beijing Yanhuang Yingxing", "company:actionsoft", "北京炎黄盈动科技发展有限责任公司",
				"company:actionsoft", "炎黄盈动", "company:actionsoft", "Huanghuanxin.com", "company:beijing-sinnet", "光环新网",
				"company:beijing-sinnet", "Guanghuan Xinwang", "company:beijing-sinnet", "ＡＭＡＺＯＮ．ＣＯＭ, INC.", "company:amazon",
				"Supreme Court", "court:supreme-peoples-court", "Japan Customs", "authority:japan-customs");
		expected.forEach((name, id) -> this.graphql
			.document("query($name: String!) { resolveName(name: $name) { entity { id } } }")
			.variable("name", name)
			.execute()
			.path("resolveName[0].entity.id")
			.entity(String.class)
			.satisfies(found -> assertThat(found).as(name).isEqualTo(id)));

		var sinnet = this.graphql.document("""
				{ resolveName(name: "Guanghuan Xinwang") { kind score matchedName alias reasons { kind weight detail }
				    entity { ... on Company { name } } } }""").execute();
		sinnet.path("resolveName[0].kind").entity(String.class).isEqualTo("Company");
		sinnet.path("resolveName[0].matchedName").entity(String.class).isEqualTo("光环新网");
		sinnet.path("resolveName[0].alias").entity(Boolean.class).isEqualTo(true);
		sinnet.path("resolveName[0].reasons[0].kind").entity(String.class).isEqualTo("transliteration");
		sinnet.path("resolveName[0].reasons[0].detail").entity(String.class)
			.isEqualTo("'光环新网' reads 'guanghuanxinwang' in pinyin, as 'Guanghuan Xinwang' is written");

		this.graphql.document("{ resolveName(name: \"?!\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("the name has no letters or digits to match on"))
			.verify();
		this.graphql.document("{ resolveName(name: \"Amazon\", kinds: [\"Registration\"]) { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().startsWith("Unknown kind 'Registration' for entity resolution"))
			.verify();
	}

	@Test
	void candidatesWithinAKindAndASplitThatSilencesThemUntilUndone() {
		var candidates = this.graphql.document("""
				{ sameEntityCandidates(kind: "Company") { a { id } b { id } score reasons { kind detail } } }""").execute();
		candidates.path("sameEntityCandidates[?(@.a.id == 'company:amazon' && @.b.id == 'company:amazon-japan')].reasons[0].kind")
			.entityList(String.class)
			.containsExactly("core-name");

		String split = as("editor").document("""
				mutation { splitEntities(ids: ["company:amazon", "company:amazon-japan"],
				    reason: "Amazon Japan is a subsidiary, not the parent") {
				  id decision status by at reason entities { id } } }""")
			.execute()
			.path("splitEntities.decision").entity(String.class).isEqualTo("SPLIT")
			.path("splitEntities.status").entity(String.class).isEqualTo("ACCEPTED")
			.path("splitEntities.entities[*].id").entityList(String.class).containsExactly("company:amazon", "company:amazon-japan")
			.path("splitEntities.id").entity(String.class).get();
		this.graphql.document("{ sameEntityCandidates(kind: \"Company\") { a { id } b { id } } }")
			.execute()
			.path("sameEntityCandidates[?(@.a.id == 'company:amazon' && @.b.id == 'company:amazon-japan')]")
			.entityList(Object.class)
			.hasSize(0);
		// a merge against an accepted split is refused, and nothing is written
		as("editor2").document("mutation { mergeEntities(ids: [\"company:amazon-japan\", \"company:amazon\"], reason: \"same\") { id } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().startsWith("Cannot merge: split judgement " + split))
			.verify();
		assertThat(this.store.read("MATCH (j:Judgement {decision: 'MERGE'}) WHERE 'company:amazon' IN j.entityIds RETURN j", Map.of())).isEmpty();

		as("editor2").document("mutation($id: ID!) { undoJudgement(id: $id, reason: \"reopened\") { status undoneBy undoReason } }")
			.variable("id", split)
			.execute()
			.path("undoJudgement.status").entity(String.class).isEqualTo("UNDONE")
			.path("undoJudgement.undoneBy").entity(String.class).isEqualTo("editor2");
		this.graphql.document("{ sameEntityCandidates(kind: \"Company\") { a { id } b { id } } }")
			.execute()
			.path("sameEntityCandidates[?(@.a.id == 'company:amazon' && @.b.id == 'company:amazon-japan')]")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void aMergeIsFollowedByTheQueriesAndUndoneWithoutLoss() {
		// a registry extract names ActionSoft by the transliteration and holds a registration of its own
		this.store.write("""
				CREATE (c:Company {id: $fixture, name: 'Beijing Yanhuang Yingxing Technology Development Co., Ltd.', aliases: [],
				        country: 'CN', sourceIds: ['src:brief-public-record'], quotes: ['test fixture']})
				CREATE (r:Registration {id: 'TEST:1', office: 'CTMO', number: '1', jurisdiction: 'CN', markText: 'ACTIONSOFT',
				        classes: [42], filedOn: '2003-05', sourceIds: ['src:brief-public-record'], quotes: ['test fixture']})
				CREATE (c)-[:OWNS {from: '2003-05', sourceIds: ['src:brief-public-record'], quotes: ['test fixture']}]->(r)""",
				Map.of("fixture", FIXTURE));
		this.store.write("MATCH (c:Company {id: $fixture}) SET c.nameKeys = $keys",
				Map.of("fixture", FIXTURE, "keys", NameKeys.indexKeys(List.of("Beijing Yanhuang Yingxing Technology Development Co., Ltd."))));

		this.graphql.document("query($id: ID!) { sameEntityCandidates(id: $id) { b { id } score matchedName reasons { kind } } }")
			.variable("id", FIXTURE)
			.execute()
			.path("sameEntityCandidates[0].b.id").entity(String.class).isEqualTo("company:actionsoft")
			.path("sameEntityCandidates[0].matchedName").entity(String.class).isEqualTo("Beijing Yanhuang Yingxing Technology Development Co.")
			.path("sameEntityCandidates[0].reasons[0].kind").entity(String.class).isEqualTo("normalized-name");

		String merge = as("editor").document("""
				mutation($id: ID!) { mergeEntities(ids: ["company:actionsoft", $id],
				    reason: "Same Chinese name 北京炎黄盈动 in both records") { id decision status } }""")
			.variable("id", FIXTURE)
			.execute()
			.path("mergeEntities.status").entity(String.class).isEqualTo("ACCEPTED")
			.path("mergeEntities.id").entity(String.class).get();

		this.graphql.document("query($id: ID!) { identity(id: $id) { canonical { id } members { id } names } }")
			.variable("id", FIXTURE)
			.execute()
			.path("identity.canonical.id").entity(String.class).isEqualTo("company:actionsoft")
			.path("identity.members[*].id").entityList(String.class).containsExactly("company:actionsoft", FIXTURE)
			.path("identity.names").entityList(String.class).contains("北京炎黄盈动科技发展有限责任公司",
					"Beijing Yanhuang Yingxing Technology Development Co., Ltd.");
		// the merged record's registration is now ActionSoft's: in marks per owner, the timeline and the neighbourhood
		this.graphql.document("{ marksPerOwner { owner { id } registrationCount markTexts } }")
			.execute()
			.path("marksPerOwner[?(@.owner.id == 'company:actionsoft')].registrationCount").entityList(Integer.class).containsExactly(2)
			.path("marksPerOwner[?(@.owner.id == '" + FIXTURE + "')]").entityList(Object.class).hasSize(0);
		this.graphql.document("{ timeline(id: \"company:actionsoft\", depth: 1) { date kind entity { id } } }")
			.execute()
			.path("timeline[?(@.entity.id == 'TEST:1')].kind").entityList(String.class).contains("application-filed");
		this.graphql.document("{ neighbourhood(id: \"company:actionsoft\") { relationships { type from to sources { source { id kind } } } } }")
			.execute()
			.path("neighbourhood.relationships[?(@.type == 'SAME_AS')].sources[0].source.id").entityList(String.class).containsExactly(merge)
			.path("neighbourhood.relationships[?(@.type == 'SAME_AS')].sources[0].source.kind").entityList(String.class)
			.containsExactly("analyst-judgement");
		// and the pair is no longer a candidate
		this.graphql.document("query($id: ID!) { sameEntityCandidates(id: $id) { b { id } } }")
			.variable("id", FIXTURE)
			.execute()
			.path("sameEntityCandidates[?(@.b.id == 'company:actionsoft')]").entityList(Object.class).hasSize(0);
		this.graphql.document("{ judgements(entityId: \"company:actionsoft\") { id by reason entities { id } } }")
			.execute()
			.path("judgements[0].id").entity(String.class).isEqualTo(merge)
			.path("judgements[0].by").entity(String.class).isEqualTo("editor");

		// undone: the two are apart again, the judgement stays with who undid it
		as("editor2").document("mutation($id: ID!) { undoJudgement(id: $id, reason: \"different firms\") { status } }")
			.variable("id", merge)
			.execute()
			.path("undoJudgement.status").entity(String.class).isEqualTo("UNDONE");
		this.graphql.document("{ marksPerOwner { owner { id } registrationCount } }")
			.execute()
			.path("marksPerOwner[?(@.owner.id == 'company:actionsoft')].registrationCount").entityList(Integer.class).containsExactly(1);
		this.graphql.document("query($id: ID!) { identity(id: $id) { members { id } } }")
			.variable("id", FIXTURE)
			.execute()
			.path("identity.members[*].id").entityList(String.class).containsExactly(FIXTURE);
		this.graphql.document("{ judgements(entityId: \"company:actionsoft\", includeUndone: true) { status undoneBy } }")
			.execute()
			.path("judgements[0].status").entity(String.class).isEqualTo("UNDONE")
			.path("judgements[0].undoneBy").entity(String.class).isEqualTo("editor2");
		as("editor2").document("mutation($id: ID!) { undoJudgement(id: $id, reason: \"again\") { status } }")
			.variable("id", merge)
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("Judgement " + merge + " is already undone"))
			.verify();
	}

	@Test
	void badJudgementsAreRefusedWithoutWriting() {
		long before = judgementCount();
		as("editor").document("mutation { mergeEntities(ids: [\"company:amazon\"], reason: \"r\") { id } }")
			.execute().errors().expect(e -> e.getMessage().equals("name at least two different entities")).verify();
		as("editor").document("mutation { mergeEntities(ids: [\"company:amazon\", \"court:supreme-peoples-court\"], reason: \"r\") { id } }")
			.execute().errors().expect(e -> e.getMessage().startsWith("Only entities of one kind can be merged or split")).verify();
		as("editor").document("mutation { mergeEntities(ids: [\"company:amazon\", \"company:nobody\"], reason: \"r\") { id } }")
			.execute().errors().expect(e -> e.getMessage().startsWith("No entity with id 'company:nobody'")).verify();
		as("editor").document("mutation { mergeEntities(ids: [\"company:amazon\", \"company:nwcd\"], reason: \" \") { id } }")
			.execute().errors().expect(e -> e.getMessage().equals("a judgement needs a reason")).verify();
		assertThat(judgementCount()).isEqualTo(before);
		assertThat(this.store.read("MATCH ()-[l:SAME_AS]->() RETURN l", Map.of())).isEmpty();
	}

	private long judgementCount() {
		return this.store.read("MATCH (j:Judgement) RETURN count(j) AS n", Map.of()).getFirst().get("n").asLong();
	}

}
