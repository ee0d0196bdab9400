package io.ipgraph.store;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link GraphPreparation} steps before the HTTP port opens. With an external Neo4j that cannot be reached,
 * the application starts anyway: health says DOWN, GraphQL answers that the database is unavailable, and the steps
 * are retried in the background until the server is back, after which everything works without a restart. The
 * embedded database is in the same process, so a failure there stops the start.
 */
@Component("graphReadiness")
public class GraphReadiness implements InitializingBean, DisposableBean, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(GraphReadiness.class);

	private final List<GraphPreparation> steps;

	private final Neo4jConnectionProperties connection;

	private final AtomicReference<String> waiting = new AtomicReference<>();

	private volatile Thread retrying;

	GraphReadiness(List<GraphPreparation> steps, Neo4jConnectionProperties connection) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(GraphPreparation::order)).toList();
		this.connection = connection;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			prepare();
		}
		catch (ServiceUnavailableException | SessionExpiredException ex) {
			if (!this.connection.external()) {
				throw ex;
			}
			this.waiting.set("Neo4j at " + this.connection.uri() + " is unreachable (" + ex.getMessage() + "); retrying");
			log.warn("{}; ipgraph starts and reports DOWN until it is back", this.waiting.get());
			this.retrying = Thread.ofVirtual().name("graph-readiness").start(this::retry);
		}
	}

	private void prepare() {
		for (GraphPreparation step : this.steps) {
			step.prepare();
		}
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
	}

}
