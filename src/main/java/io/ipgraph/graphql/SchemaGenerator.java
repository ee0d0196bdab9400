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
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.NodeType;
import io.ipgraph.model.GraphModel.RelField;
import io.ipgraph.model.GraphModel.ScalarKind;

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
			logic(sdl, t);
			type.properties().forEach((name, kind) -> filterField(sdl, name, kind));
			for (RelField rel : type.relationships().values()) {
				this.model.filterType(rel).ifPresent(target -> {
					sdl.append("  \"Filter through the `").append(rel.name()).append("` relationship.\"\n");
					sdl.append("  ").append(rel.name()).append(": ").append(target.name()).append("RelationshipFilter\n");
				});
			}
			sdl.append("}\n\n");
			relationshipFilter(sdl, t);
			sdl.append("\"Sort order on one ").append(t).append(" field; give a list for several.\"\n");
			sdl.append("input ").append(t).append("Sort {\n");
			type.properties().forEach((name, kind) -> sortField(sdl, name, kind));
			for (RelField rel : type.relationships().values()) {
				sdl.append("  \"Sort by the number of related nodes in `").append(rel.name()).append("`: ASC fewest first, DESC most first.\"\n");
				sdl.append("  ").append(rel.name()).append(CypherFilters.COUNT_SUFFIX).append(": SortDirection\n");
			}
			sdl.append("}\n\n");
			sdl.append("\"One page of ").append(t).append(" nodes matching a filter, in sort order, with the total count.\"\n");
			sdl.append("type ").append(t).append("Connection {\n  \"Number of matching nodes, whatever the page.\"\n  totalCount: Int!\n");
			sdl.append("  \"The nodes of this page, in sort order, each with its cursor.\"\n  edges: [").append(t).append("Edge!]!\n");
			sdl.append("  \"Whether more pages follow or precede, and the cursors of this page's first and last edge.\"\n  pageInfo: PageInfo!\n}\n\n");
			sdl.append("\"One ").append(t).append(" in a page, with its cursor.\"\n");
			sdl.append("type ").append(t).append("Edge {\n");
			sdl.append("  \"Opaque position of this node in the ordered list: pass it as `after` to get the nodes that follow it.\"\n  cursor: String!\n");
			sdl.append("  \"The ").append(t).append(" itself.\"\n  node: ").append(t).append("!\n}\n\n");
			query.append("  \"The ").append(t).append(" with this id, or null.\"\n");
			query.append("  ").append(type.singular()).append("(\"The ipgraph id of the ").append(t).append(".\" id: ID!): ").append(t).append('\n');
			query.append("  \"").append(t).append(" nodes matching `where`, in `sort` order (then by id).\"\n");
			query.append("  ").append(type.plural()).append('(');
			where(query, t);
			query.append(", \"How many nodes at most (default ").append(this.defaultPageSize)
				.append(", up to the server's maximum page size).\" limit: Int = ").append(this.defaultPageSize)
				.append(", \"How many matching nodes to skip first, to page through the list.\" offset: Int = 0): [").append(t).append("!]!\n");
			query.append("  \"A page of ").append(t).append(" nodes with cursors and the total count.\"\n");
			query.append("  ").append(type.plural()).append("Connection(");
			where(query, t);
			query.append(", \"Page size: how many nodes at most (default ").append(this.defaultPageSize)
				.append(", up to the server's maximum page size).\" first: Int = ").append(this.defaultPageSize)
				.append(", \"The `cursor` (or `pageInfo.endCursor`) of the last node of the previous page; the page starts after it. Absent: the first page.\" after: String): ")
				.append(t).append("Connection!\n");
		}
		for (NodeType type : this.model.interfaceTypes().values()) {
			String t = type.name();
			sdl.append("\"Filters on any ").append(t).append(" (the properties its kinds share). All given fields must hold; combine with AND, OR, NOT.\"\n");
			sdl.append("input ").append(t).append("Where {\n");
			logic(sdl, t);
			type.properties().forEach((name, kind) -> filterField(sdl, name, kind));
			sdl.append("}\n\n");
			relationshipFilter(sdl, t);
			sdl.append("\"Sort order on one ").append(t).append(" field; give a list for several.\"\n");
			sdl.append("input ").append(t).append("Sort {\n");
			type.properties().forEach((name, kind) -> sortField(sdl, name, kind));
			sdl.append("}\n\n");
		}
		query.append("}\n");
		return sdl.append(query).toString();
	}

	/** The {@code where} and {@code sort} arguments of a root list, with their descriptions. */
	private static void where(StringBuilder query, String t) {
		query.append("\"Only ").append(t).append(" nodes matching this filter; every one when absent.\" where: ").append(t).append("Where, ");
		query.append("\"Order: by the first key given, ties by the next, then by id.\" sort: [").append(t).append("Sort!]");
	}

	/** The {@code TRelationshipFilter} input: some, none, all or exactly one of the related nodes match {@code TWhere}. */
	private static void relationshipFilter(StringBuilder sdl, String t) {
		sdl.append("\"Conditions on the ").append(t).append(" nodes at the other end of a relationship.\"\n");
		sdl.append("input ").append(t).append("RelationshipFilter {\n");
		sdl.append("  \"At least one related node matches.\"\n  some: ").append(t).append("Where\n");
		sdl.append("  \"No related node matches.\"\n  none: ").append(t).append("Where\n");
		sdl.append("  \"Every related node matches.\"\n  all: ").append(t).append("Where\n");
		sdl.append("  \"Exactly one related node matches.\"\n  single: ").append(t).append("Where\n}\n\n");
	}

	private static void logic(StringBuilder sdl, String t) {
		sdl.append("  \"Every one of these filters holds.\"\n  AND: [").append(t).append("Where!]\n");
		sdl.append("  \"At least one of these filters holds.\"\n  OR: [").append(t).append("Where!]\n");
		sdl.append("  \"This filter does not hold.\"\n  NOT: ").append(t).append("Where\n");
	}

	private static void filterField(StringBuilder sdl, String name, ScalarKind kind) {
		String what = switch (kind) {
			case ID -> "the id";
			case STRING -> "the text";
			case INT, FLOAT -> "the number";
			case BOOLEAN -> "the flag";
			case DATE -> "the PartialDate (compared on its ISO text)";
			case STRING_LIST -> "the list of texts";
			case INT_LIST -> "the list of numbers";
		};
		String how = (kind == ScalarKind.BOOLEAN) ? ": true or false." : (", with the operators of " + kind.filterType() + ".");
		sdl.append("  \"Filter on ").append(what).append(" `").append(name).append('`').append(how).append("\"\n");
		sdl.append("  ").append(name).append(": ").append(kind.filterType()).append('\n');
	}

	private static void sortField(StringBuilder sdl, String name, ScalarKind kind) {
		if (!kind.sortable()) {
			return;
		}
		String order = switch (kind) {
			case DATE -> "ASC earliest first, DESC latest first (on the ISO text, so `2004` before `2004-03`)";
			case INT, FLOAT -> "ASC smallest first, DESC largest first";
			case BOOLEAN -> "ASC false first, DESC true first";
			default -> "ASC A to Z, DESC Z to A (by character code)";
		};
		sdl.append("  \"Sort by `").append(name).append("`: ").append(order).append("; nodes without it come last in ASC, first in DESC.\"\n");
		sdl.append("  ").append(name).append(": SortDirection\n");
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
							.description(new Description("Order of the related " + target + " nodes: by the first key given, ties by the next.", null, false))
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
