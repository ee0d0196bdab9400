package io.ipgraph.clocks;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.ipgraph.clocks.ClockRules.Rule;
import io.ipgraph.model.Cited;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.PartialDates;

import org.springframework.stereotype.Service;

/**
 * The legal clocks of a registration: each rule of its office ({@link ClockRules}) applied to the registration's
 * dates. A date known to the day gives a day; a partial date ({@code 2004}, {@code 2004-07}) or a date known between
 * two bounds gives the earliest and the latest day the deadline can fall on; a missing date, or one known only on one
 * side ({@code ..1971-04-18}), gives no date and says why. Holidays and office closures, which can move a last day,
 * are not counted.
 */
@Service
public class LegalClocks {

	/** A day, or, when the date it is counted from is not known to the day, the earliest and latest it can be. */
	public record When(String on, String earliest, String latest) {

		static When of(LocalDate first, LocalDate last) {
			return new When(first.equals(last) ? first.toString() : null, first.toString(), last.toString());
		}

		/** As a PartialDate: the day, or the bound between the earliest and the latest day. */
		public String date() {
			return this.on != null ? this.on : this.earliest + PartialDates.BOUND + this.latest;
		}

		LocalDate first() {
			return LocalDate.parse(this.earliest);
		}

		LocalDate last() {
			return LocalDate.parse(this.latest);
		}
	}

	/**
	 * One rule applied to one registration: when its window opens and closes, how late it can be stretched, where it
	 * stands on {@code asOf} (not-yet-open, open, late, closed, uncertain when the date's uncertainty straddles
	 * {@code asOf}, unknown when it cannot be computed, with {@code cannotCompute} saying why), and the sources of
	 * the registration's date it is counted from.
	 */
	public record LegalClock(String registrationId, String office, Rule rule, String from, String fromDate, String basis, When opens, When closes,
			When lateUntil, String state, Long daysLeft, String cannotCompute, List<String> sourceIds, List<String> quotes) implements Cited {
	}

	private final ClockRules rules;

	public LegalClocks() {
		this(ClockRules.load());
	}

	LegalClocks(ClockRules rules) {
		this.rules = rules;
	}

	public ClockRules rules() {
		return this.rules;
	}

	/** The clocks of a registration row (an entity row of type Registration), where they stand on {@code asOf}. */
	public List<LegalClock> of(Map<String, Object> registration, LocalDate asOf) {
		String office = (String) registration.get("office");
		List<LegalClock> clocks = new ArrayList<>();
		for (Rule rule : this.rules.of(office)) {
			clocks.add(clock(registration, rule, asOf));
		}
		return clocks;
	}

	private LegalClock clock(Map<String, Object> registration, Rule rule, LocalDate asOf) {
		String id = (String) registration.get("id");
		String office = (String) registration.get("office");
		List<String> sourceIds = EntityRow.strings(registration.get("sourceIds"));
		List<String> quotes = EntityRow.strings(registration.get("quotes"));
		Base base = base(registration, rule);
		if (base.missing() != null) {
			return new LegalClock(id, office, rule, rule.from(), base.date(), base.basis(), null, null, null, "unknown", null,
					base.missing(), sourceIds, quotes);
		}
		When opens = rule.opens() == null ? null : shifted(base, rule.opens(), false);
		When closes = rule.closes() == null ? null : shifted(base, rule.closes(), rule.dayBefore());
		When late = rule.late() == null ? null : shifted(base, rule.late().until(), rule.dayBefore());
		String state = state(opens, closes, late, asOf);
		Long daysLeft = state.equals("open") && closes != null ? ChronoUnit.DAYS.between(asOf, closes.first()) : null;
		return new LegalClock(id, office, rule, rule.from(), base.date(), base.basis(), opens, closes, late, state, daysLeft, null, sourceIds, quotes);
	}

	/** The date a rule counts from: its first and last possible day, the text it was read from, and how it was found. */
	private record Base(LocalDate first, LocalDate last, String date, String basis, String missing) {
	}

	private Base base(Map<String, Object> registration, Rule rule) {
		if (!rule.from().equals("termEnds")) {
			String date = (String) registration.get(rule.from());
			return read(date, rule.from(), rule.from() + " " + date);
		}
		String expires = (String) registration.get("expiresOn");
		if (expires != null) {
			return read(expires, "expiresOn", "expiresOn " + expires + ", as recorded");
		}
		Rule term = this.rules.of((String) registration.get("office")).stream().filter(r -> r.kind().equals("term")).findFirst().orElseThrow();
		Base start = base(registration, term);
		if (start.missing() != null) {
			return new Base(null, null, null, null, "no expiresOn is recorded, and the end of the first term (rule " + term.id()
					+ ") cannot be computed: " + start.missing());
		}
		When end = shifted(start, term.closes(), term.dayBefore());
		return new Base(end.first(), end.last(), end.date(), "the end of the first term (rule " + term.id() + ", from " + start.basis()
				+ "); no expiresOn is recorded and renewals after it are not in the graph", null);
	}

	private static Base read(String date, String property, String basis) {
		if (date == null) {
			return new Base(null, null, null, null, "the registration has no " + property + " in the graph (" + WHAT.get(property) + ")");
		}
		LocalDate first = PartialDates.firstDay(date);
		LocalDate last = PartialDates.lastDay(date);
		if (first == null || last == null) {
			return new Base(null, null, date, basis, property + " is known only as " + PartialDates.words(date) + ", with no bound on the other side");
		}
		return new Base(first, last, date, basis, null);
	}

	private static final Map<String, String> WHAT = Map.of("publishedOn", "the date the application was published for opposition", "filedOn",
			"the filing date", "registeredOn", "the registration date", "expiresOn", "the expiry date");

	private static When shifted(Base base, String period, boolean dayBefore) {
		Period p = Period.parse(period);
		LocalDate first = base.first().plus(p);
		LocalDate last = base.last().plus(p);
		return dayBefore ? When.of(first.minusDays(1), last.minusDays(1)) : When.of(first, last);
	}

	private static String state(When opens, When closes, When late, LocalDate asOf) {
		if (opens != null && asOf.isBefore(opens.first())) {
			return "not-yet-open";
		}
		if (closes != null && asOf.isAfter(closes.last())) {
			return late != null && !asOf.isAfter(late.first()) ? "late" : late != null && !asOf.isAfter(late.last()) ? "uncertain" : "closed";
		}
		boolean opened = opens == null || !asOf.isBefore(opens.last());
		boolean notClosed = closes == null || !asOf.isAfter(closes.first());
		return opened && notClosed ? "open" : "uncertain";
	}

	/** A one-line title for a timeline: what happens on the day, with the article. */
	public static String title(LegalClock clock, boolean opening, String registration) {
		Rule r = clock.rule();
		String what = r.kind().equals("term") ? r.name() : r.name() + (opening ? " opens" : " closes");
		return registration + ": " + what + " (" + r.law() + " " + r.article() + ")"
				+ (!opening && clock.lateUntil() != null ? "; " + clock.rule().late().how() + ", until " + clock.lateUntil().date() : "")
				+ (Objects.equals(clock.from(), "termEnds") && clock.basis() != null && clock.basis().startsWith("the end of the first term")
						? " [first term; renewals not in the graph]" : "");
	}

}
