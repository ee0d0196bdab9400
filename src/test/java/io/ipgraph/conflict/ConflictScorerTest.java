package io.ipgraph.conflict;

import java.util.List;

import io.ipgraph.conflict.ConflictScorer.Candidate;
import io.ipgraph.conflict.ConflictScorer.Query;
import io.ipgraph.conflict.ConflictScorer.Reason;
import io.ipgraph.conflict.ConflictScorer.Scored;
import io.ipgraph.keys.MarkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The explainable score: which reason each kind of similarity gets, and what does not count. */
class ConflictScorerTest {

	private static Candidate registration(String text, List<Integer> classes, String filedOn) {
		MarkKeys keys = MarkKeys.of(text);
		return new Candidate("X:" + text, text, keys.normalized(), keys.pinyin(), keys.phonetic(), classes, filedOn);
	}

	private static List<String> kinds(Scored scored) {
		return scored.reasons().stream().map(Reason::kind).toList();
	}

	@Test
	void identicalTextSharedClassAndEarlierFilingAddUp() {
		Scored scored = ConflictScorer.score(Query.of("AWS", List.of(42), "2014"), registration("AWS", List.of(42), "2004"));
		assertThat(kinds(scored)).containsExactly("identical-text", "shared-class", "earlier-filing");
		assertThat(scored.score()).isEqualTo(ConflictScorer.IDENTICAL + ConflictScorer.SHARED_CLASS + ConflictScorer.EARLIER);
	}

	@Test
	void theSameLettersInAnotherCaseAreANormalisedMatchNotTheSameText() {
		Scored scored = ConflictScorer.score(Query.of("iPad", List.of(18), null), registration("IPAD", List.of(18), "2010"));
		assertThat(kinds(scored)).containsExactly("normalized-text", "shared-class");
		assertThat(scored.reasons().getFirst().detail()).isEqualTo("\"IPAD\" is \"iPad\" once case, width and punctuation are folded");
	}

	@Test
	void aRegistrationWithoutAFilingDateIsPlacedByItsRegistrationDateAndTheReasonSaysSo() {
		MarkKeys keys = MarkKeys.of("AWS");
		Candidate registeredOnly = new Candidate("X:AWS", "AWS", keys.normalized(), keys.pinyin(), keys.phonetic(), List.of(42), null, "2006-05");
		Scored scored = ConflictScorer.score(Query.of("AWS", List.of(42), "2014"), registeredOnly);
		assertThat(kinds(scored)).containsExactly("identical-text", "shared-class", "earlier-registration");
		assertThat(scored.reasons().getLast().detail()).isEqualTo("filing date not known; registered 2006-05 (its earliest known date), before 2014");
		// registered after the date: not earlier; no date at all: it may be earlier, and the reason says so
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2005"), registeredOnly)).isNull();
		Scored undated = ConflictScorer.score(Query.of("AWS", List.of(42), "2014"),
				new Candidate("X:AWS", "AWS", keys.normalized(), keys.pinyin(), keys.phonetic(), List.of(42), null, null));
		assertThat(kinds(undated)).containsExactly("identical-text", "shared-class", "date-unknown");
		assertThat(undated.score()).isLessThan(scored.score());
	}

	@Test
	void aWholeMarkInsideAnotherCountsBothWaysAndAcrossScripts() {
		Scored contained = ConflictScorer.score(Query.of("HONDAKIT", List.of(12), null), registration("HONDA", List.of(12), "1982"));
		assertThat(kinds(contained)).containsExactly("contained", "shared-class");
		Scored contains = ConflictScorer.score(Query.of("奔富", List.of(33), null), registration("奔富酒园", List.of(33), "2008"));
		assertThat(kinds(contains)).containsExactly("contains", "shared-class");
		assertThat(contains.reasons().getFirst().detail()).isEqualTo("\"奔富酒园\" contains the whole of \"奔富\"");
		// the Latin spelling of the Chinese name meets the Chinese mark through its pinyin
		Scored latin = ConflictScorer.score(Query.of("Benfu", List.of(33), null), registration("奔富酒园", List.of(33), "2008"));
		assertThat(kinds(latin)).containsExactly("contains", "shared-class");
		assertThat(latin.reasons().getFirst().detail()).isEqualTo("\"奔富酒园\" (\"benfujiuyuan\" in pinyin) contains the whole of \"Benfu\" (\"benfu\")");
		// three letters are no whole mark: AWS is not found in LAWSON
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(9), null), registration("LAWSON", List.of(9), "2008"))).isNull();
	}

	@Test
	void foldsWidthCaseAndPunctuation() {
		assertThat(MarkKeys.of("Ａ.W-s").normalized()).isEqualTo("aws");
		assertThat(kinds(ConflictScorer.score(Query.of("a.w.s", List.of(), null), registration("ＡＷＳ", List.of(9), "2004"))))
			.containsExactly("normalized-text");
	}

	@Test
	void chineseCharactersMeetTheirPinyinTransliteration() {
		assertThat(MarkKeys.of("炎黄").pinyin()).isEqualTo("yanhuang");
		Scored scored = ConflictScorer.score(Query.of("Yanhuang", List.of(42), null), registration("炎黄", List.of(42), "2004"));
		assertThat(kinds(scored)).containsExactly("transliteration", "shared-class");
		assertThat(scored.reasons().getFirst().detail()).contains("yanhuang");
	}

	@Test
	void soundAlikeAndSpellingVariantsCount() {
		assertThat(kinds(ConflictScorer.score(Query.of("Kodak", List.of(), null), registration("Codac", List.of(1), "2000"))))
			.containsExactly("sound-alike");
		Scored typo = ConflictScorer.score(Query.of("Amazon", List.of(), null), registration("Amazom", List.of(1), "2000"));
		assertThat(typo.reasons().getFirst().kind()).isIn("spelling", "sound-alike");
		assertThat(ConflictScorer.score(Query.of("Amazon", List.of(), null), registration("Zebra", List.of(1), "2000"))).isNull();
	}

	@Test
	void relatedClassesWeighLessThanSharedOnes() {
		Scored related = ConflictScorer.score(Query.of("AWS", List.of(9), null), registration("AWS", List.of(42), "2004"));
		assertThat(kinds(related)).containsExactly("identical-text", "related-class");
		assertThat(related.reasons().get(1).weight()).isLessThan(ConflictScorer.SHARED_CLASS);
	}

	@Test
	void laterFilingsDoNotCountWhenADateIsGivenAndBoundedOnesCountOnlyAsFarAsTheyAreCertain() {
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2004"), registration("AWS", List.of(42), "2004"))).isNull();
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2004-03"), registration("AWS", List.of(42), "2004"))).isNotNull();
		// filed on or before 2000: certainly before 2001; perhaps before 1999; after 2006: not before 2005
		assertThat(kinds(ConflictScorer.score(Query.of("AWS", List.of(42), "2001"), registration("AWS", List.of(42), "..2000"))))
			.containsExactly("identical-text", "shared-class", "earlier-filing");
		Scored perhaps = ConflictScorer.score(Query.of("AWS", List.of(42), "1999"), registration("AWS", List.of(42), "..2000"));
		assertThat(kinds(perhaps)).containsExactly("identical-text", "shared-class", "possibly-earlier");
		assertThat(perhaps.reasons().getLast().detail()).isEqualTo("filed on or before 2000: it may be before 1999");
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2005"), registration("AWS", List.of(42), "2006.."))).isNull();
	}

}
