package io.ipgraph.conflict;

import java.util.List;

import io.ipgraph.conflict.ConflictScorer.Candidate;
import io.ipgraph.conflict.ConflictScorer.Query;
import io.ipgraph.conflict.ConflictScorer.Reason;
import io.ipgraph.conflict.ConflictScorer.Scored;
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
	void laterOrUndatedFilingsDoNotCountWhenADateIsGiven() {
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2004"), registration("AWS", List.of(42), "2004"))).isNull();
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2004"), registration("AWS", List.of(42), null))).isNull();
		assertThat(ConflictScorer.score(Query.of("AWS", List.of(42), "2004-03"), registration("AWS", List.of(42), "2004"))).isNotNull();
	}

}
