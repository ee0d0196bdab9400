package io.ipgraph.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one import may read, so that no file or upload can exhaust the memory of the process that also holds the
 * database. Past a limit the import stops with {@link ImportLimitExceeded} (HTTP 413) naming the limit; the whole
 * batches before it stay written, as after an interrupted import, and nothing of the line or record at fault is.
 *
 * @param maxLine the longest line of a JSON Lines file (its UTF-8 characters)
 * @param maxExpanded the most an upload may expand to once decompressed (and the most a plain upload may carry)
 * @param maxExpansionRatio how many times its compressed size a gzip upload may expand to (a "zip bomb" is refused
 *        within its first megabytes)
 */
@ConfigurationProperties("ipgraph.imports")
public record ImportLimits(@DefaultValue("4MB") DataSize maxLine, @DefaultValue("8GB") DataSize maxExpanded,
		@DefaultValue("200") int maxExpansionRatio) {

	/** The defaults, for code that runs without the application's configuration. */
	public static final ImportLimits DEFAULTS = new ImportLimits(DataSize.ofMegabytes(4), DataSize.ofGigabytes(8), 200);

	public ImportLimits {
		if (maxLine == null || maxLine.toBytes() < 1024) {
			throw new IllegalArgumentException("ipgraph.imports.max-line must be at least 1KB");
		}
		if (maxExpanded == null || maxExpanded.toBytes() < 1024) {
			throw new IllegalArgumentException("ipgraph.imports.max-expanded must be at least 1KB");
		}
		if (maxExpansionRatio < 2) {
			throw new IllegalArgumentException("ipgraph.imports.max-expansion-ratio must be at least 2");
		}
	}

}
