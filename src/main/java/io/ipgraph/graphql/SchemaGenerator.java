package io.ipgraph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.ipgraph.graphql.GraphModel.NodeType;
import io.ipgraph.graphql.GraphModel.RelField;

/**
 * Adds to the hand-written schema what every node type gets in the same shape, as a user of the Neo4j
 * GraphQL Library expects it: lookup by id, a filtered and sorted list, a cursor connection with
 * {@code totalCount}, the {@code Where} and {@code Sort} inputs, and {@code where}/{@code sort}/{@code limit}
 * arguments on list relationship fields.
 */
final class SchemaGenerator {

	private final GraphModel model;

	private final int defaultPageSize;

	SchemaGenerator(GraphModel model, int defaultPageSize) {
		this.model = model;
		this.defaultPageSize = defaultPageSize;
	}

	void augment(TypeDefinitionRegistry registry) {
		registry.merge(new SchemaParser().parse(sdl()));
		addRelationshipArguments(registry);
	}

	String sdl() {
		StringBuilder sdl = new StringBuilder();
		StringBuilder query = new StringBuilder("extend type Query {\n");
		for (NodeType type : this.model.nodes().values()) {
			String t = type.name();
			sdl.append("\"Filters on ").append(t).append(". All given fields must hold; combine with AND, OR, NOT.\"\n");
			sdl.append("input ").append(t).append("Where {\n");
			sdl.append("  AND: [").append(t).append("Where!]\n  OR: [").append(t).append("Where!]\n  NOT: ").append(t).append("Where\n");
			type.properties().forEach((name, kind) -> sdl.append("  ").append(name).append(": ").append(kind.filterType()).append('\n'));
			for (RelField rel : type.relationships().values()) {
				this.model.filterType(rel).ifPresent(target -> {
					sdl.append("  \"Filter through the `").append(rel.name()).append("` relationship.\"\n");
					sdl.append("  ").append(rel.name()).append(": ").append(target.name()).append("RelationshipFilter\n");
				});
			}
			sdl.append("}\n\n");
			sdl.append("\"Conditions on the ").append(t).append(" nodes at the other end of a relationship.\"\n");
			sdl.append("input ").append(t).append("RelationshipFilter {\n");
			sdl.append("  \"At least one related node matches.\"\n  some: ").append(t).append("Where\n");
			sdl.append("  \"No related node matches.\"\n  none: ").append(t).append("Where\n");
			sdl.append("  \"Every related node matches.\"\n  all: ").append(t).append("Where\n");
			sdl.append("  \"Exactly one related node matches.\"\n  single: ").append(t).append("Where\n}\n\n");
			sdl.append("\"Sort order on one ").append(t).append(" field; give a list for several.\"\n");
			sdl.append("input ").append(t).append("Sort {\n");
			type.properties().forEach((name, kind) -> {
				if (kind.sortable()) {
					sdl.append("  ").append(name).append(": SortDirection\n");
				}
			});
			for (RelField rel : type.relationships().values()) {
				sdl.append("  \"By the number of related nodes in `").append(rel.name()).append("`.\"\n");
				sdl.append("  ").append(rel.name()).append(CypherFilters.COUNT_SUFFIX).append(": SortDirection\n");
			}
			sdl.append("}\n\n");
			sdl.append("type ").append(t).append("Connection {\n  \"Number of matching nodes, whatever the page.\"\n  totalCount: Int!\n  edges: [")
				.append(t).append("Edge!]!\n  pageInfo: PageInfo!\n}\n\n");
			sdl.append("type ").append(t).append("Edge {\n  cursor: String!\n  node: ").append(t).append("!\n}\n\n");
			query.append("  \"The ").append(t).append(" with this id, or null.\"\n");
			query.append("  ").append(type.singular()).append("(id: ID!): ").append(t).append('\n');
			query.append("  \"").append(t).append(" nodes matching `where`, in `sort` order (then by id).\"\n");
			query.append("  ").append(type.plural()).append("(where: ").append(t).append("Where, sort: [").append(t)
				.append("Sort!], limit: Int = ").append(this.defaultPageSize).append(", offset: Int = 0): [").append(t).append("!]!\n");
			query.append("  \"A page of ").append(t).append(" nodes with cursors and the total count.\"\n");
			query.append("  ").append(type.plural()).append("Connection(where: ").append(t).append("Where, sort: [").append(t)
				.append("Sort!], first: Int = ").append(this.defaultPageSize).append(", after: String): ").append(t).append("Connection!\n");
		}
		for (NodeType type : this.model.interfaceTypes().values()) {
			String t = type.name();
			sdl.append("\"Filters on any ").append(t).append(" (the properties its kinds share). All given fields must hold; combine with AND, OR, NOT.\"\n");
			sdl.append("input ").append(t).append("Where {\n");
			sdl.append("  AND: [").append(t).append("Where!]\n  OR: [").append(t).append("Where!]\n  NOT: ").append(t).append("Where\n");
			type.properties().forEach((name, kind) -> sdl.append("  ").append(name).append(": ").append(kind.filterType()).append('\n'));
			sdl.append("}\n\n");
			sdl.append("\"Conditions on the ").append(t).append(" nodes at the other end of a relationship.\"\n");
			sdl.append("input ").append(t).append("RelationshipFilter {\n");
			sdl.append("  \"At least one related node matches.\"\n  some: ").append(t).append("Where\n");
			sdl.append("  \"No related node matches.\"\n  none: ").append(t).append("Where\n");
			sdl.append("  \"Every related node matches.\"\n  all: ").append(t).append("Where\n");
			sdl.append("  \"Exactly one related node matches.\"\n  single: ").append(t).append("Where\n}\n\n");
			sdl.append("\"Sort order on one ").append(t).append(" field; give a list for several.\"\n");
			sdl.append("input ").append(t).append("Sort {\n");
			type.properties().forEach((name, kind) -> {
				if (kind.sortable()) {
					sdl.append("  ").append(name).append(": SortDirection\n");
				}
			});
			sdl.append("}\n\n");
		}
		query.append("}\n");
		return sdl.append(query).toString();
	}

	private void addRelationshipArguments(TypeDefinitionRegistry registry) {
		for (NodeType type : this.model.nodes().values()) {
			ObjectTypeDefinition definition = registry.getType(type.name(), ObjectTypeDefinition.class).orElseThrow();
			List<FieldDefinition> fields = new ArrayList<>();
			for (FieldDefinition field : definition.getFieldDefinitions()) {
				RelField rel = type.relationships().get(field.getName());
				if (rel == null || !rel.list() || this.model.filterType(rel).isEmpty() || !field.getInputValueDefinitions().isEmpty()) {
					fields.add(field);
					continue;
				}
				String target = this.model.filterType(rel).orElseThrow().name();
				fields.add(field.transform(f -> f.inputValueDefinitions(List.of(
						InputValueDefinition.newInputValueDefinition()
							.name("where")
							.type(TypeName.newTypeName(target + "Where").build())
							.description(new Description("Only related " + target + " nodes matching this filter.", null, false))
							.build(),
						InputValueDefinition.newInputValueDefinition()
							.name("sort")
							.type(ListType.newListType(NonNullType.newNonNullType(TypeName.newTypeName(target + "Sort").build()).build()).build())
							.build(),
						InputValueDefinition.newInputValueDefinition()
							.name("limit")
							.type(TypeName.newTypeName("Int").build())
							.description(new Description("At most this many related nodes.", null, false))
							.build()))));
			}
			registry.remove(definition);
			registry.add(definition.transform(b -> b.fieldDefinitions(fields)));
		}
	}

}
