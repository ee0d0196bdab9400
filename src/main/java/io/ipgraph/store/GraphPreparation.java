package io.ipgraph.store;

/**
 * A step that brings the database to what this version of ipgraph expects (schema migrations, seed, derived
 * keys). Steps run in {@link #order()} before the application serves requests, and again, all of them, until they
 * succeed when the database was unreachable at start. Each must be safe to run more than once.
 */
public interface GraphPreparation {

	/** Lower runs first: migrations and seed are 0. */
	int order();

	void prepare();

}
