/**
 * The GraphQL API: a schema-driven engine that reads the {@code @node} and {@code @relationship} types of
 * the schema files in {@code graphql/}, generates lookups, filtered lists and cursor connections for them,
 * and answers nested relationship fields with batched Cypher.
 */
package io.ipgraph.graphql;
