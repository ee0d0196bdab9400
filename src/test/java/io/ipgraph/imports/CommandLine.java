package io.ipgraph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs ipgraph's command line ({@code import}, {@code export}, {@code report}) in a JVM of its own, with its own embedded Neo4j in
 * {@code dataDir}, as a user would; optionally kills it with SIGKILL once it reports a number of lines.
 */
public final class CommandLine {

	private static final Pattern PROGRESS = Pattern.compile("([\\d,]+) lines");

	private static final Pattern FINGERPRINT = Pattern.compile("graph: .*sha256 ([0-9a-f]{64})");

	private CommandLine() {
	}

	/** The exit code, whether it was killed, everything it printed, and what of that went to standard output. */
	public record Run(int exit, boolean killed, String output, String stdout) {

		String fingerprint() {
			Matcher m = FINGERPRINT.matcher(this.output);
			assertThat(m.find()).as(this.output).isTrue();
			return m.group(1);
		}

	}

	public static Run run(Path dataDir, long killAfter, String... args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
				"java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				"io.ipgraph.IpgraphApplication"));
		command.addAll(List.of(args));
		command.addAll(List.of("--ipgraph.embedded.data-dir=" + dataDir, "--ipgraph.embedded.bolt-port=0", "--ipgraph.embedded.page-cache=64m",
				"--logging.level.root=warn"));
		Process process = new ProcessBuilder(command).start();
		StringBuffer output = new StringBuffer();
		StringBuffer stdout = new StringBuffer();
		CompletableFuture<Boolean> killed = CompletableFuture.supplyAsync(() -> read(process, process.getErrorStream(), output, null, killAfter));
		CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(() -> read(process, process.getInputStream(), output, stdout, -1));
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the command did not finish in 10 minutes: " + output);
		}
		answered.get(1, TimeUnit.MINUTES);
		return new Run(process.exitValue(), killed.get(1, TimeUnit.MINUTES), output.toString(), stdout.toString());
	}

	private static boolean read(Process process, InputStream stream, StringBuffer output, StringBuffer copy, long killAfter) {
		try (InputStream in = stream) {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) >= 0) {
				output.append((char) c);
				if (copy != null) {
					copy.append((char) c);
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

}
