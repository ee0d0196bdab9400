package io.ipgraph.imports;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and round trip: the seed graph exported to the import format and imported into an empty database
 * (the command line in a JVM of its own, without the seed) is the same graph: the same counts per label and
 * type and the same content checksum.
 */
@IpgraphTest
class RoundTripTest {

	@Autowired
	GraphExport export;

	@Autowired
	GraphChecksum checksum;

	@Autowired
	GraphImporter importer;

	@Test
	void theExportedGraphImportedIntoAnEmptyDatabaseIsTheSameGraph(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("graph.jsonl");
		GraphExport.Exported exported;
		// as the export command runs: with the rights of whoever can read the store (restricted entities included)
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("export", null, "ROLE_EDITOR"));
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			exported = this.export.all(out);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		GraphChecksum.Fingerprint here = this.checksum.fingerprint();
		assertThat(exported.nodes()).isEqualTo(here.nodes());
		assertThat(exported.relationships()).isEqualTo(here.relationships() - here.types().getOrDefault("ABOUT", 0L));

		CommandLine.Run imported = CommandLine.run(dir.resolve("empty"), -1, "import", "--checksum", file.toString(),
				"--ipgraph.neo4j.seed=false");
		assertThat(imported.exit()).as(imported.output()).isZero();
		assertThat(imported.output()).contains(String.format(java.util.Locale.ROOT, "graph: %,d nodes, %,d relationships", here.nodes(),
				here.relationships()));
		assertThat(imported.fingerprint()).as(imported.output()).isEqualTo(here.sha256());
		// standard output holds the answer alone (the summary and the fingerprint); logs and progress went to standard error
		assertThat(imported.stdout()).contains("created").contains("sha256 " + here.sha256());
		assertThat(imported.stdout().lines()).as(imported.stdout())
			.noneMatch(line -> line.matches("^\\d{4}-\\d\\d-\\d\\dT.*") || line.contains(" WARN ") || line.contains(" INFO ") || line.contains(" lines/s"));
	}

	@Test
	void aSubgraphAroundAnEntityCarriesTheSourcesItCites() throws Exception {
		StringWriter out = new StringWriter();
		GraphExport.Exported exported = this.export.around(List.of("lawsuit:actionsoft-v-amazon-aws"), 1, out);
		String text = out.toString();
		assertThat(text.lines().filter(l -> l.contains("\"label\":\"Source\"")).count()).isGreaterThanOrEqualTo(2);
		assertThat(text).contains("\"id\":\"company:actionsoft\"", "\"id\":\"court:beijing-high-peoples-court\"", "\"type\":\"PARTY_TO\"")
			.doesNotContain("\"id\":\"seizure:yiwu\"");
		assertThat(exported.relationships()).isEqualTo(text.lines().filter(l -> l.startsWith("{\"kind\":\"relationship\"")).count());
		// every line is valid input: a dry run into the database it came from rejects nothing and creates nothing
		assertThat(text.lines().findFirst().orElseThrow()).startsWith("{\"kind\":\"node\",\"label\":\"Source\"");
		ImportSummary dry = this.importer.importStream("subgraph", new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), -1,
				true, 100, p -> { });
		assertThat(dry.rejections()).isEmpty();
		assertThat(dry.total("created")).isZero();
		assertThat(dry.total("updated")).isZero();
	}

}
