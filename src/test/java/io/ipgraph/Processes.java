package io.ipgraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the external programs of the tests (node, cypher-shell, npm) and returns what they print. */
public final class Processes {

	private Processes() {
	}

	/** Runs {@code command} in {@code dir}, fails the test unless it exits 0 within the time, and returns its output. */
	public static String run(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		return run(command, dir, timeoutSeconds, Map.of());
	}

	/** The same, with more environment variables for the program. */
	public static String run(List<String> command, Path dir, int timeoutSeconds, Map<String, String> environment)
			throws IOException, InterruptedException {
		Finished finished = finish(command, dir, timeoutSeconds, environment);
		assertThat(finished.exitCode()).as("exit code of %s, output:%n%s", command, finished.output()).isZero();
		return finished.output();
	}

	/** What a program printed and its exit code. */
	public record Finished(int exitCode, String output) {
	}

	/** Runs {@code command} in {@code dir} and returns its exit code and output; fails the test if it does not end in time. */
	public static Finished finish(List<String> command, Path dir, int timeoutSeconds) throws IOException, InterruptedException {
		return finish(command, dir, timeoutSeconds, Map.of());
	}

	private static Finished finish(List<String> command, Path dir, int timeoutSeconds, Map<String, String> environment)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("ipgraph-client", ".log");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
		// the test analyst of src/test/resources/config/application.yml, for the pages that need a signed-in user
		builder.environment().put("IPGRAPH_USER", "analyst");
		builder.environment().put("IPGRAPH_PASSWORD", "analyst-test-pw");
		builder.environment().putAll(environment);
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
		return new Finished(process.exitValue(), out);
	}

	/**
	 * Skips the calling test when Debian's Chromium is not installed, naming the package; where
	 * {@code IPGRAPH_REQUIRE_PACKAGES} is set (.ci/run sets it) its absence fails the test instead.
	 */
	public static void assumeChromium() {
		assumeInstalled(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")), "chromium");
	}

	/**
	 * Skips the calling test when {@code file}, which Maven cannot bring, is missing, naming the Debian package that
	 * installs it; with {@code IPGRAPH_REQUIRE_PACKAGES} set (.ci/run) its absence fails the test instead.
	 */
	public static void assumeInstalled(Path file, String debianPackage) {
		boolean present = Files.exists(file);
		if (!present && System.getenv("IPGRAPH_REQUIRE_PACKAGES") != null) {
			throw new AssertionError(file + " is required here (IPGRAPH_REQUIRE_PACKAGES) but missing: apt-get install " + debianPackage);
		}
		Assumptions.assumeTrue(present, "skipped: needs " + file + " (Debian package '" + debianPackage + "': apt-get install " + debianPackage + ")");
	}

	/** The project's Maven wrapper, for a test that asks Maven for another classpath. */
	public static String mavenWrapper() {
		return Path.of("mvnw").toAbsolutePath().toString();
	}

	/** The java of the JVM running the tests (JDK 25), for a program in a JVM of its own. */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The Playwright package of the browser tests, installed from npm on first use. */
	public static Path browserScripts() throws IOException, InterruptedException {
		Path dir = Path.of("src/test/browser");
		assumeChromium();
		if (!Files.isDirectory(dir.resolve("node_modules/playwright-core")) || !Files.isDirectory(dir.resolve("node_modules/neo4j-driver"))) {
			run(List.of("npm", "install", "--no-audit", "--no-fund"), dir, 600);
		}
		return dir;
	}

}
