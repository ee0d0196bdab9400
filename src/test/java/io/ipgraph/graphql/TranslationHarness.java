package io.ipgraph.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.ipgraph.model.GraphModel;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.util.unit.DataSize;

/**
 * The GraphQL API with its real schema, generated types and data fetchers, over a reader that keeps the reads it is
 * given and answers none: what a document translates to, with no database.
 */
final class TranslationHarness {

	static final GraphQlProperties LIMITS = new GraphQlProperties(25, 100, 1000, 12, 400, 30, 20000, 5000, DataSize.ofKilobytes(256));

	final GraphModel model = GraphModel.fromClasspath();

	final List<ReadPlan> reads = new ArrayList<>();

	final NodeQueries queries;

	private final GraphQL graphQl;

	TranslationHarness() {
		this(true);
	}

	/** @param keepPrintedPlans whether plans of one shape share their printed text, as in the product */
	TranslationHarness(boolean keepPrintedPlans) {
		this.queries = new NodeQueries(this.model, (cypher, parameters) -> {
			this.reads.add(new ReadPlan(cypher, parameters));
			return List.of();
		}, null, LIMITS.maxRelated(), keepPrintedPlans);
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		Set<String> read = new HashSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
				if (read.add(resource.getFilename())) {
					registry.merge(new SchemaParser().parse(resource.getContentAsString(StandardCharsets.UTF_8)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		new SchemaGenerator(this.model, LIMITS.defaultPageSize()).augment(registry);
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		new GraphWiring(this.model, this.queries, LIMITS, new DefaultBatchLoaderRegistry()).configure(wiring);
		this.graphQl = GraphQL.newGraphQL(new graphql.schema.idl.SchemaGenerator().makeExecutableSchema(registry, wiring.build())).build();
	}

	/** The reads a document makes (none of them answered), after checking that it ran without errors. */
	List<ReadPlan> translate(String document, Map<String, Object> variables) {
		this.reads.clear();
		ExecutionResult result = this.graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
		if (!result.getErrors().isEmpty()) {
			throw new AssertionError("The document was refused: " + result.getErrors());
		}
		return List.copyOf(this.reads);
	}

	/** The one read a document makes. */
	ReadPlan translate(String document) {
		List<ReadPlan> plans = translate(document, Map.of());
		if (plans.size() != 1) {
			throw new AssertionError("Expected one read, got " + plans);
		}
		return plans.getFirst();
	}

}
