package io.ipgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type, field, argument, input field and enum value of the served schema, the generated inputs,
 * connections and queries included, tells an analyst what it holds: GraphiQL and introspection show it.
 */
@IpgraphTest
class SchemaDescriptionsTest {

	private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void everyTypeFieldArgumentAndEnumValueHasADescription() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			String name = type.getName();
			if (name.startsWith("__") || BUILT_IN_SCALARS.contains(name)) {
				continue;
			}
			checked++;
			if (blank(type.getDescription())) {
				missing.add("type " + name);
			}
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					checked++;
					if (blank(field.getDescription())) {
						missing.add("field " + name + "." + field.getName());
					}
					for (GraphQLArgument argument : field.getArguments()) {
						checked++;
						if (blank(argument.getDescription())) {
							missing.add("argument " + name + "." + field.getName() + "(" + argument.getName() + ")");
						}
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					checked++;
					if (blank(field.getDescription())) {
						missing.add("input field " + name + "." + field.getName());
					}
				}
			}
			if (type instanceof GraphQLEnumType enumType) {
				for (GraphQLEnumValueDefinition value : enumType.getValues()) {
					checked++;
					if (blank(value.getDescription())) {
						missing.add("enum value " + name + "." + value.getName());
					}
				}
			}
		}
		assertThat(schema.getQueryType().getFieldDefinition("companies")).as("a generated query").isNotNull();
		assertThat(checked).as("schema elements checked").isGreaterThan(1000);
		assertThat(missing).withFailMessage("%d schema elements without a description:%n%s", missing.size(), String.join("\n", missing))
			.isEmpty();
	}

	@Test
	void generatedInputsAndConnectionsAreDescribed() {
		GraphQLSchema schema = this.graphQlSource.schema();
		GraphQLInputObjectType where = (GraphQLInputObjectType) schema.getType("RegistrationWhere");
		assertThat(where.getField("filedOn").getDescription()).contains("filedOn");
		assertThat(where.getField("AND").getDescription()).isNotBlank();
		GraphQLInputObjectType sort = (GraphQLInputObjectType) schema.getType("RegistrationSort");
		assertThat(sort.getField("filedOn").getDescription()).contains("filedOn");
		GraphQLFieldDefinition owners = schema.getObjectType("Registration").getFieldDefinition("owners");
		assertThat(owners.getArgument("sort").getDescription()).isNotBlank();
		assertThat(schema.getObjectType("CompanyEdge").getFieldDefinition("cursor").getDescription()).contains("after");
	}

	private static boolean blank(String description) {
		return description == null || description.isBlank();
	}

}
