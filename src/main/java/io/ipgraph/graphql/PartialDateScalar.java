package io.ipgraph.graphql;

import java.util.Locale;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import io.ipgraph.model.PartialDates;

/** The {@code PartialDate} scalar: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, checked for validity. */
final class PartialDateScalar {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	private PartialDateScalar() {
	}

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("PartialDate")
		.description("A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD; or a bound: ..YYYY (on or before), YYYY.. (on or after), YYYY..YYYY (between).")
		.coercing(new Coercing<String, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				return value.toString();
			}

			@Override
			public String parseValue(Object input, GraphQLContext context, Locale locale) {
				if (!(input instanceof String s)) {
					throw new CoercingParseValueException("PartialDate must be a string like 2008, 2008-02, 2008-02-07 or ..2010");
				}
				String error = check(s);
				if (error != null) {
					throw new CoercingParseValueException(error);
				}
				return s;
			}

			@Override
			public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (!(input instanceof StringValue s)) {
					throw new CoercingParseLiteralException("PartialDate must be a string like 2008, 2008-02, 2008-02-07 or ..2010");
				}
				String error = check(s.getValue());
				if (error != null) {
					throw new CoercingParseLiteralException(error);
				}
				return s.getValue();
			}
		})
		.build();

	/** Null when the text is a valid partial or bounded date, else what is wrong with it. */
	static String check(String text) {
		return PartialDates.check(text);
	}

}
