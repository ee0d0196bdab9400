package io.ipgraph.generate;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.ipgraph.IpgraphTest;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator: deterministic, about the size asked for, and every line valid input for the import. */
@IpgraphTest
class DataGeneratorTest {

	@Autowired
	GraphImporter importer;

	@Test
	void theSameSeedGivesTheSameFileAndAnotherSeedAnotherOne() throws Exception {
		assertThat(generate(7, 2000)).isEqualTo(generate(7, 2000)).isNotEqualTo(generate(8, 2000));
	}

	@Test
	void everyLineImportsAndTheImportCountsWhatTheGeneratorWrote() throws Exception {
		StringWriter out = new StringWriter();
		DataGenerator.Counts counts = new DataGenerator(42, 3000).write(out, done -> { });
		assertThat(counts.nodeTotal()).isBetween(3000L, 3100L);
		assertThat(counts.relationshipTotal()).isGreaterThan(2 * counts.nodeTotal());
		assertThat(counts.nodes()).containsKeys("Company", "Mark", "Registration", "Lawsuit", "Ruling", "Appeal", "Seizure", "Product", "Source");
		// a dry run: validated and written in a transaction that is rolled back, so the shared database is untouched
		ImportSummary summary = this.importer.importStream("generated", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)),
				-1, true, GraphImporter.DEFAULT_BATCH, p -> { });
		assertThat(summary.rejections()).as(summary.table()).isEmpty();
		// (jurisdictions and offices such as CN and CTMO are also in the seed: there they update)
		for (Map.Entry<String, Long> kind : counts.nodes().entrySet()) {
			long[] c = summary.counts(kind.getKey());
			assertThat(c[0] + c[1] + c[2]).as(kind.getKey() + "\n" + summary.table()).isEqualTo(kind.getValue());
		}
		for (Map.Entry<String, Long> kind : counts.relationships().entrySet()) {
			long[] c = summary.counts(kind.getKey());
			assertThat(c[0] + c[1] + c[2]).as(kind.getKey() + "\n" + summary.table()).isEqualTo(kind.getValue());
		}
		assertThat(summary.counts("Registration")[0]).isEqualTo(counts.nodes().get("Registration"));
		assertThat(summary.counts("OWNS")[0]).isEqualTo(counts.relationships().get("OWNS"));
	}

	private static String generate(long seed, long nodes) throws Exception {
		StringWriter out = new StringWriter();
		new DataGenerator(seed, nodes).write(out, done -> { });
		return out.toString();
	}

}
