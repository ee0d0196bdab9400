package io.ipgraph.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the schema files say about the graph: which object types are nodes (and their labels), which fields
 * are properties and which follow relationships. The generated queries and the Cypher they run are derived
 * from this model, so property names and relationship types in Cypher always come from the schema, never
 * from a request.
 */
public final class GraphModel {

	/** Fields every entity has that are not stored as properties of their own. */
	public static final List<String> PROVENANCE_FIELDS = List.of("sources", "disputes");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Map<String, NodeType> nodes = new LinkedHashMap<>();

	private final Map<String, List<String>> unions = new LinkedHashMap<>();

	/** Interfaces (other than Entity) as filter types: the properties their node types share. */
	private final Map<String, NodeType> interfaceTypes = new LinkedHashMap<>();

	private final Map<String, ObjectTypeDefinition> linkTypes = new LinkedHashMap<>();

	private final List<String> citedTypes = new ArrayList<>();

	private final Map<String, List<String>> requiredProperties = new LinkedHashMap<>();

	/** The kind of a stored property, as the schema declares it. */
	public enum ScalarKind {

		ID, STRING, INT, FLOAT, BOOLEAN, DATE, STRING_LIST, INT_LIST;

		public String filterType() {
			return switch (this) {
				case ID -> "IDFilter";
				case STRING -> "StringFilter";
				case INT -> "IntFilter";
				case FLOAT -> "FloatFilter";
				case BOOLEAN -> "Boolean";
				case DATE -> "PartialDateFilter";
				case STRING_LIST -> "StringListFilter";
				case INT_LIST -> "IntListFilter";
			};
		}

		public boolean sortable() {
			return this != STRING_LIST && this != INT_LIST;
		}

	}

	/** A relationship field of a node type or link type. */
	public record RelField(String name, String relType, boolean outgoing, boolean list, String targetType,
			List<String> targetNodeTypes, String linkType) {

		/** The single node type at the other end, or null for a union. */
		public String targetNode() {
			return this.targetNodeTypes.size() == 1 ? this.targetNodeTypes.getFirst() : null;
		}

	}

	/** A node type: its label, property fields and relationship fields. */
	public record NodeType(String name, String label, Map<String, ScalarKind> properties, Map<String, RelField> relationships) {

		public String singular() {
			return Character.toLowerCase(this.name.charAt(0)) + this.name.substring(1);
		}

		public String plural() {
			return plural(singular());
		}

		public static String plural(String word) {
			if (word.endsWith("erson")) {
				return word.substring(0, word.length() - "erson".length()) + "eople";
			}
			if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
				return word.substring(0, word.length() - 1) + "ies";
			}
			if (word.endsWith("s") || word.endsWith("x") || word.endsWith("sh") || word.endsWith("ch")) {
				return word + "es";
			}
			return word + "s";
		}

	}

	GraphModel(TypeDefinitionRegistry registry) {
		registry.getTypes(UnionTypeDefinition.class)
			.forEach(u -> this.unions.put(u.getName(),
					u.getMemberTypes().stream().map(t -> ((TypeName) t).getName()).toList()));
		List<ObjectTypeDefinition> objects = registry.getTypes(ObjectTypeDefinition.class);
		// an interface other than Entity stands, as a relationship's target, for the node types implementing it
		for (InterfaceTypeDefinition i : registry.getTypes(InterfaceTypeDefinition.class)) {
			if (!i.getName().equals("Entity")) {
				this.unions.put(i.getName(), objects.stream()
					.filter(o -> o.hasDirective("node") && o.getImplements().stream().anyMatch(t -> ((TypeName) t).getName().equals(i.getName())))
					.map(ObjectTypeDefinition::getName)
					.toList());
			}
		}
		for (ObjectTypeDefinition type : objects) {
			if (type.hasDirective("relationshipProperties")) {
				this.linkTypes.put(type.getName(), type);
			}
		}
		for (ObjectTypeDefinition type : objects) {
			boolean cited = type.getFieldDefinitions()
				.stream()
				.anyMatch(f -> f.getName().equals("sources") && innerName(f.getType()).equals("Citation"));
			if (cited && !type.hasDirective("node")) {
				this.citedTypes.add(type.getName());
			}
			if (!type.hasDirective("node")) {
				continue;
			}
			String label = stringArgument(type.getDirectives("node").getFirst(), "label").orElse(type.getName());
			Map<String, ScalarKind> properties = new LinkedHashMap<>();
			Map<String, RelField> relationships = new LinkedHashMap<>();
			for (FieldDefinition field : type.getFieldDefinitions()) {
				requireIdentifier(field.getName());
				if (field.hasDirective("relationship")) {
					relationships.put(field.getName(), relField(field));
				}
				else if (!PROVENANCE_FIELDS.contains(field.getName())) {
					scalarKind(field.getType()).ifPresent(kind -> {
						properties.put(field.getName(), kind);
						if (field.getType() instanceof NonNullType && kind != ScalarKind.STRING_LIST && kind != ScalarKind.INT_LIST) {
							this.requiredProperties.computeIfAbsent(label, k -> new ArrayList<>()).add(field.getName());
						}
					});
				}
			}
			requireIdentifier(label);
			this.nodes.put(type.getName(), new NodeType(type.getName(), label, properties, relationships));
		}
		for (InterfaceTypeDefinition i : registry.getTypes(InterfaceTypeDefinition.class)) {
			List<String> members = this.unions.get(i.getName());
			if (members == null || members.isEmpty()) {
				continue;
			}
			// a property every member stores with the same kind; one only some members have is null on the others
			Map<String, ScalarKind> shared = new LinkedHashMap<>();
			for (String member : members) {
				this.nodes.get(member).properties().forEach((name, kind) -> shared.merge(name, kind, (a, b) -> a == b ? a : null));
			}
			shared.values().removeIf(java.util.Objects::isNull);
			this.interfaceTypes.put(i.getName(), new NodeType(i.getName(), null, shared, Map.of()));
		}
	}

	/**
	 * The type whose {@code Where} and {@code Sort} filter a relationship field's targets: its one node type, or
	 * the interface it is declared with (a union has none).
	 */
	public Optional<NodeType> filterType(RelField rel) {
		if (rel.targetNode() != null) {
			return Optional.of(this.nodes.get(rel.targetNode()));
		}
		return Optional.ofNullable(this.interfaceTypes.get(rel.targetType()));
	}

	/** Interfaces that relationship fields may target, as filter types. */
	public Map<String, NodeType> interfaceTypes() {
		return this.interfaceTypes;
	}

	/** Non-null scalar properties of the node type with this label (its id among them). */
	public List<String> requiredProperties(String label) {
		return List.copyOf(this.requiredProperties.getOrDefault(label, List.of()));
	}

	/** Stored properties of the node type with this label (names and kinds), when there is such a type. */
	public Optional<Map<String, ScalarKind>> nodeProperties(String label) {
		return this.nodes.values().stream().filter(t -> t.label().equals(label)).findFirst().map(t -> Map.copyOf(t.properties()));
	}

	/**
	 * Every relationship the schema declares, as {@code [fromLabel, TYPE, toLabel]} with the properties it may
	 * carry (those of its {@code @relationshipProperties} type; none otherwise).
	 */
	public Map<List<String>, Map<String, ScalarKind>> relationshipPatterns() {
		Map<List<String>, Map<String, ScalarKind>> patterns = new LinkedHashMap<>();
		for (NodeType type : this.nodes.values()) {
			for (RelField rel : type.relationships().values()) {
				Map<String, ScalarKind> properties = new LinkedHashMap<>();
				if (rel.linkType() != null) {
					for (FieldDefinition field : this.linkTypes.get(rel.linkType()).getFieldDefinitions()) {
						if (!field.getName().equals("node") && !PROVENANCE_FIELDS.contains(field.getName())) {
							scalarKind(field.getType()).ifPresent(kind -> properties.put(field.getName(), kind));
						}
					}
				}
				for (String target : rel.targetNodeTypes()) {
					NodeType other = this.nodes.get(target);
					if (other == null) {
						continue;
					}
					List<String> pattern = rel.outgoing() ? List.of(type.label(), rel.relType(), other.label())
							: List.of(other.label(), rel.relType(), type.label());
					patterns.merge(pattern, properties, (a, b) -> {
						Map<String, ScalarKind> both = new LinkedHashMap<>(a);
						both.putAll(b);
						return both;
					});
				}
			}
		}
		return patterns;
	}

	/** Reads the schema files packaged under {@code graphql/}. */
	public static GraphModel fromClasspath() {
		try {
			TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
			// a file found twice (the same classes directory twice on a class path) is read once
			java.util.Set<String> read = new java.util.HashSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
				if (read.add(resource.getFilename())) {
					registry.merge(new SchemaParser().parse(resource.getContentAsString(StandardCharsets.UTF_8)));
				}
			}
			return new GraphModel(registry);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the GraphQL schema files", ex);
		}
	}

	private RelField relField(FieldDefinition field) {
		Directive d = field.getDirectives("relationship").getFirst();
		String relType = stringArgument(d, "type").orElseThrow();
		requireIdentifier(relType);
		Argument direction = d.getArgument("direction");
		boolean outgoing = "OUT".equals(((EnumValue) direction.getValue()).getName());
		Type<?> type = unwrapNonNull(field.getType());
		boolean list = type instanceof ListType;
		String typeName = innerName(field.getType());
		String link = null;
		String target = typeName;
		if (this.linkTypes.containsKey(typeName)) {
			link = typeName;
			FieldDefinition node = this.linkTypes.get(typeName)
				.getFieldDefinitions()
				.stream()
				.filter(f -> f.getName().equals("node"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(typeName + " needs a `node` field"));
			target = innerName(node.getType());
		}
		List<String> targets = this.unions.getOrDefault(target, List.of(target));
		return new RelField(field.getName(), relType, outgoing, list, target, targets, link);
	}

	private static Optional<ScalarKind> scalarKind(Type<?> type) {
		Type<?> t = unwrapNonNull(type);
		if (t instanceof ListType listType) {
			return switch (innerName(listType.getType())) {
				case "String" -> Optional.of(ScalarKind.STRING_LIST);
				case "Int" -> Optional.of(ScalarKind.INT_LIST);
				default -> Optional.empty();
			};
		}
		return switch (((TypeName) t).getName()) {
			case "ID" -> Optional.of(ScalarKind.ID);
			case "String" -> Optional.of(ScalarKind.STRING);
			case "Int" -> Optional.of(ScalarKind.INT);
			case "Float" -> Optional.of(ScalarKind.FLOAT);
			case "Boolean" -> Optional.of(ScalarKind.BOOLEAN);
			case "PartialDate" -> Optional.of(ScalarKind.DATE);
			default -> Optional.empty();
		};
	}

	private static Type<?> unwrapNonNull(Type<?> type) {
		return type instanceof NonNullType nn ? nn.getType() : type;
	}

	public static String innerName(Type<?> type) {
		Type<?> t = type;
		while (!(t instanceof TypeName)) {
			t = (t instanceof NonNullType nn) ? nn.getType() : ((ListType) t).getType();
		}
		return ((TypeName) t).getName();
	}

	private static Optional<String> stringArgument(Directive directive, String name) {
		Argument argument = directive.getArgument(name);
		return argument == null ? Optional.empty() : Optional.of(((StringValue) argument.getValue()).getValue());
	}

	public static String requireIdentifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalStateException("Not a valid identifier in the schema: " + name);
		}
		return name;
	}

	public Map<String, NodeType> nodes() {
		return this.nodes;
	}

	public NodeType node(String name) {
		NodeType type = this.nodes.get(name);
		if (type == null) {
			throw new IllegalArgumentException("Unknown node type " + name);
		}
		return type;
	}

	public Map<String, ObjectTypeDefinition> linkTypes() {
		return this.linkTypes;
	}

	/** Non-node types with a {@code sources: [Citation!]!} field read from {@code sourceIds}/{@code quotes}. */
	public List<String> citedTypes() {
		return this.citedTypes;
	}

	public Map<String, List<String>> unions() {
		return this.unions;
	}

	/** The labels of the entities a look-up by id may find: every node type but the claims of disputes. */
	public List<String> entityLabels() {
		return this.nodes.values().stream().filter(t -> !t.name().equals("Assertion")).map(NodeType::label).toList();
	}

	/** Relationship types declared in the schema, in declaration order. */
	public List<String> relationshipTypes() {
		return this.nodes.values()
			.stream()
			.flatMap(n -> n.relationships().values().stream())
			.map(RelField::relType)
			.distinct()
			.toList();
	}

	/** Maps Neo4j labels to the GraphQL type of a node. */
	public String typeForLabels(List<String> labels) {
		for (NodeType type : this.nodes.values()) {
			if (labels.contains(type.label())) {
				return type.name();
			}
		}
		throw new IllegalStateException("No GraphQL type for labels " + labels);
	}

	/** The label of the node type named {@code typeName} (in any case), when there is one. */
	public Optional<String> labelIgnoringCase(String typeName) {
		return nodeIgnoringCase(typeName).map(NodeType::label);
	}

	/** Labels that {@code search} may return, by type name (case-insensitive lookup). */
	public Optional<NodeType> nodeIgnoringCase(String name) {
		return this.nodes.values().stream().filter(n -> n.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst();
	}

	public List<String> labels() {
		return new ArrayList<>(this.nodes.values().stream().map(NodeType::label).toList());
	}

}
