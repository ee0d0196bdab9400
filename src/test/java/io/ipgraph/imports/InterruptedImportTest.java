package io.ipgraph.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line import killed with SIGKILL in the middle of a file, then run again, ends with the same
 * graph (counts and content checksum) as an import that was never interrupted. Each run is its own JVM with
 * its own embedded Neo4j, started as the README says.
 */
class InterruptedImportTest {

	private static final Pattern PROGRESS = Pattern.compile("([\\d,]+) lines");

	private static final Pattern FINGERPRINT = Pattern.compile("graph: .*sha256 ([0-9a-f]{64})");

	@Test
	void aKilledImportCompletesOnReRunWithTheSameGraph(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("registry.jsonl");
		int companies = 15_000;
		write(file, companies);

		Run whole = importInto(dir.resolve("whole"), file, -1);
		assertThat(whole.exit()).as(whole.output()).isZero();

		Run killed = importInto(dir.resolve("resumed"), file, 12_000);
		assertThat(killed.killed()).as("killed mid-way: " + killed.output()).isTrue();
		Run resumed = importInto(dir.resolve("resumed"), file, -1);
		assertThat(resumed.exit()).as(resumed.output()).isZero();
		assertThat(resumed.output()).contains("unchanged");

		String expected = fingerprint(whole.output());
		assertThat(fingerprint(resumed.output())).isEqualTo(expected);
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

	record Run(int exit, boolean killed, String output) {
	}

	/** Runs {@code import --checksum FILE} in a new JVM; kills it with SIGKILL once it reports {@code killAfter} lines. */
	private static Run importInto(Path dataDir, Path file, long killAfter) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
				"java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				"io.ipgraph.IpgraphApplication", "import", "--checksum", file.toString(), "--ipgraph.embedded.data-dir=" + dataDir,
				"--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=64m", "--logging.level.root=warn"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		CompletableFuture<Boolean> killed = CompletableFuture.supplyAsync(() -> read(process, output, killAfter));
		boolean finished = process.waitFor(10, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
			throw new AssertionError("import did not finish in 10 minutes: " + output);
		}
		return new Run(process.exitValue(), killed.get(1, TimeUnit.MINUTES), output.toString());
	}

	private static boolean read(Process process, StringBuilder output, long killAfter) {
		try (InputStream in = process.getInputStream()) {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0) {
				synchronized (output) {
					output.append((char) c);
				}
				if (c == '\r' || c == '\n') {
					Matcher m = PROGRESS.matcher(line);
					if (killAfter > 0 && m.find() && Long.parseLong(m.group(1).replace(",", "")) >= killAfter) {
						process.destroyForcibly();
						return true;
					}
					line.setLength(0);
				}
				else {
					line.append((char) c);
				}
			}
		}
		catch (IOException ex) {
			// the process went away
		}
		return false;
	}

	private static String fingerprint(String output) {
		Matcher m = FINGERPRINT.matcher(output);
		assertThat(m.find()).as(output).isTrue();
		return m.group(1);
	}

}
