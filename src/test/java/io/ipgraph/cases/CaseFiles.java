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
 * Importing again changes nothing (nodes merge on their ids), so each test class imports the cases it needs.
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
