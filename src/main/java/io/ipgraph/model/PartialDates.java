package io.ipgraph.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the sources give them: exact ({@code 2008-02-07}), partial ({@code 2008}, {@code 2008-02}) or known
 * only as a bound: {@code ..2010} (on or before 2010), {@code 2006..} (on or after 2006), {@code 2006..2010}
 * (between). A comparison with a bounded date holds only when it holds for every date the bound allows, so
 * "filed before 2005" is not said of a filing known only as "..2010".
 */
public final class PartialDates {

	/** Separates the bounds of a bounded date. */
	public static final String BOUND = "..";

	private static final Pattern EXACT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	private PartialDates() {
	}

	/** Null when the text is a valid date (exact, partial or bounded), else what is wrong with it. */
	public static String check(String text) {
		int bound = text.indexOf(BOUND);
		if (bound < 0) {
			return exact(text);
		}
		String from = text.substring(0, bound);
		String to = text.substring(bound + BOUND.length());
		if (from.isEmpty() && to.isEmpty()) {
			return "'" + text + "' is not a PartialDate: a bound needs a date on at least one side of ..";
		}
		for (String side : new String[] { from, to }) {
			if (!side.isEmpty()) {
				String error = exact(side);
				if (error != null) {
					return error + " (in the bound '" + text + "')";
				}
			}
		}
		if (!from.isEmpty() && !to.isEmpty()) {
			if (to.startsWith(from)) {
				return "'" + text + "': write the start at the end's precision (e.g. 2006-01..2006-05)";
			}
			if (from.compareTo(to) > 0) {
				return "'" + text + "': the start of the bound is after its end";
			}
		}
		return null;
	}

	/** The earliest the date can be (its text for an exact or partial date), or null when it has no lower bound. */
	public static String earliest(String date) {
		int bound = date.indexOf(BOUND);
		if (bound < 0) {
			return date;
		}
		return bound == 0 ? null : date.substring(0, bound);
	}

	/** The latest the date can be (its text for an exact or partial date), or null when it has no upper bound. */
	public static String latest(String date) {
		int bound = date.indexOf(BOUND);
		if (bound < 0) {
			return date;
		}
		String to = date.substring(bound + BOUND.length());
		return to.isEmpty() ? null : to;
	}

	/** True when the date is known only as a bound. */
	public static boolean bounded(String date) {
		return date != null && date.contains(BOUND);
	}

	/**
	 * The first day the date can be: {@code 2004} gives 2004-01-01, {@code 2004-07} 2004-07-01, {@code 2006..2010}
	 * 2006-01-01; null when it has no lower bound ({@code ..2010}).
	 */
	public static LocalDate firstDay(String date) {
		String from = earliest(date);
		if (from == null) {
			return null;
		}
		String[] parts = from.split("-");
		return LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
				parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
	}

	/** The last day the date can be: {@code 2004} gives 2004-12-31, {@code 2004-02} 2004-02-29; null when it has no upper bound. */
	public static LocalDate lastDay(String date) {
		String to = latest(date);
		if (to == null) {
			return null;
		}
		String[] parts = to.split("-");
		int year = Integer.parseInt(parts[0]);
		if (parts.length == 1) {
			return LocalDate.of(year, 12, 31);
		}
		YearMonth month = YearMonth.of(year, Integer.parseInt(parts[1]));
		return parts.length == 2 ? month.atEndOfMonth() : month.atDay(Integer.parseInt(parts[2]));
	}

	/** The date in words for a report: "on or before 2010", "between 2006 and 2010", or the date itself. */
	public static String words(String date) {
		if (!bounded(date)) {
			return date;
		}
		String from = earliest(date);
		String to = latest(date);
		if (from == null) {
			return "on or before " + to;
		}
		return to == null ? "on or after " + from : "between " + from + " and " + to;
	}

	private static String exact(String text) {
		Matcher m = EXACT.matcher(text);
		if (!m.matches()) {
			return "'" + text + "' is not a PartialDate: use YYYY, YYYY-MM or YYYY-MM-DD, or a bound such as ..2010, 2006.. or 2006..2010";
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
