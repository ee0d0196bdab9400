package io.ipgraph.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents of {@code graphql/examples} (one per question of the brief), which GraphiQL opens as its tabs:
 * ipgraph's {@code graphiql/index.html}, which replaces Spring for GraphQL's page of the same name, reads them
 * from {@code /graphiql/examples}.
 */
@RestController
class GraphiQlExamples {

	private static final Pattern OPERATION = Pattern.compile("^\\s*(?:query|mutation)\\s+(\\w+)", Pattern.MULTILINE);

	private final List<Example> examples;

	GraphiQlExamples() {
		this.examples = load("classpath*:graphiql/examples/*.graphql");
	}

	/** One example: its file, its operation name, the comment that says what it answers, and the document. */
	record Example(String file, String name, String question, String query) {
	}

	@GetMapping("/graphiql/examples")
	List<Example> examples() {
		return this.examples;
	}

	static List<Example> load(String pattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
			return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(GraphiQlExamples::example)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Example example(Resource resource) {
		try {
			String text = resource.getContentAsString(StandardCharsets.UTF_8);
			Matcher operation = OPERATION.matcher(text);
			String name = operation.find() ? operation.group(1) : resource.getFilename();
			String question = text.lines()
				.takeWhile(line -> line.startsWith("#"))
				.map(line -> line.substring(1).strip())
				.collect(Collectors.joining(" "));
			return new Example(resource.getFilename(), name, question, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
