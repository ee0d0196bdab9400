package io.ipgraph.imports;

/** An import stopped at one of its {@link ImportLimits}: the message names the limit and its configuration key. */
public final class ImportLimitExceeded extends RuntimeException {

	private final String key;

	private transient ImportSummary summary;

	public ImportLimitExceeded(String key, String message) {
		super(message);
		this.key = key;
	}

	/** The configuration key of the limit, e.g. {@code ipgraph.imports.max-line}. */
	public String key() {
		return this.key;
	}

	/** What the import had done when it stopped (the whole batches before the limit stay), or null. */
	public ImportSummary summary() {
		return this.summary;
	}

	ImportLimitExceeded withSummary(ImportSummary summary) {
		this.summary = summary;
		return this;
	}

}
