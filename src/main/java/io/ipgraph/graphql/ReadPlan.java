package io.ipgraph.graphql;

import java.util.HashMap;
import java.util.Map;

import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * A read the translator planned: its Cypher-DSL statement (match, filter, order, page, projection) printed as Cypher,
 * with the parameters it binds, read from the statement itself. What a translation test asserts, and what the store
 * runs.
 *
 * @param cypher the statement as Cypher text
 * @param parameters every parameter the statement names, with its value
 */
record ReadPlan(String cypher, Map<String, Object> parameters) {

	/** Labels and relationship types always in backticks; Cypher 25, the language of the Neo4j ipgraph runs. */
	private static final Renderer RENDERER = Renderer
		.getRenderer(Configuration.newConfig().withDialect(Dialect.NEO4J_2025).alwaysEscapeNames(true).build());

	static ReadPlan of(Statement statement) {
		return new ReadPlan(RENDERER.render(statement), new HashMap<>(statement.getCatalog().getParameters()));
	}

}
