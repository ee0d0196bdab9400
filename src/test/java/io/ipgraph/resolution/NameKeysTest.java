package io.ipgraph.resolution;

import java.util.List;

import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.resolution.NameMatcher.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Name folding and comparison, on the names and aliases the seed sources use. */
class NameKeysTest {

	@Test
	void legalFormsCasePunctuationWidthAndDomainsFoldAway() {
		assertThat(NameKeys.of("Amazon.com, Inc.").normalizedKey()).isEqualTo("amazon");
		assertThat(NameKeys.of("ＡＭＡＺＯＮ．ＣＯＭ　ＩＮＣ").normalizedKey()).isEqualTo("amazon");
		assertThat(NameKeys.of("Huanghuanxin.com").normalizedKey()).isEqualTo("huanghuanxin");
		assertThat(NameKeys.of("Beijing Sinnet Technology Co., Ltd.").normalized()).isEqualTo("beijing sinnet technology");
		assertThat(NameKeys.of("Siemens AG").normalizedKey()).isEqualTo("siemens");
		assertThat(NameKeys.of("Procter & Gamble Company").normalized()).isEqualTo("procter and gamble");
		// a legal form alone is a name, not nothing
		assertThat(NameKeys.of("Company").normalizedKey()).isEqualTo("company");
	}

	@Test
	void chineseLegalFormsAndGenericWordsLeaveTheCoreInPinyin() {
		NameKeys keys = NameKeys.of("北京炎黄盈动科技发展有限责任公司");
		assertThat(keys.normalized()).isEqualTo("北京炎黄盈动科技发展");
		assertThat(keys.normalizedKey()).isEqualTo("beijingyanhuangyingdongkejifazhan");
		assertThat(keys.coreKey()).isEqualTo("yanhuangyingdong");
		assertThat(NameKeys.of("Beijing ActionSoft Science & Technology Development Co.").coreKey()).isEqualTo("actionsoft");
		assertThat(NameKeys.of("株式会社サンプル").normalized()).isEqualTo("サンプル");
	}

	@Test
	void matchesSayWhy() {
		assertThat(kinds("光环新网", "Guanghuan Xinwang")).containsExactly("transliteration");
		assertThat(kinds("Amazon", "Amazon.com, Inc.")).containsExactly("normalized-name");
		assertThat(kinds("ActionSoft", "Beijing ActionSoft Science & Technology Development Co.")).containsExactly("core-name");
		assertThat(kinds("Yanhuang Yingxing", "北京炎黄盈动科技发展有限责任公司")).containsExactly("spelling");
		assertThat(kinds("Anatel", "Anatel")).containsExactly("identical-name");
		assertThat(NameMatcher.compare("Amazon", "Alibaba")).isEmpty();
		assertThat(NameMatcher.compare("Sinnet", "Sinopec")).isEmpty();
		Reason spelling = NameMatcher.compare("Yanhuang Yingxing", "北京炎黄盈动科技发展有限责任公司").orElseThrow().getFirst();
		assertThat(spelling.detail()).contains("'yanhuangyingxing' and 'yanhuangyingdong' are 2 edits apart");
		assertThat(spelling.weight()).isBetween(0.5, 0.7);
	}

	@Test
	void indexKeysCoverEveryName() {
		assertThat(NameKeys.indexKeys(List.of("Beijing Sinnet Technology Co.", "光环新网", "Huanghuanxin.com")))
			.contains("n_beijingsinnettechnology", "c_sinnet", "n_guanghuanxinwang", "n_huanghuanxin");
	}

	@Test
	void theNameIndexOfTheMigrationsCoversExactlyTheNamedLabels() throws Exception {
		String migration = java.nio.file.Files.readString(java.nio.file.Path.of("cypher/migrations/V0004__Entity_resolution.cypher"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("FOR \\(n:([A-Za-z|]+)\\) ON EACH \\[n\\.nameKeys\\]").matcher(migration);
		assertThat(m.find()).as("the entity_names index in V0004").isTrue();
		assertThat(List.of(m.group(1).split("\\|"))).containsExactlyInAnyOrderElementsOf(DerivedKeys.NAMED_LABELS);
	}

	private static List<String> kinds(String a, String b) {
		return NameMatcher.compare(a, b).orElseThrow().stream().map(Reason::kind).toList();
	}

}
