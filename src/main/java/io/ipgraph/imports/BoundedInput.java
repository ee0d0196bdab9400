package io.ipgraph.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.zip.GZIPInputStream;

/**
 * Readers that hold an import to its {@link ImportLimits}: lines no longer than the longest allowed, a body no
 * larger than allowed once decompressed, and a gzip body that expands no more than so many times its compressed size.
 * Each refuses with {@link ImportLimitExceeded} as soon as the limit is passed, before more is kept in memory.
 */
public final class BoundedInput {

	private BoundedInput() {
	}

	/**
	 * The body of an upload: decompressed when {@code gzip}, and counted either way, so that neither the expanded size
	 * nor (for gzip) the expansion ratio passes its limit.
	 */
	public static InputStream upload(InputStream body, boolean gzip, ImportLimits limits) throws IOException {
		if (!gzip) {
			return new Counted(body, limits.maxExpanded().toBytes(), null, 0);
		}
		Counted compressed = new Counted(body, Long.MAX_VALUE, null, 0);
		return new Counted(new GZIPInputStream(compressed, 1 << 16), limits.maxExpanded().toBytes(), compressed, limits.maxExpansionRatio());
	}

	/** Counts the bytes read from {@code in}, for progress. */
	public static Counted counting(InputStream in) {
		return new Counted(in, Long.MAX_VALUE, null, 0);
	}

	/** Counts what passes; refuses past {@code max} bytes, or past {@code ratio} times what {@code source} has passed. */
	public static final class Counted extends FilterInputStream {

		/** The ratio is judged once this much has expanded: a small file may well be mostly repetition. */
		private static final long RATIO_GRACE = 1 << 20;

		private final long max;

		private final Counted source;

		private final int ratio;

		private long count;

		Counted(InputStream in, long max, Counted source, int ratio) {
			super(in);
			this.max = max;
			this.source = source;
			this.ratio = ratio;
		}

		/** The bytes read so far. */
		public long count() {
			return this.count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				passed(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				passed(n);
			}
			return n;
		}

		private void passed(long n) {
			this.count += n;
			if (this.count > this.max) {
				throw new ImportLimitExceeded("ipgraph.imports.max-expanded",
						"the upload is larger than " + this.max + " bytes" + (this.source != null ? " once decompressed" : "")
								+ " (ipgraph.imports.max-expanded)");
			}
			if (this.source != null && this.count > RATIO_GRACE && this.count > (double) this.ratio * this.source.count) {
				throw new ImportLimitExceeded("ipgraph.imports.max-expansion-ratio",
						"the gzip upload expands more than " + this.ratio + " times its compressed size (" + this.source.count + " bytes became over "
								+ this.count + "; ipgraph.imports.max-expansion-ratio)");
			}
		}

	}

	/**
	 * Reads lines as {@link java.io.BufferedReader#readLine()} does (ended by LF, CR or CRLF, without the ending), but
	 * refuses a line longer than {@code maxChars} as soon as it is, without keeping more of it.
	 */
	public static final class Lines implements AutoCloseable {

		private final Reader in;

		private final long maxChars;

		private final char[] buffer = new char[1 << 16];

		private int position;

		private int limit;

		private boolean skipLineFeed;

		public Lines(Reader in, long maxChars) {
			this.in = in;
			this.maxChars = maxChars;
		}

		/** The next line, or null at the end. */
		public String readLine() throws IOException {
			StringBuilder line = null;
			while (true) {
				if (this.position >= this.limit) {
					this.limit = this.in.read(this.buffer, 0, this.buffer.length);
					this.position = 0;
					if (this.limit <= 0) {
						this.limit = 0;
						return line == null ? null : line.toString();
					}
				}
				if (this.skipLineFeed) {
					this.skipLineFeed = false;
					if (this.buffer[this.position] == '\n') {
						this.position++;
						continue;
					}
				}
				int start = this.position;
				int i = start;
				while (i < this.limit && this.buffer[i] != '\n' && this.buffer[i] != '\r') {
					i++;
				}
				int length = i - start;
				long total = (line == null ? 0 : line.length()) + (long) length;
				if (total > this.maxChars) {
					throw new ImportLimitExceeded("ipgraph.imports.max-line",
							"a line is longer than " + this.maxChars + " characters (ipgraph.imports.max-line)");
				}
				if (i < this.limit) {
					this.position = i + 1;
					this.skipLineFeed = this.buffer[i] == '\r';
					if (line == null) {
						return new String(this.buffer, start, length);
					}
					return line.append(this.buffer, start, length).toString();
				}
				if (line == null) {
					line = new StringBuilder(Math.max(80, length * 2));
				}
				line.append(this.buffer, start, length);
				this.position = this.limit;
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
