package io.ipgraph.graphql;

import io.ipgraph.model.GraphModel;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the schema-driven engine into Spring for GraphQL. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	GraphModel graphModel() {
		return GraphModel.fromClasspath();
	}

	@Bean
	NodeQueries nodeQueries(GraphModel model, GraphStore store, Entities entities, GraphQlProperties properties) {
		return new NodeQueries(model, store::read, entities, properties.maxRelated());
	}

	@Bean
	GraphQlSourceBuilderCustomizer generatedSchema(GraphModel model, GraphQlProperties properties) {
		return builder -> builder
			.configureTypeDefinitions(registry -> new SchemaGenerator(model, properties.defaultPageSize()).augment(registry));
	}

	@Bean
	DocumentCache documentCache() {
		return new DocumentCache();
	}

	@Bean
	GraphQlSourceBuilderCustomizer cachedDocuments(DocumentCache cache) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
	}

	@Bean
	QueryLimits queryLimits(GraphQlProperties properties) {
		return new QueryLimits(properties);
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> graphQlRequestSizeLimit(GraphQlProperties properties) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(properties.maxRequestSize().toBytes()));
		registration.addUrlPatterns("/graphql");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	RuntimeWiringConfigurer graphWiring(GraphModel model, NodeQueries queries, GraphQlProperties properties,
			BatchLoaderRegistry batchLoaders) {
		return new GraphWiring(model, queries, properties, batchLoaders);
	}

}
