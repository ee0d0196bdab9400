package io.ipgraph.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, per kind (label or relationship type): created, updated, unchanged and rejected, with
 * the rejected lines' numbers and reasons (the first {@value #MAX_REJECTIONS} of them kept in full).
 */
public final class ImportSummary implements ImportSink {

	static final int MAX_REJECTIONS = 1000;

	/** Counts of one transaction, added to the summary once it commits. */
	static final class Counts implements ImportSink {

		final Map<String, long[]> byKind = new TreeMap<>();

		final List<Rejection> rejected = new ArrayList<>();

		@Override
		public void count(String kind, String outcome, long n) {
			this.byKind.computeIfAbsent(kind, k -> new long[4])[index(outcome)] += n;
		}

		@Override
		public void reject(long line, String kind, String reason) {
			this.rejected.add(new Rejection(line, kind, reason));
		}

		/** The sum over kinds of one outcome (0 created, 1 updated, 2 unchanged). */
		long total(int outcome) {
			return this.byKind.values().stream().mapToLong(c -> c[outcome]).sum();
		}

	}

	/** A line that did not go in. */
	public record Rejection(long line, String kind, String reason) {
	}

	private final String name;

	private final boolean dryRun;

	private final Map<String, long[]> byKind = new TreeMap<>();

	private final List<Rejection> rejections = new ArrayList<>();

	private long rejected;

	private long lines;

	private final long started = System.nanoTime();

	private long nanos;

	ImportSummary(String name, boolean dryRun) {
		this.name = name;
		this.dryRun = dryRun;
	}

	synchronized void add(Counts counts) {
		counts.rejected.forEach(r -> reject(r.line(), r.kind(), r.reason()));
		counts.byKind.forEach((kind, values) -> {
			long[] total = this.byKind.computeIfAbsent(kind, k -> new long[4]);
			for (int i = 0; i < values.length; i++) {
				total[i] += values[i];
			}
		});
	}

	@Override
	public synchronized void count(String kind, String outcome, long n) {
		this.byKind.computeIfAbsent(kind, k -> new long[4])[index(outcome)] += n;
	}

	@Override
	public synchronized void reject(long line, String kind, String reason) {
		this.byKind.computeIfAbsent(kind, k -> new long[4])[3]++;
		this.rejected++;
		if (this.rejections.size() < MAX_REJECTIONS) {
			this.rejections.add(new Rejection(line, kind, reason));
		}
	}

	void finish(long lines) {
		this.lines = lines;
		this.nanos = System.nanoTime() - this.started;
	}

	private static int index(String outcome) {
		return switch (outcome) {
			case "created" -> 0;
			case "updated" -> 1;
			case "unchanged" -> 2;
			default -> 3;
		};
	}

	public String name() {
		return this.name;
	}

	public boolean dryRun() {
		return this.dryRun;
	}

	public long lines() {
		return this.lines;
	}

	public synchronized long rejected() {
		return this.rejected;
	}

	/** The rejected lines kept (the first {@value #MAX_REJECTIONS}), in line order. */
	public synchronized List<Rejection> rejections() {
		List<Rejection> byLine = new ArrayList<>(this.rejections);
		byLine.sort(java.util.Comparator.comparingLong(Rejection::line));
		return byLine;
	}

	public double seconds() {
		return this.nanos / 1e9;
	}

	/** Created, updated, unchanged, rejected of one kind. */
	public synchronized long[] counts(String kind) {
		return this.byKind.getOrDefault(kind, new long[4]).clone();
	}

	public synchronized long total(String outcome) {
		return this.byKind.values().stream().mapToLong(v -> v[index(outcome)]).sum();
	}

	/** What became of the lines of one kind. */
	public record KindCounts(String kind, long created, long updated, long unchanged, long rejected) {
	}

	/** Per kind, in the order the kinds first appeared. */
	public synchronized List<KindCounts> kinds() {
		List<KindCounts> out = new ArrayList<>();
		this.byKind.forEach((kind, v) -> out.add(new KindCounts(kind, v[0], v[1], v[2], v[3])));
		return out;
	}

	/** A table for the terminal. */
	public synchronized String table() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%s%s: %,d lines in %.1f s%n", this.name, this.dryRun ? " (dry run: nothing written)" : "",
				this.lines, seconds()));
		out.append(String.format(Locale.ROOT, "  %-22s %10s %10s %10s %10s%n", "kind", "created", "updated", "unchanged", "rejected"));
		this.byKind.forEach((kind, v) -> out.append(String.format(Locale.ROOT, "  %-22s %,10d %,10d %,10d %,10d%n", kind, v[0], v[1], v[2], v[3])));
		int shown = 0;
		List<Rejection> byLine = new ArrayList<>(this.rejections);
		byLine.sort(java.util.Comparator.comparingLong(Rejection::line));
		for (Rejection r : byLine) {
			if (shown++ == 20) {
				out.append(String.format(Locale.ROOT, "  ... %,d more rejected lines%n", this.rejected - 20));
				break;
			}
			out.append(String.format(Locale.ROOT, "  line %d (%s): %s%n", r.line(), r.kind(), r.reason()));
		}
		return out.toString();
	}

}
