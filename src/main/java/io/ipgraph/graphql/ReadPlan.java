package io.ipgraph.graphql;

import java.util.Map;

import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.ast.Visitable;
import org.neo4j.cypherdsl.core.ast.Visitor;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.GeneralizedRenderer;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * A read the translator planned: its Cypher-DSL statement (match, filter, order, page, projection) printed as Cypher,
 * with the parameters it binds. What a translation test asserts, and what the store runs.
 *
 * @param cypher the statement as Cypher text
 * @param parameters the parameters the statement names, with their values
 */
record ReadPlan(String cypher, Map<String, Object> parameters) {

	/** Labels and relationship types always in backticks; Cypher 25, the language of the Neo4j ipgraph runs. */
	private static final GeneralizedRenderer RENDERER = Renderer
		.getRenderer(Configuration.newConfig().withDialect(Dialect.NEO4J_2025).alwaysEscapeNames(true).build(), GeneralizedRenderer.class);

	/**
	 * Prints a statement each time it is asked. Cypher-DSL's renderer keeps the texts of recent statements under a
	 * key of 32 bits computed from the statement's identity, and renders a new one while holding a lock that every
	 * other request waits on; every read here is a new statement, so the cache would only cost time and could, on a
	 * clash of keys, hand one request the text of another. Rendered as a plain element of the syntax tree, a statement
	 * goes around that cache and prints the same.
	 */
	static ReadPlan of(Statement statement, Map<String, Object> parameters) {
		return new ReadPlan(RENDERER.render(new Visitable() {

			@Override
			public void accept(Visitor visitor) {
				statement.accept(visitor);
			}

			@Override
			public String toString() {
				return statement.toString();
			}

		}), Map.copyOf(parameters));
	}

}
