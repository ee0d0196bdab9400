package io.ipgraph.graphql;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Refuses, before any data is fetched, an operation that is too deep, selects too many fields or aliases, or
 * would cost too much: each field costs 1 times the page sizes of the lists it sits in ({@code limit} / {@code first}
 * as given, else the default page size at the root, three for a relationship list and one for other lists). Fragments are expanded
 * while counting, and counting stops at the first limit passed, so a fragment bomb costs nothing to refuse.
 * Also bounds the parser (tokens, characters, nesting) so an enormous document is not even read to the end.
 */
public class QueryLimits extends SimplePerformantInstrumentation {

	private static final int UNBOUNDED_LIST = 3;

	private final GraphQlProperties limits;

	public QueryLimits(GraphQlProperties limits) {
		this.limits = limits;
		ParserOptions parser = ParserOptions.newParserOptions()
			.maxTokens(limits.maxTokens())
			.maxWhitespaceTokens(limits.maxTokens() * 20)
			.maxCharacters((int) Math.min(Integer.MAX_VALUE, limits.maxRequestSize().toBytes()))
			.maxRuleDepth(limits.maxDepth() * 8)
			.build();
		ParserOptions.setDefaultOperationParserOptions(parser);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		var context = parameters.getExecutionContext();
		GraphQLSchema schema = context.getGraphQLSchema();
		GraphQLObjectType root = switch (context.getOperationDefinition().getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
		new Tally(schema, context.getFragmentsByName(), context.getCoercedVariables().toMap())
			.selections(context.getOperationDefinition().getSelectionSet(), root, 1, 1);
		return SimpleInstrumentationContext.noOp();
	}

	private final class Tally {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private int fields;

		private int aliases;

		private long cost;

		Tally(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.schema = schema;
			this.fragments = fragments;
			this.variables = variables;
		}

		void selections(SelectionSet set, GraphQLType parent, int depth, long multiplier) {
			if (set == null) {
				return;
			}
			for (Selection<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					field(field, parent, depth, multiplier);
				}
				else if (selection instanceof InlineFragment inline) {
					selections(inline.getSelectionSet(), typeOf(inline.getTypeCondition(), parent), depth, multiplier);
				}
				else if (selection instanceof FragmentSpread spread && this.fragments.get(spread.getName()) != null) {
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					selections(fragment.getSelectionSet(), typeOf(fragment.getTypeCondition(), parent), depth, multiplier);
				}
			}
		}

		private GraphQLType typeOf(TypeName condition, GraphQLType otherwise) {
			return (condition != null && this.schema.getType(condition.getName()) != null) ? this.schema.getType(condition.getName()) : otherwise;
		}

		private void field(Field field, GraphQLType parent, int depth, long multiplier) {
			GraphQlProperties limits = QueryLimits.this.limits;
			if (field.getName().startsWith("__") && !field.getName().equals("__typename")) {
				// __schema / __type count as one field (and alias) each; what they select is introspection, which
				// graphql-java bounds itself. __typename is a field like any other.
				check(++this.fields <= limits.maxFields(), "The query selects more than " + limits.maxFields() + " fields (fragments counted where they are used)");
				if (field.getAlias() != null) {
					check(++this.aliases <= limits.maxAliases(), "The query uses more than " + limits.maxAliases() + " aliases");
				}
				return;
			}
			check(depth <= limits.maxDepth(), "The query is nested " + depth + " levels deep; the limit is " + limits.maxDepth());
			check(++this.fields <= limits.maxFields(), "The query selects more than " + limits.maxFields() + " fields (fragments counted where they are used)");
			if (field.getAlias() != null) {
				check(++this.aliases <= limits.maxAliases(), "The query uses more than " + limits.maxAliases() + " aliases");
			}
			this.cost += multiplier;
			check(this.cost <= limits.maxComplexity(), "The query would cost more than " + limits.maxComplexity()
					+ " (each field counts once per item of the lists around it); ask for smaller pages or fewer fields");
			GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(field.getName()) : null;
			if (definition != null && field.getSelectionSet() != null) {
				GraphQLOutputType type = definition.getType();
				long items = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type)) ? pageSize(field, definition, depth) : declaredPage(field, 1);
				selections(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(type), depth + 1, Math.min(Long.MAX_VALUE / 1000, multiplier * items));
			}
		}

		/**
		 * How many items a list field may bring: its limit / first; without one, the default page size for a root list,
		 * three for a relationship list (its data bounds it, and relationship fields cap it) and one for other lists
		 * (sources, claims).
		 */
		private long pageSize(Field field, GraphQLFieldDefinition definition, int depth) {
			long otherwise = (depth == 1) ? limits.defaultPageSize() : (definition.getArgument("limit") != null) ? UNBOUNDED_LIST : 1;
			return declaredPage(field, otherwise);
		}

		/** A connection's {@code first} multiplies what is under its edges even though the field itself is not a list. */
		private long declaredPage(Field field, long otherwise) {
			for (Argument argument : field.getArguments()) {
				if (argument.getName().equals("limit") || argument.getName().equals("first")) {
					Object value = argument.getValue();
					// a page beyond the caps is refused by the field itself, with a message that says so
					if (value instanceof IntValue number) {
						return Math.clamp(number.getValue().longValue(), 1, pageCap());
					}
					if (value instanceof VariableReference reference && this.variables.get(reference.getName()) instanceof Number number) {
						return Math.clamp(number.longValue(), 1, pageCap());
					}
				}
			}
			return otherwise;
		}

	}

	private long pageCap() {
		return Math.max(this.limits.maxPageSize(), this.limits.maxRelated());
	}

	private static void check(boolean within, String message) {
		if (!within) {
			throw new AbortExecutionException(message);
		}
	}

}
