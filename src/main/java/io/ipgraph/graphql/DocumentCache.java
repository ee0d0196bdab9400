package io.ipgraph.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the parsed and validated form of the operations clients send again and again (an application sends the same
 * few documents with different variables), so that a repeated request skips parsing and validation. Only documents
 * that parsed and validated cleanly are kept, at most {@link #CAPACITY} of them (least recently used go first) and
 * none longer than {@link #LONGEST} characters. The limits of {@link QueryLimits} are checked on every execution,
 * cached or not.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

	static final int CAPACITY = 500;

	static final int LONGEST = 16_384;

	private final Map<String, PreparsedDocumentEntry> entries = new LinkedHashMap<>(CAPACITY, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
			return size() > CAPACITY;
		}

	};

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry cached;
		synchronized (this.entries) {
			cached = this.entries.get(query);
		}
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors() && query.length() <= LONGEST) {
			synchronized (this.entries) {
				this.entries.put(query, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	public int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

}
