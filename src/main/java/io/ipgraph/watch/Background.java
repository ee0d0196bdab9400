package io.ipgraph.watch;

import java.time.Duration;

import io.ipgraph.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform thread that does one round of work, then waits the time the round asks for, or until woken. A failed
 * round is logged and tried again a little later: what it was doing is still in the graph (the journal, the outbox).
 */
abstract class Background {

	private static final Logger log = LoggerFactory.getLogger(Background.class);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

	private final Object signal = new Object();

	private volatile boolean running;

	private Thread thread;

	/** One round; how long to wait before the next one (zero: go on at once). */
	abstract Duration round();

	final void startThread(String name) {
		this.running = true;
		this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
	}

	@jakarta.annotation.PreDestroy
	final void stop() throws InterruptedException {
		this.running = false;
		if (this.thread != null) {
			wake();
			this.thread.join(Duration.ofSeconds(10));
		}
	}

	/** Starts the next round now. */
	final void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	private void loop() {
		GraphStore.uncountedThread();
		while (this.running) {
			Duration wait;
			try {
				wait = round();
			}
			catch (RuntimeException | LinkageError | AssertionError | StackOverflowError ex) {
				// whatever a round meets, the thread goes on: the journal and the outbox wait for it
				if (!this.running) {
					return;
				}
				log.warn("{} failed; it is tried again: {}", Thread.currentThread().getName(), ex.getMessage(), ex);
				wait = AFTER_FAILURE;
			}
			if (wait.isZero()) {
				continue;
			}
			synchronized (this.signal) {
				try {
					this.signal.wait(Math.max(1, wait.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
