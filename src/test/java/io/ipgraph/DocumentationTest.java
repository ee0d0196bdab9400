package io.ipgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents (README, BENCHMARKS, {@code docs/}) link to files that exist and to headings that exist, as GitHub
 * names their anchors; the README stays a newcomer's page and sends each kind of reader on to a guide.
 */
class DocumentationTest {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

	@Test
	void everyRelativeLinkReachesAFileAndEveryAnchorAHeading() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path document : documents()) {
			for (String target : links(document)) {
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
				Path file = path.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(path).normalize();
				if (!Files.exists(file)) {
					broken.add(document + ": " + target + " (no such file)");
				}
				else if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
					broken.add(document + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void theReadmeIsANewcomersPageThatSendsEachReaderOn() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		assertThat(readme.length()).as("README.md stays short: what ipgraph is, how to run it, where to read on").isLessThan(25_000);
		assertThat(readme).contains("./mvnw spring-boot:run", "./mvnw verify", "## Where to read on", "## Where things live");
		for (String guide : List.of("docs/analysts.md", "docs/operators.md", "docs/data.md", "docs/developers.md", "docs/architecture.md")) {
			assertThat(readme).contains("](" + guide);
		}
	}

	private static List<Path> documents() throws IOException {
		List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("BENCHMARKS.md")));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		return documents;
	}

	/** The link targets of a Markdown document, outside code blocks. */
	private static List<String> links(Path document) throws IOException {
		List<String> targets = new ArrayList<>();
		boolean code = false;
		for (String line : Files.readAllLines(document)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			if (!code) {
				Matcher m = LINK.matcher(line);
				while (m.find()) {
					targets.add(m.group(1));
				}
			}
		}
		return targets;
	}

	/** The anchors GitHub gives the headings of a document: lower case, punctuation dropped, spaces to hyphens. */
	static Set<String> anchors(Path document) throws IOException {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean code = false;
		for (String line : Files.readAllLines(document)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			Matcher m = HEADING.matcher(line);
			if (!code && m.matches()) {
				String text = m.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").strip().toLowerCase(Locale.ROOT);
				String slug = text.replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
				int n = seen.merge(slug, 1, Integer::sum);
				anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
			}
		}
		return anchors;
	}

}
