package io.ipgraph.resolution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import io.ipgraph.store.GraphStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of name resolution on labelled pairs of names from the case files
 * ({@code src/test/resources/resolution/name-pairs.tsv}): the left name of each pair is written as an entity of
 * its own, with that name alone, and {@code resolveName} is asked for the right name. A pair counts as predicted
 * a match when its own left entity is among the answers with a score of at least {@link #THRESHOLD}; the other
 * pairs' entities that the name also finds do not count for it.
 */
@IpgraphTest
class NameResolutionQualityTest {

	static final Path PAIRS = Path.of("src/test/resources/resolution/name-pairs.tsv");

	/** The least score counted as a match: the default {@code minScore} of {@code sameEntityCandidates}. */
	static final double THRESHOLD = 0.5;

	/** The figures measured on the pairs, rounded down to 0.05: a regression below them fails the test. */
	static final double MIN_PRECISION = 1.0;

	static final double MIN_RECALL = 0.75;

	static final String SOURCE = "src:nrq";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	GraphStore store;

	record Pair(int n, String left, String right, String kind, boolean match, String caseFile, String note) {

		String id() {
			return this.kind.toLowerCase() + ":nrq-" + this.n;
		}

	}

	@BeforeEach
	@AfterEach
	void removePairEntities() {
		this.store.write("MATCH (n) WHERE n.id STARTS WITH 'person:nrq-' OR n.id STARTS WITH 'company:nrq-' OR n.id = $source DETACH DELETE n",
				Map.of("source", SOURCE));
	}

	@Test
	void theNameVariantsOfTheCasesAreFoundAndLookAlikePartiesAreNot() throws IOException {
		List<Pair> pairs = pairs();
		assertThat(pairs.stream().filter(Pair::match)).hasSizeGreaterThanOrEqualTo(60);
		assertThat(pairs.stream().filter(p -> !p.match())).hasSizeGreaterThanOrEqualTo(60);
		importLeftNames(pairs);

		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		List<String> errors = new ArrayList<>();
		for (Pair pair : pairs) {
			double score = scoreOfOwnEntity(pair);
			boolean predicted = score >= THRESHOLD;
			if (predicted && pair.match()) {
				tp++;
			}
			else if (predicted) {
				fp++;
				errors.add("FP  " + pair.left() + " | " + pair.right() + " (" + score + ", " + pair.note() + ")");
			}
			else if (pair.match()) {
				fn++;
				errors.add("FN  " + pair.left() + " | " + pair.right() + " (" + pair.note() + ")");
			}
			else {
				tn++;
			}
		}
		double precision = tp / (double) (tp + fp);
		double recall = tp / (double) (tp + fn);
		System.out.printf("Name resolution on %d labelled pairs (threshold %.2f): precision %.3f, recall %.3f (TP %d, FP %d, FN %d, TN %d)%n",
				pairs.size(), THRESHOLD, precision, recall, tp, fp, fn, tn);
		errors.forEach(System.out::println);
		assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
		assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
	}

	/** The score with which the right name of a pair finds that pair's left entity, 0 when it is not found. */
	private double scoreOfOwnEntity(Pair pair) {
		List<Map<String, Object>> found = GraphQlClient.tester(this.port)
			.document("query($name: String!, $kind: String!) { resolveName(name: $name, kinds: [$kind], limit: 100) { entity { id } score } }")
			.variable("name", pair.right())
			.variable("kind", pair.kind())
			.execute()
			.path("resolveName")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return found.stream()
			.filter(m -> pair.id().equals(((Map<?, ?>) m.get("entity")).get("id")))
			.mapToDouble(m -> ((Number) m.get("score")).doubleValue())
			.max()
			.orElse(0);
	}

	/** Each pair's left name as an entity of its kind, with the name alone, citing the case file that gives it. */
	private void importLeftNames(List<Pair> pairs) throws IOException {
		StringBuilder file = new StringBuilder();
		file.append(JSON.writeValueAsString(Map.of("kind", "node", "label", "Source", "id", SOURCE, "properties",
				Map.of("title", "Names of the parties as the case files give them", "kind", "analyst-note"))))
			.append('\n');
		for (Pair pair : pairs) {
			file.append(JSON.writeValueAsString(Map.of("kind", "node", "label", pair.kind(), "id", pair.id(), "properties",
					Map.of("name", pair.left()), "sources", List.of(Map.of("id", SOURCE, "quote", pair.left() + " (" + pair.caseFile() + ")")))))
				.append('\n');
		}
		Map<?, ?> summary = GraphQlClient.http(this.port, "editor")
			.post()
			.uri("/api/import?name=name-pairs.jsonl")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(file.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(summary).isNotNull();
		assertThat(((Number) summary.get("rejected")).longValue()).as("refused lines: " + summary.get("rejections")).isZero();
	}

	static List<Pair> pairs() throws IOException {
		List<String> lines = Files.readAllLines(PAIRS, StandardCharsets.UTF_8);
		assertThat(lines.getFirst()).isEqualTo("left\tright\tkind\tlabel\tcase\tnote");
		List<Pair> pairs = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split("\t", -1);
			assertThat(f).as(line).hasSize(6);
			assertThat(f[2]).as(line).isIn("Company", "Person");
			assertThat(f[3]).as(line).isIn("match", "no-match");
			pairs.add(new Pair(pairs.size() + 1, f[0], f[1], f[2], f[3].equals("match"), f[4], f[5]));
		}
		return pairs;
	}

}
