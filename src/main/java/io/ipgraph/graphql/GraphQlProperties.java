package io.ipgraph.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the GraphQL API.
 *
 * @param defaultPageSize page size when a list or connection query gives none
 * @param maxPageSize largest {@code limit} / {@code first} a query may ask for
 * @param maxRelated most related nodes one relationship field returns for one parent
 * @param maxDepth deepest nesting of fields in an operation
 * @param maxFields most fields an operation selects, fragments expanded
 * @param maxAliases most aliased fields in an operation
 * @param maxComplexity largest estimated cost: each field costs 1, times the page size of the lists around it
 * @param maxTokens most parser tokens in a document (the parser stops reading there)
 * @param maxRequestSize largest request body of {@code /graphql} (413 beyond)
 */
@ConfigurationProperties("ipgraph.graphql")
public record GraphQlProperties(@DefaultValue("25") int defaultPageSize, @DefaultValue("100") int maxPageSize,
		@DefaultValue("1000") int maxRelated, @DefaultValue("12") int maxDepth, @DefaultValue("400") int maxFields,
		@DefaultValue("30") int maxAliases, @DefaultValue("20000") int maxComplexity, @DefaultValue("5000") int maxTokens,
		@DefaultValue("256KB") DataSize maxRequestSize) {
}
