package io.ipgraph.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EditConflictException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Classifies failures into GraphQL errors that say what went wrong without leaking internals. */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof BadRequestException) {
			return error(env, ErrorType.BAD_REQUEST, cause.getMessage());
		}
		if (cause instanceof EditConflictException conflict) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(Conflict.CONFLICT)
				.message(conflict.getMessage())
				.extensions(java.util.Map.of("classification", "CONFLICT", "entityId", conflict.entityId(), "currentVersion", conflict.currentVersion()))
				.build();
		}
		if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
			log.warn("Neo4j unavailable while fetching {}", env.getExecutionStepInfo().getPath(), cause);
			return error(env, Database.UNAVAILABLE, "The graph database is unavailable; try again shortly");
		}
		if (cause instanceof TransientException) {
			return error(env, Database.UNAVAILABLE, "The graph database was busy; try again");
		}
		if (cause instanceof ClientException client && client.code() != null && client.code().contains("TransactionTimedOut")) {
			return error(env, Database.TIMEOUT, "The query took longer than the configured timeout; narrow it");
		}
		log.error("Failed to fetch {}", env.getExecutionStepInfo().getPath(), cause);
		return null;
	}

	/** An edit made on a version the entity no longer has. */
	enum Conflict implements graphql.ErrorClassification {
		CONFLICT
	}

	/**
	 * The database could not answer: {@code UNAVAILABLE} (down, unreachable or busy; the same request may succeed
	 * shortly, as health turns UP again) or {@code TIMEOUT} (the query outlived ipgraph.neo4j.query-timeout; retrying
	 * it unchanged will not help).
	 */
	enum Database implements graphql.ErrorClassification {
		UNAVAILABLE, TIMEOUT
	}

	private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message) {
		return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
	}

}
