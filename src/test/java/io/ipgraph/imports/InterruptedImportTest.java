package io.ipgraph.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.ipgraph.embedded.StoreMaintenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line import killed with SIGKILL in the middle of a file, then run again, ends with the same
 * graph (counts and content checksum) as an import that was never interrupted. Each run is its own JVM with
 * its own embedded Neo4j, started as the README says.
 */
class InterruptedImportTest {

	@Test
	void aKilledImportCompletesOnReRunWithTheSameGraph(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("registry.jsonl");
		int companies = 15_000;
		write(file, companies);

		CommandLine.Run whole = CommandLine.run(dir.resolve("whole"), -1, "import", "--checksum", file.toString());
		assertThat(whole.exit()).as(whole.output()).isZero();

		CommandLine.Run killed = CommandLine.run(dir.resolve("resumed"), 12_000, "import", "--checksum", file.toString());
		assertThat(killed.killed()).as("killed mid-way: " + killed.output()).isTrue();
		// the killed store: Neo4j's consistency checker finds it sound, and every batch the import reported as
		// written (progress is reported after a batch commits) is there
		StoreMaintenance.Report crashed = StoreMaintenance.check(dir.resolve("resumed"));
		assertThat(crashed.consistent()).as(crashed.summary()).isTrue();
		long acknowledgedLines = java.util.regex.Pattern.compile("([\\d,]+) lines").matcher(killed.output()).results()
			.mapToLong(m -> Long.parseLong(m.group(1).replace(",", ""))).max().orElseThrow();
		assertThat(acknowledgedLines).isGreaterThanOrEqualTo(12_000);
		long seedCompanies = 7;
		assertThat(crashed.labels().get("Company") - seedCompanies).as("companies written before the kill")
			.isGreaterThanOrEqualTo((acknowledgedLines - 1) / 3).isLessThan(companies);
		CommandLine.Run resumed = CommandLine.run(dir.resolve("resumed"), -1, "import", "--checksum", file.toString());
		assertThat(resumed.exit()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("unchanged");

		assertThat(resumed.fingerprint()).isEqualTo(whole.fingerprint());
		assertThat(whole.output()).containsPattern("graph: [\\d,]+ nodes").contains("Company=" + (companies + 7));
	}

	/** A registry extract: one source, companies, their registrations and ownerships. */
	private static void write(Path file, int companies) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"kind\":\"node\",\"label\":\"Source\",\"id\":\"src:crash-test\",\"properties\":{\"title\":\"Generated extract\",\"kind\":\"registry-record\"}}\n");
			for (int i = 0; i < companies; i++) {
				out.write(String.format(Locale.ROOT,
						"{\"kind\":\"node\",\"label\":\"Company\",\"id\":\"company:crash-%d\",\"properties\":{\"name\":\"Holder %d Ltd\",\"aliases\":[]},\"sources\":[{\"id\":\"src:crash-test\",\"quote\":\"row %d\"}]}%n",
						i, i, i));
				out.write(String.format(Locale.ROOT,
						"{\"kind\":\"node\",\"label\":\"Registration\",\"id\":\"CTMO:%d\",\"properties\":{\"office\":\"CTMO\",\"number\":\"%d\",\"jurisdiction\":\"CN\",\"markText\":\"MARK%d\",\"classes\":[%d],\"filedOn\":\"20%02d\"},\"sources\":[{\"id\":\"src:crash-test\",\"quote\":\"row %d\"}]}%n",
						50_000_000 + i, 50_000_000 + i, i, 1 + i % 45, i % 25, i));
				out.write(String.format(Locale.ROOT,
						"{\"kind\":\"relationship\",\"type\":\"OWNS\",\"from\":\"company:crash-%d\",\"to\":\"CTMO:%d\",\"sources\":[{\"id\":\"src:crash-test\",\"quote\":\"row %d\"}]}%n",
						i, 50_000_000 + i, i));
			}
		}
	}

}
