package io.ipgraph.graphql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/** The {@code PartialDate} scalar: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, checked for validity. */
final class PartialDateScalar {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	private PartialDateScalar() {
	}

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("PartialDate")
		.description("A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.")
		.coercing(new Coercing<String, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				return value.toString();
			}

			@Override
			public String parseValue(Object input, GraphQLContext context, Locale locale) {
				if (!(input instanceof String s)) {
					throw new CoercingParseValueException("PartialDate must be a string like 2008, 2008-02 or 2008-02-07");
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
					throw new CoercingParseLiteralException("PartialDate must be a string like 2008, 2008-02 or 2008-02-07");
				}
				String error = check(s.getValue());
				if (error != null) {
					throw new CoercingParseLiteralException(error);
				}
				return s.getValue();
			}
		})
		.build();

	/** Null when the text is a valid partial date, else what is wrong with it. */
	static String check(String text) {
		Matcher m = FORMAT.matcher(text);
		if (!m.matches()) {
			return "'" + text + "' is not a PartialDate: use YYYY, YYYY-MM or YYYY-MM-DD";
		}
		try {
			int year = Integer.parseInt(m.group(1));
			if (m.group(3) != null) {
				LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			else if (m.group(2) != null) {
				YearMonth.of(year, Integer.parseInt(m.group(2)));
			}
		}
		catch (DateTimeException ex) {
			return "'" + text + "' is not a valid date: " + ex.getMessage();
		}
		return null;
	}

}
