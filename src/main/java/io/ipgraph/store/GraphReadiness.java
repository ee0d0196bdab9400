package io.ipgraph.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link GraphPreparation} steps before the HTTP port opens. They run on a thread of their own from the
 * moment this bean exists, while Spring goes on creating the rest of the application (security, the GraphQL schema,
 * the web server), and the start of the context waits for them before anything else starts ({@link #getPhase()}:
 * first), so the port still opens only on a prepared database. With an external Neo4j that cannot be reached,
 * the application starts anyway: health says DOWN, GraphQL answers that the database is unavailable, and the steps
 * are retried in the background until the server is back, after which everything works without a restart. The
 * embedded database is in the same process, so a failure there stops the start.
 */
@Component("graphReadiness")
public class GraphReadiness implements InitializingBean, SmartLifecycle, DisposableBean, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(GraphReadiness.class);

	private final List<GraphPreparation> steps;

	private final Neo4jConnectionProperties connection;

	private final AtomicReference<String> waiting = new AtomicReference<>("preparing the database (migrations, seed, derived keys)");

	private volatile CompletableFuture<Void> preparation = CompletableFuture.completedFuture(null);

	private volatile boolean running;

	private volatile Thread retrying;

	GraphReadiness(List<GraphPreparation> steps, Neo4jConnectionProperties connection) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(GraphPreparation::order)).toList();
		this.connection = connection;
	}

	@Override
	public void afterPropertiesSet() {
		this.preparation = CompletableFuture.runAsync(this::prepare, onNewThread("graph-preparation"));
	}

	private static Executor onNewThread(String name) {
		return command -> Thread.ofPlatform().name(name).start(command);
	}

	/** Waits for the preparation started with this bean; fails the start as the preparation failed. */
	@Override
	public void start() {
		if (this.running) {
			return;
		}
		try {
			this.preparation.join();
			this.waiting.set(null);
		}
		catch (CompletionException failed) {
			Throwable ex = failed.getCause();
			if (!(ex instanceof ServiceUnavailableException || ex instanceof SessionExpiredException) || !this.connection.external()) {
				if (ex instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw failed;
			}
			this.waiting.set("Neo4j at " + this.connection.uri() + " is unreachable (" + ex.getMessage() + "); retrying");
			log.warn("{}; ipgraph starts and reports DOWN until it is back", this.waiting.get());
			this.retrying = Thread.ofVirtual().name("graph-readiness").start(this::retry);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before every other lifecycle, the web server's included. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

	/**
	 * Runs the steps in order; steps of the same order do not depend on each other and run at the same time (on a
	 * restart each is mostly the compilation of its first queries, which a second core shortens).
	 */
	private void prepare() {
		long started = System.nanoTime();
		Map<String, Long> took = new ConcurrentSkipListMap<>();
		Map<Integer, List<GraphPreparation>> byOrder = this.steps.stream()
			.collect(Collectors.groupingBy(GraphPreparation::order, TreeMap::new, Collectors.toList()));
		for (List<GraphPreparation> group : byOrder.values()) {
			List<CompletableFuture<Void>> running = new ArrayList<>();
			for (GraphPreparation step : group) {
				Runnable timed = () -> {
					long stepStarted = System.nanoTime();
					step.prepare();
					took.put(step.getClass().getSimpleName(), (System.nanoTime() - stepStarted) / 1_000_000);
				};
				if (group.size() == 1) {
					timed.run();
				}
				else {
					running.add(CompletableFuture.runAsync(timed, onNewThread("graph-preparation-" + step.getClass().getSimpleName())));
				}
			}
			try {
				// every step of the group ends before a failure of one is reported
				CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}
		log.info("Database prepared in {} ms ({})", (System.nanoTime() - started) / 1_000_000,
				took.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
	}

	private void retry() {
		Duration pause = Duration.ofSeconds(1);
		while (this.waiting.get() != null && !Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(pause);
				prepare();
				this.waiting.set(null);
				log.info("Neo4j at {} is reachable again; schema and seed are in place", this.connection.uri());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
				log.debug("Neo4j still unavailable: {}", ex.getMessage());
			}
		}
	}

	/** True once migrations, seed and derived keys are in place. */
	public boolean ready() {
		return this.waiting.get() == null;
	}

	@Override
	public Health health() {
		String reason = this.waiting.get();
		return (reason == null) ? Health.up().build() : Health.down().withDetail("waiting", reason).build();
	}

	@Override
	public void destroy() {
		Thread thread = this.retrying;
		if (thread != null) {
			thread.interrupt();
		}
		// a context that fails while the preparation runs lets it end before the database closes under it
		try {
			this.preparation.get(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// reported by start(), or the context is going away anyway
		}
	}

}
