package io.ipgraph.generated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.ipgraph.GraphQlClient;
import io.ipgraph.bench.MarkDataGenerator;
import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.conflict.ConflictScorer.Candidate;
import io.ipgraph.conflict.ConflictScorer.Query;
import io.ipgraph.conflict.ConflictScorer.Scored;
import io.ipgraph.keys.MarkKeys;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyses on generated data (a database of its own, not the seed's): every answer is checked against
 * the same figure computed in Java from the generator's own lists, so the queries are tested on data nobody
 * wrote by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ipgraph.embedded.bolt-port=0", "ipgraph.embedded.data-dir=target/test-neo4j/generated",
				"ipgraph.embedded.page-cache=128m", "ipgraph.neo4j.seed=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedGraphTest {

	@LocalServerPort
	int port;

	@Autowired
	GraphStore store;

	GeneratedGraph graph;

	HttpGraphQlTester graphql;

	@BeforeAll
	void generateAndLoad() {
		this.store.write("MATCH (n) WHERE NOT n:IpgraphMigration DETACH DELETE n", Map.of());
		this.graph = new GeneratedGraph();
		this.graph.load(this.store);
		this.graphql = GraphQlClient.tester(this.port);
	}

	@Test
	void damagesTotalsEqualTheSumsOfTheRulings() {
		Map<String, double[]> expected = new TreeMap<>();
		this.graph.rulings.values().forEach(r -> {
			double[] sum = expected.computeIfAbsent(r[0] + "|" + r[1] + "|" + r[2], k -> new double[2]);
			sum[0] += (long) r[3];
			sum[1]++;
		});
		List<Map<String, Object>> totals = this.graphql.document("{ damagesTotals { jurisdiction year currency total rulingCount } }")
			.execute()
			.path("damagesTotals")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
			.get();
		Map<String, double[]> actual = new TreeMap<>();
		totals.forEach(t -> actual.put(t.get("jurisdiction") + "|" + t.get("year") + "|" + t.get("currency"),
				new double[] { ((Number) t.get("total")).doubleValue(), ((Number) t.get("rulingCount")).doubleValue() }));
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		expected.forEach((key, sum) -> assertThat(actual.get(key)).as(key).containsExactly(sum));
	}

	@Test
	void seizuresPerCountryAndContradictionsMatchTheGenerator() {
		Map<String, int[]> expected = new TreeMap<>();
		this.graph.seizures.values().forEach(s -> {
			int[] v = expected.computeIfAbsent((String) s[0], k -> new int[2]);
			v[0]++;
			v[1] += (int) s[1];
		});
		var stats = this.graphql.document("{ seizureStats(groupBy: COUNTRY) { key seizureCount itemCount } }").execute();
		expected.forEach((country, v) -> {
			stats.path("seizureStats[?(@.key == '" + country + "')].seizureCount").entityList(Integer.class).containsExactly(v[0]);
			stats.path("seizureStats[?(@.key == '" + country + "')].itemCount").entityList(Integer.class).containsExactly(v[1]);
		});
		this.graphql.document("{ contradictions(property: \"damagesAmount\") { subject { id } claims { value } } }")
			.execute()
			.path("contradictions[*].subject.id")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(this.graph.disputedRulings));
	}

	@Test
	void marksPerOwnerAndTheLawsuitCountSortAgreeWithCounting() {
		Map<String, Integer> perOwner = new HashMap<>();
		this.graph.owners.values().forEach(o -> perOwner.merge(o, 1, Integer::sum));
		var answer = this.graphql.document("{ marksPerOwner(limit: 10) { owner { id } registrationCount } }").execute();
		List<String> ids = answer.path("marksPerOwner[*].owner.id").entityList(String.class).get();
		List<Integer> counts = answer.path("marksPerOwner[*].registrationCount").entityList(Integer.class).get();
		assertThat(ids).hasSize(10);
		for (int i = 0; i < ids.size(); i++) {
			assertThat(counts.get(i)).as(ids.get(i)).isEqualTo(perOwner.get(ids.get(i)));
		}
		assertThat(counts.getFirst()).isEqualTo(perOwner.values().stream().max(Integer::compare).orElseThrow());
		assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());

		int most = this.graph.lawsuitsPerCompany.values().stream().max(Integer::compare).orElseThrow();
		String top = this.graphql.document("{ companies(sort: [{ lawsuitsCount: DESC }], limit: 1) { id } }")
			.execute()
			.path("companies[0].id")
			.entity(String.class)
			.get();
		assertThat(this.graph.lawsuitsPerCompany.get(top)).isEqualTo(most);
	}

	@Test
	void shortestPathsHaveTheBreadthFirstLength() {
		Random random = new Random(3);
		List<String> companies = new ArrayList<>(this.graph.localNames.keySet());
		companies.addAll(this.graph.firms);
		int compared = 0;
		for (int i = 0; i < 15; i++) {
			String from = companies.get(random.nextInt(companies.size()));
			String to = companies.get(random.nextInt(companies.size()));
			if (from.equals(to)) {
				continue;
			}
			int expected = this.graph.distance(from, to, 4);
			List<Integer> lengths = this.graphql.document("query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { length } }")
				.variable("a", from)
				.variable("b", to)
				.execute()
				.path("paths[*].length")
				.entityList(Integer.class)
				.get();
			if (expected < 0) {
				assertThat(lengths).as(from + " to " + to).isEmpty();
			}
			else {
				assertThat(lengths).as(from + " to " + to).isNotEmpty().containsOnly(expected);
			}
			compared++;
		}
		assertThat(compared).isGreaterThan(10);
	}

	@Test
	void neighbourhoodHoldsEveryNeighbourOrSaysItWasCut() {
		String firm = this.graph.firms.getFirst();
		int degree = this.graph.adjacency.get(firm).size();
		var all = this.graphql.document("query($id: ID!) { neighbourhood(id: $id, limit: 1000) { truncated nodes { id } } }")
			.variable("id", firm)
			.execute();
		all.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(false);
		all.path("neighbourhood.nodes[*].id").entityList(String.class).hasSize(degree + 1);
		this.graphql.document("query($id: ID!) { neighbourhood(id: $id, limit: 2) { truncated nodes { id } } }")
			.variable("id", firm)
			.execute()
			.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(true)
			.path("neighbourhood.nodes[*].id").entityList(String.class).hasSize(3);
	}

	@Test
	void conflictSearchFindsWhatScoringEveryRegistrationFinds() {
		MarkDataGenerator queries = new MarkDataGenerator(99);
		Map<String, List<Candidate>> byJurisdiction = new HashMap<>();
		for (MarkDataGenerator.Row row : this.graph.registrations) {
			byJurisdiction.computeIfAbsent(row.jurisdiction(), k -> new ArrayList<>())
				.add(new Candidate(row.id(), row.markText(), row.keys().normalized(), row.keys().pinyin(), row.keys().phonetic(), row.classes(),
						row.filedOn()));
		}
		int found = 0;
		int expected = 0;
		for (int q = 0; q < 30; q++) {
			String text = q % 2 == 0 ? this.graph.registrations.get(q * 97).markText() : queries.queryText();
			List<Integer> classes = queries.classes();
			String jurisdiction = queries.jurisdiction();
			List<Scored> exhaustive = new ArrayList<>();
			for (Candidate c : byJurisdiction.getOrDefault(jurisdiction, List.of())) {
				Scored s = ConflictScorer.score(Query.of(text, classes, null), c);
				if (s != null) {
					exhaustive.add(s);
				}
			}
			exhaustive.sort(Comparator.comparingDouble(Scored::score).reversed());
			List<String> answer = this.graphql.document("query($t: String!, $c: [Int!], $j: String!) { conflicts(text: $t, classes: $c, jurisdiction: $j, limit: 100) { registration { id } score } }")
				.variable("t", text)
				.variable("c", classes)
				.variable("j", jurisdiction)
				.execute()
				.path("conflicts[*].registration.id")
				.entityList(String.class)
				.get();
			for (Scored s : exhaustive.subList(0, Math.min(10, exhaustive.size()))) {
				expected++;
				if (answer.contains(s.registrationId())) {
					found++;
				}
			}
		}
		assertThat(expected).isGreaterThan(20);
		assertThat((double) found / expected).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void squattingFlagsTheEarlierFilingAndWhetherAPartnerHoldsIt() {
		for (String firm : this.graph.firms) {
			var report = this.graphql.document("query($id: ID!) { squatting(firmId: $id, jurisdiction: \"CN\") { firstFiling hits { registration { id } nearPartner firmFiling } } }")
				.variable("id", firm)
				.execute();
			List<String> group = new ArrayList<>(this.graph.subsidiaries.get(firm));
			group.add(firm);
			String first = this.graph.owners.entrySet()
				.stream()
				.filter(e -> group.contains(e.getValue()))
				.map(e -> this.graph.filedOn.get(e.getKey()))
				.filter(java.util.Objects::nonNull)
				.min(String::compareTo)
				.orElseThrow();
			report.path("squatting.firstFiling").entity(String.class).isEqualTo(first);
			String squat = this.graph.squatted.get(firm);
			report.path("squatting.hits[?(@.registration.id == '" + squat + "')].firmFiling").entityList(String.class)
				.containsExactly("2012-06-01");
			report.path("squatting.hits[?(@.registration.id == '" + squat + "')].nearPartner")
				.entityList(Boolean.class)
				.containsExactly(this.graph.squattedByPartner.get(firm));
		}
	}

	@Test
	void traceReturnsTheGroupAndItsPartners() {
		for (String firm : this.graph.firms) {
			var trace = this.graphql.document("query($id: ID!) { trace(companyId: $id, jurisdiction: \"CN\") { subsidiaries { id } partners { partner { id } } } }")
				.variable("id", firm)
				.execute();
			trace.path("trace.subsidiaries[*].id").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(this.graph.subsidiaries.get(firm)));
			trace.path("trace.partners[*].partner.id").entityList(String.class).satisfies(list -> assertThat(list).containsExactlyInAnyOrderElementsOf(this.graph.partners.get(firm)));
		}
	}

	@Test
	void timelinesAreInDateOrder() {
		for (String lawsuit : List.of("lawsuit:gen-0", "lawsuit:gen-7", "lawsuit:gen-21")) {
			Object[] ruling = this.graph.rulings.get(lawsuit);
			var timeline = this.graphql.document("query($id: ID!) { timeline(id: $id) { date kind } }").variable("id", lawsuit).execute();
			List<String> dates = timeline.path("timeline[*].date").entityList(String.class).get();
			assertThat(dates).isSorted();
			timeline.path("timeline[?(@.kind == 'lawsuit-filed')].date").entityList(String.class).containsExactly(ruling[1] + "-03");
			timeline.path("timeline[?(@.kind == 'ruling')].date").entityList(String.class).containsExactly(ruling[1] + "-11");
		}
	}

	@Test
	void companyNamesResolveFromTheirVariants() {
		int resolved = 0;
		for (Map.Entry<String, List<String>> company : this.graph.localNames.entrySet()) {
			String name = company.getValue().getFirst();
			String variant;
			if (name.endsWith("科技有限公司")) {
				String core = name.substring(0, name.length() - "科技有限公司".length());
				StringBuilder spelled = new StringBuilder();
				core.chars().forEach(c -> spelled.append(spelled.isEmpty() ? "" : " ").append(capitalized(MarkKeys.pinyin(String.valueOf((char) c)))));
				variant = spelled + " Technology Co., Ltd.";
			}
			else {
				variant = fullWidth(name.toUpperCase(java.util.Locale.ROOT).replace(" CO., LTD.", " COMPANY LIMITED"));
			}
			String top = this.graphql.document("query($n: String!) { resolveName(name: $n, limit: 1) { entity { id } } }")
				.variable("n", variant)
				.execute()
				.path("resolveName[0].entity.id")
				.entity(String.class)
				.get();
			if (company.getKey().equals(top)) {
				resolved++;
			}
		}
		assertThat(resolved).isEqualTo(this.graph.localNames.size());
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static String fullWidth(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
		return out.toString();
	}

}
