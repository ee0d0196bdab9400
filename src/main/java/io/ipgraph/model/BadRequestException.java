package io.ipgraph.model;

/** A request that cannot be answered as asked; its message tells the caller what to change. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
