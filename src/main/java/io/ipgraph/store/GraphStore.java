package io.ipgraph.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.ipgraph.embedded.EmbeddedNeo4j;
import io.ipgraph.embedded.EmbeddedNeo4jProperties;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one gateway through which ipgraph's read queries reach Neo4j. Reads run in read transactions (so a
 * cluster routes them to readers) with the configured timeout, and every round trip is counted, which lets
 * the tests prove that nested GraphQL fields are batched. With the embedded database, reads run in-process
 * ({@link InProcessReads}) and answer in the driver's types; writes always go through the driver.
 */
@Component
public class GraphStore {

	/** The parameter every read gets: whether the reader sees restricted entities. */
	static final String SEE_RESTRICTED = "seeRestricted";

	/** The label of an entity only some roles may see. */
	static final String RESTRICTED = "Restricted";

	private final Driver driver;

	private final Neo4jConnectionProperties properties;

	private final AtomicLong roundTrips = new AtomicLong();

	/** Threads of ipgraph's own background work (the watches' evaluator, webhook deliveries), whose reads are not counted. */
	private static final ThreadLocal<Boolean> UNCOUNTED = ThreadLocal.withInitial(() -> false);

	/**
	 * From now on, the round trips of the calling thread are not counted in {@link #roundTrips()}: for a thread of
	 * background work, whose polling would otherwise blur the count of the requests it is there to measure.
	 */
	public static void uncountedThread() {
		UNCOUNTED.set(true);
	}

	private void count() {
		if (!UNCOUNTED.get()) {
			this.roundTrips.incrementAndGet();
		}
	}

	/**
	 * The bookmarks of every transaction this instance committed, handed to each new session: a read that follows a
	 * write of this instance waits, on a cluster's secondary, until that write has reached it (causal consistency).
	 * One per ipgraph instance; another instance behind the same load balancer does not know them (see docs/operators.md,
	 * "Outgrowing one machine").
	 */
	private final BookmarkManager bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

	/** Beyond the query timeout, how long a reader may take to hand back the records of a query that finished in time. */
	private static final Duration READ_HAND_BACK = Duration.ofSeconds(2);

	/** Reads in the same process, bypassing Bolt, when Neo4j is embedded; null with a Neo4j server. */
	private final InProcessReads inProcess;

	/**
	 * The platform threads that run in-process reads. Requests run on virtual threads, which the JVM does not
	 * time-slice; a query run on one keeps its carrier for as long as it computes, and with more concurrent requests
	 * than cores the queries of all of them were measured to run no faster than one at a time. Handing each read to
	 * a small pool of platform threads (as the Bolt server does with its workers) lets the operating system share
	 * the cores between them.
	 */
	private final ExecutorService readers;

	GraphStore(Driver driver, Neo4jConnectionProperties properties, ObjectProvider<EmbeddedNeo4j> embedded,
			EmbeddedNeo4jProperties embeddedProperties) {
		this.driver = driver;
		this.properties = properties;
		EmbeddedNeo4j db = embedded.getIfAvailable();
		this.inProcess = (db != null && embeddedProperties.inProcessReads()) ? new InProcessReads(db.database(properties.database())) : null;
		int threads = embeddedProperties.readConcurrency() > 0 ? embeddedProperties.readConcurrency()
				: 2 * Runtime.getRuntime().availableProcessors();
		this.readers = this.inProcess == null ? null
				: Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("ipgraph-read-", 1).daemon(true).factory());
	}

	/**
	 * Runs a parameterised read query with the visibility of the current reader ({@link Visibility}) and returns its
	 * records. With the embedded database the kernel hides what the reader may not see from the transaction itself.
	 * Every read also gets {@code $seeRestricted} (whether the reader sees restricted entities), which the statements
	 * use against a Neo4j server, where no such kernel rule can be set ({@link #visible(String)}).
	 */
	public List<Record> read(String cypher, Map<String, Object> parameters) {
		return read(cypher, parameters, Visibility.ofCurrentReader());
	}

	/**
	 * A read that sees every node, retracted and restricted ones too: for ipgraph's own bookkeeping (migrations and seed,
	 * derived keys, an import's look-ups, checksums, an edit's version check), never for an answer to a reader.
	 */
	public List<Record> readEverything(String cypher, Map<String, Object> parameters) {
		return read(cypher, parameters, Visibility.EVERYTHING);
	}

	private List<Record> read(String cypher, Map<String, Object> parameters, Visibility visibility) {
		count();
		Map<String, Object> withVisibility = new java.util.HashMap<>(parameters);
		withVisibility.put(SEE_RESTRICTED, Visibility.seesRestricted());
		if (this.inProcess != null) {
			// the timeout counts from here: time spent waiting for a free reader is part of it
			Duration timeout = this.properties.queryTimeout();
			long deadline = System.nanoTime() + timeout.toNanos();
			Future<List<Record>> answer = this.readers.submit(() -> {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw timedOut(timeout);
				}
				return this.inProcess.read(cypher, withVisibility, Duration.ofNanos(left), visibility);
			});
			try {
				return answer.get(timeout.toNanos() + READ_HAND_BACK.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				answer.cancel(true);
				throw timedOut(timeout);
			}
			catch (InterruptedException ex) {
				answer.cancel(true);
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reading", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeRead(tx -> tx.run(cypher, withVisibility).list(),
					TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	/** What Neo4j answers when a transaction outlives its timeout, for a read that waited too long to start or finish. */
	private static RuntimeException timedOut(Duration timeout) {
		return InProcessReads.translate("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
				"The read did not finish within the query timeout of " + timeout.toMillis() + " ms (ipgraph.neo4j.query-timeout)", null);
	}

	/** The reader threads, for a test to occupy; null with a Neo4j server. */
	ExecutorService readers() {
		return this.readers;
	}

	@jakarta.annotation.PreDestroy
	void stopReaders() {
		if (this.readers != null) {
			this.readers.shutdownNow();
		}
	}

	/**
	 * Whether the node bound to {@code variable} may be shown to the reader of the current request, for a statement
	 * written as text; {@link #visible(Node)} is the same rule for a statement built with Cypher-DSL.
	 */
	public static String visible(String variable) {
		return "($" + SEE_RESTRICTED + " OR NOT " + variable + ":" + RESTRICTED + ")";
	}

	/** Whether the nodes bound to {@code variables} may all be shown to the reader of the current request. */
	public static String visible(String first, String... more) {
		StringBuilder all = new StringBuilder(visible(first));
		for (String variable : more) {
			all.append(" AND ").append(visible(variable));
		}
		return all.toString();
	}

	/** Whether the node bound to {@code variable} is not retracted and may be shown to the reader of the current request. */
	public static String shown(String variable) {
		return "NOT " + variable + ":Retracted AND " + visible(variable);
	}

	/** Whether the reader of the current request sees restricted entities, for a rule of its own (the audit trail's). */
	public static String seesRestricted() {
		return "$" + SEE_RESTRICTED;
	}

	/**
	 * Whether every node on the path bound to {@code path} may be shown: none is retracted, and none restricted unless
	 * the reader sees restricted entities. A path through a hidden node is no path for that reader.
	 */
	public static String shownAlong(String path) {
		return "none(x IN nodes(" + path + ") WHERE x:Retracted OR (x:" + RESTRICTED + " AND NOT $" + SEE_RESTRICTED + "))";
	}

	/** Whether {@code node} may be shown to the reader of the current request ({@link #visible(String)}). */
	public static Condition visible(Node node) {
		return Cypher.parameter(SEE_RESTRICTED).asCondition().or(node.hasLabels(RESTRICTED).not());
	}

	/** Runs a parameterised write query in one transaction and returns its records. */
	public List<Record> write(String cypher, Map<String, Object> parameters) {
		count();
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeWrite(tx -> tx.run(cypher, parameters).list(),
					TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	/** Runs several statements in one write transaction (retried by the driver on transient errors). */
	public <T> T inWriteTransaction(TransactionCallback<T> work) {
		count();
		try (var session = this.driver.session(sessionConfig())) {
			return session.executeWrite(work, TransactionConfig.builder().withTimeout(this.properties.queryTimeout()).build());
		}
	}

	/** Every session of ipgraph's: its database, and the instance's bookmarks (read-your-writes across sessions). */
	public SessionConfig sessionConfig() {
		return SessionConfig.builder().withDatabase(this.properties.database()).withBookmarkManager(this.bookmarks).build();
	}

	/** The bookmarks the next session starts from, for a test. */
	java.util.Set<org.neo4j.driver.Bookmark> bookmarks() {
		return this.bookmarks.getBookmarks();
	}

	public Driver driver() {
		return this.driver;
	}

	/** Number of database round trips made through this gateway since start (background threads' left out). */
	public long roundTrips() {
		return this.roundTrips.get();
	}

}
