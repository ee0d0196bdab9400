package io.ipgraph.imports;

/** Receives the outcome counts of import writes: per kind, created / updated / unchanged. */
interface ImportSink {

	void count(String kind, String outcome, long n);

	/** A line that turned out not to be writable. */
	void reject(long line, String kind, String reason);

}
