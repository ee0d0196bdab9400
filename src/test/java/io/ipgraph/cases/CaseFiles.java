package io.ipgraph.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real disputes of {@code src/test/resources/cases/}: each an ipgraph import file written from one case file
 * of the shared corpus, with its sources as {@code Source} nodes and every fact citing the quote that states it.
 * A case is imported through {@code POST /api/import}, as an editor would, and must import whole: no line refused.
 * Importing again changes nothing (nodes merge on their ids), so each test class imports the cases it needs, and
 * removes them when it is done ({@link #remove}), so that the tests that count what the seed holds still count it.
 */
public final class CaseFiles {

	private CaseFiles() {
	}

	/** The import file of a case, e.g. {@code castel-lidaozhi}. */
	public static String text(String caseName) {
		try {
			return Files.readString(Path.of("src/test/resources/cases", caseName + ".ndjson"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes what the case's file wrote: its sources, and the nodes and relationships that only they cite. A node or
	 * relationship that other sources cite too (the seed's, another test's) stays.
	 */
	public static void remove(io.ipgraph.store.GraphStore store, String caseName) {
		List<String> sources = text(caseName).lines()
			.filter(l -> l.contains("\"label\": \"Source\"") || l.contains("\"label\":\"Source\""))
			.map(l -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(l).get("id").asString())
			.toList();
		store.write("""
				MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL AND size(r.sourceIds) > 0 AND all(s IN r.sourceIds WHERE s IN $sources)
				DELETE r""", Map.of("sources", sources));
		// what others cite too keeps only their citations
		store.write("""
				MATCH ()-[r]->() WHERE any(s IN coalesce(r.sourceIds, []) WHERE s IN $sources)
				WITH r, [i IN range(0, size(r.sourceIds) - 1) WHERE NOT r.sourceIds[i] IN $sources] AS keep
				SET r.sourceIds = [i IN keep | r.sourceIds[i]], r.quotes = [i IN keep | r.quotes[i]]""", Map.of("sources", sources));
		store.write("""
				MATCH (n) WHERE NOT n.id IN $sources AND any(s IN coalesce(n.sourceIds, []) WHERE s IN $sources)
				  AND NOT all(s IN n.sourceIds WHERE s IN $sources)
				WITH n, [i IN range(0, size(n.sourceIds) - 1) WHERE NOT n.sourceIds[i] IN $sources] AS keep
				SET n.sourceIds = [i IN keep | n.sourceIds[i]], n.quotes = [i IN keep | n.quotes[i]]""", Map.of("sources", sources));
		store.write("""
				MATCH (n) WHERE n.id IN $sources
				   OR (n.sourceIds IS NOT NULL AND size(n.sourceIds) > 0 AND all(s IN n.sourceIds WHERE s IN $sources))
				DETACH DELETE n""", Map.of("sources", sources));
	}

	/** Imports the case as the editor and checks that no line was refused; returns the import's summary. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> load(int port, String caseName) {
		Map<String, Object> summary = GraphQlClient.http(port, "editor")
			.post()
			.uri("/api/import?name={name}.ndjson", caseName)
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(text(caseName))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(summary).isNotNull();
		assertThat((List<Object>) summary.get("rejections")).as("refused lines of case " + caseName).isEmpty();
		assertThat(((Number) summary.get("rejected")).longValue()).as("refused lines of case " + caseName).isZero();
		return summary;
	}

}
