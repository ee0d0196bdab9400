package io.ipgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of {@code docs/architecture.md}, on the compiled classes of {@code src/main} (so a dependency
 * written as a fully qualified name inside a method counts like an import): packages are layered, each may use only
 * the ones below it, there is no cycle, and the picture in the document is the one the code draws. To redraw it after
 * a deliberate change, run this test with {@code -Dipgraph.architecture.write=true}.
 */
class ArchitectureTest {

	/**
	 * The packages from the bottom up; a package may depend only on packages before it. {@code model} is the graph's
	 * vocabulary; the entry points (GraphQL, pages, commands, the application) are at the top.
	 */
	static final List<String> LAYERS = List.of("model", "keys", "embedded", "security", "store", "audit", "clocks", "conflict", "watch", "resolution",
			"imports", "registry", "ingest", "edits", "analysis", "report", "generate", "graphql", "home", "workspace", "browser", "cli", "(application)");

	private static final Path DOCUMENT = Path.of("docs/architecture.md");

	/** "Much over 400": a little slack for a class that has just grown past it. */
	private static final int MAX_LINES = 420;

	private static final String BEGIN = "<!-- packages: drawn from the code by ArchitectureTest -->";

	private static final String END = "<!-- end of packages -->";

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ipgraph");
	}

	@Test
	void everyPackageIsALayer() {
		TreeSet<String> packages = new TreeSet<>();
		classes.forEach(c -> packages.add(feature(c)));
		assertThat(LAYERS).as("every package of src/main has its place in LAYERS (and docs/architecture.md)").containsAll(packages);
		assertThat(packages).as("LAYERS names no package that is gone").containsAll(LAYERS);
	}

	@Test
	void noPackageDependsOnOneAboveIt() {
		List<String> upward = new ArrayList<>();
		for (JavaClass c : classes) {
			for (Dependency d : c.getDirectDependenciesFromSelf()) {
				if (!inProduct(d.getTargetClass())) {
					continue;
				}
				String from = feature(c);
				String to = feature(d.getTargetClass());
				if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
					upward.add(from + " -> " + to + ": " + d.getDescription());
				}
			}
		}
		assertThat(upward).as("dependencies on a package above (move the class down, or invert the dependency)").isEmpty();
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.ipgraph.(*)..").should().beFreeOfCycles().check(classes);
	}

	/**
	 * Packages whose methods may return maps to other packages: {@code model} and {@code store} hand out entity rows,
	 * which carry the properties each type has in the schema (a record cannot spell those out), and {@code keys}
	 * derives keys from such a row.
	 */
	static final List<String> ROW_CARRIERS = List.of("model", "keys", "embedded", "security", "store");

	/** Results above the store that stay maps across a package line, each with why a map is its right shape. */
	static final Map<String, String> MAPS_ACROSS_PACKAGES = Map.ofEntries(
			Map.entry("Subgraph.center", "an entity row"),
			Map.entry("GraphAnalysis.paths", "the paths GraphQL's paths answers: length, entity rows and hops"),
			Map.entry("Trace.of", "the trace GraphQL's trace answers, as its schema gives it"),
			Map.entry("LinkedKinds.counts", "entities linked per kind: a count per GraphQL type name"),
			Map.entry("EntityResolution.candidates", "the pairs GraphQL's sameEntityCandidates answers: entity rows, score and reasons"),
			Map.entry("EntityResolution.entities", "entity rows"),
			Map.entry("EntityResolution.identity", "the identity GraphQL's identity answers: entity rows and names"),
			Map.entry("Judgements.list", "stored Judgement records, answered as GraphQL's judgements gives their properties"),
			Map.entry("Subgraph.nodes", "entity rows"),
			Map.entry("Subgraph.relationships", "the relationship rows GraphQL's neighbourhood answers, properties as the schema gives them"),
			Map.entry("Conflict.registration", "an entity row"),
			Map.entry("SquattingHit.registration", "an entity row"),
			Map.entry("SquattingReport.firm", "an entity row"),
			Map.entry("NodeQueries.search", "the search hits GraphQL's search answers: score, kind and an entity row"),
			Map.entry("Contradiction.subject", "an entity row"),
			Map.entry("Contradiction.claims", "Assertion rows"),
			Map.entry("TimelineEvent.entity", "an entity row"),
			Map.entry("AuditTrail.list", "stored Change records, answered as the audit API documents their properties"),
			Map.entry("AuditTrail.get", "a stored Change record, answered as the audit API documents its properties"),
			Map.entry("Fingerprint.labels", "a count per label: the labels are the keys"),
			Map.entry("Fingerprint.types", "a count per relationship type: the types are the keys"),
			Map.entry("FtmImported.skipped", "a count per FollowTheMoney schema left out: the schemata are the keys"),
			Map.entry("FollowTheMoney.export", "a count per FollowTheMoney schema written: the schemata are the keys"));

	@Test
	void featuresHandEachOtherRecordsNotMaps() {
		TreeSet<String> found = new TreeSet<>();
		for (JavaClass c : classes) {
			for (JavaCodeUnitAccess<?> call : c.getCodeUnitAccessesFromSelf()) {
				JavaClass owner = call.getTargetOwner();
				if (!inProduct(owner) || feature(owner).equals(feature(c)) || ROW_CARRIERS.contains(feature(owner))) {
					continue;
				}
				call.getTarget().resolveMember().ifPresent(target -> {
					String key = owner.getSimpleName() + "." + target.getName();
					if (target instanceof JavaMethod method && mentionsMap(method.getReturnType())
							&& !MAPS_ACROSS_PACKAGES.containsKey(key)) {
						found.add(feature(owner) + "." + key + " -> " + feature(c) + " (" + c.getSimpleName() + ")");
					}
				});
			}
		}
		assertThat(found).as("results handed across a package line as maps (give the result a record)").isEmpty();
	}

	private static boolean mentionsMap(JavaType type) {
		return type.getAllInvolvedRawTypes().stream().anyMatch(t -> t.isAssignableTo(Map.class));
	}

	@Test
	void noClassOfTheProductIsNamedByItsFullNameInsideCode() throws IOException {
		// a dependency should show in the import lines, where a reader of the file looks for it
		Pattern qualified = Pattern.compile("(?<![\\w.])io\\.ipgraph\\.[a-z]+\\.[A-Z]\\w*");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*") || line.startsWith("/**")
							|| line.startsWith("//")) {
						continue;
					}
					Matcher m = qualified.matcher(line);
					if (m.find()) {
						found.add(file + ":" + (i + 1) + ": " + m.group());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theReadersVisibilityIsWrittenOnceInTheStore() throws IOException {
		// statements say which nodes must be visible (GraphStore.visible, shownAlong); how is the store's rule alone
		List<String> found = new ArrayList<>();
		Path store = Path.of("src/main/java/io/ipgraph/store");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(store)).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (lines.get(i).contains("$seeRestricted") || lines.get(i).contains(":Restricted AND NOT")) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noClassOfTheProductRunsMuchOver400LinesWithoutSayingWhyAtItsTop() throws IOException {
		// a class this long usually does several jobs; one that must stay whole says why in its first comment
		List<String> tooLong = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file);
				String top = String.join("\n", lines.subList(0, Math.min(lines.size(), 60)));
				if (lines.size() > MAX_LINES && !top.contains("Longer than 400 lines because")) {
					tooLong.add(file + ": " + lines.size() + " lines");
				}
			}
		}
		assertThat(tooLong).isEmpty();
	}

	@Test
	void theDocumentDrawsThePackagesAsTheCodeHasThem() throws IOException {
		String drawn = BEGIN + "\n" + mermaid() + END;
		String document = Files.readString(DOCUMENT);
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		assertThat(begin).as(DOCUMENT + " holds the marked picture of the packages").isNotNegative();
		String updated = document.substring(0, begin) + drawn + document.substring(end + END.length());
		if (Boolean.getBoolean("ipgraph.architecture.write")) {
			Files.writeString(DOCUMENT, updated);
			document = updated;
		}
		assertThat(document).as(DOCUMENT + " is out of date: run ArchitectureTest with -Dipgraph.architecture.write=true").isEqualTo(updated);
	}

	/** The package graph as a Mermaid flowchart: the layers from the top down, an arrow for each package used. */
	private static String mermaid() {
		Map<String, TreeSet<String>> uses = new TreeMap<>();
		for (JavaClass c : classes) {
			for (Dependency d : c.getDirectDependenciesFromSelf()) {
				if (inProduct(d.getTargetClass()) && !feature(c).equals(feature(d.getTargetClass()))) {
					uses.computeIfAbsent(feature(c), k -> new TreeSet<>()).add(feature(d.getTargetClass()));
				}
			}
		}
		StringBuilder out = new StringBuilder("```mermaid\nflowchart TD\n");
		for (int i = LAYERS.size() - 1; i >= 0; i--) {
			out.append("  ").append(id(LAYERS.get(i))).append("[\"").append(LAYERS.get(i)).append("\"]\n");
		}
		for (int i = LAYERS.size() - 1; i >= 0; i--) {
			String from = LAYERS.get(i);
			for (String to : uses.getOrDefault(from, new TreeSet<>())) {
				out.append("  ").append(id(from)).append(" --> ").append(id(to)).append('\n');
			}
		}
		return out.append("```\n").toString();
	}

	private static String id(String layer) {
		return layer.equals("(application)") ? "application" : layer;
	}

	private static boolean inProduct(JavaClass c) {
		return c.getPackageName().equals("io.ipgraph") || c.getPackageName().startsWith("io.ipgraph.");
	}

	/** The feature package of a class: the segment after {@code io.ipgraph}, or the application itself. */
	static String feature(JavaClass c) {
		String name = c.getPackageName();
		if (name.equals("io.ipgraph")) {
			return "(application)";
		}
		String rest = name.substring("io.ipgraph.".length());
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

}
