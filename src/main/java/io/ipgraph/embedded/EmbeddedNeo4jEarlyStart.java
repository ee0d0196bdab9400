package io.ipgraph.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded Neo4j on a thread of its own as soon as the configuration is known, before Spring builds the
 * application context: Neo4j's start (about ten seconds here) then overlaps the seconds Spring spends loading
 * classes and creating beans, instead of following them. The {@code EmbeddedNeo4j} bean takes the started server
 * from here ({@link #take()}); a failed start fails that bean with the same error as a start in place would. Not
 * used when {@code ipgraph.neo4j.uri} names an external server.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The bean under which the start in progress is registered. */
	public static final String BEAN_NAME = "embeddedNeo4jEarlyStart";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var environment = context.getEnvironment();
		if (!environment.getProperty("ipgraph.neo4j.uri", "").isBlank()
				|| !environment.getProperty("ipgraph.embedded.early-start", Boolean.class, true)) {
			return;
		}
		EmbeddedNeo4jProperties properties = Binder.get(environment).bindOrCreate("ipgraph.embedded", EmbeddedNeo4jProperties.class);
		Started started = new Started(properties);
		var beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, started);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// a context that fails before it takes the server still stops it
			registry.registerDisposableBean(BEAN_NAME, started);
		}
	}

	/** A start of the embedded Neo4j in progress, or done. */
	public static final class Started implements DisposableBean {

		private final EmbeddedNeo4jProperties properties;

		private final CompletableFuture<EmbeddedNeo4j> server;

		private final AtomicBoolean taken = new AtomicBoolean();

		Started(EmbeddedNeo4jProperties properties) {
			this.properties = properties;
			this.server = CompletableFuture.supplyAsync(() -> EmbeddedNeo4j.start(properties),
					command -> Thread.ofPlatform().name("neo4j-start").start(command));
		}

		/** The settings the server was started with. */
		public EmbeddedNeo4jProperties properties() {
			return this.properties;
		}

		/** Waits for the start and hands the server over; the caller closes it. */
		public EmbeddedNeo4j take() {
			if (!this.taken.compareAndSet(false, true)) {
				throw new IllegalStateException("The embedded Neo4j was already handed over");
			}
			try {
				return this.server.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		@Override
		public void destroy() {
			if (this.taken.compareAndSet(false, true)) {
				this.server.thenAccept(EmbeddedNeo4j::close).exceptionally(ex -> null).join();
			}
		}

	}

}
