package io.ipgraph.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the GraphQL API.
 *
 * @param defaultPageSize page size when a list or connection query gives none
 * @param maxPageSize largest {@code limit} / {@code first} a query may ask for
 * @param maxRelated most related nodes one relationship field returns for one parent
 */
@ConfigurationProperties("ipgraph.graphql")
public record GraphQlProperties(@DefaultValue("25") int defaultPageSize, @DefaultValue("100") int maxPageSize,
		@DefaultValue("1000") int maxRelated) {
}
