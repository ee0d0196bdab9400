package io.ipgraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the external programs of the tests (node, cypher-shell, npm) and returns what they print. */
public final class Processes {

	private Processes() {
	}

	/** Runs {@code command} in {@code dir}, fails the test unless it exits 0 within the time, and returns its output. */
	public static String run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		Path log = Files.createTempFile("ipgraph-client", ".log");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
		// the test analyst of src/test/resources/config/application.yml, for the pages that need a signed-in user
		builder.environment().put("IPGRAPH_USER", "analyst");
		builder.environment().put("IPGRAPH_PASSWORD", "analyst-test-pw");
		Process process = builder
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		String out = Files.readString(log, StandardCharsets.UTF_8);
		if (!finished) {
			process.destroyForcibly();
			throw new AssertionError("Timed out: " + command + "\n" + out);
		}
		assertThat(process.exitValue()).as("exit code of %s, output:%n%s", command, out).isZero();
		return out;
	}

	/** The Playwright package of the browser tests, installed from npm on first use. */
	public static Path browserScripts() throws IOException, InterruptedException {
		Path dir = Path.of("src/test/browser");
		if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
			run(List.of("npm", "install", "--no-audit", "--no-fund"), dir, 600);
		}
		return dir;
	}

}
