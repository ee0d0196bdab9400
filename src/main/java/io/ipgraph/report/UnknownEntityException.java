package io.ipgraph.report;

import io.ipgraph.model.BadRequestException;

/** The report's entity does not exist (HTTP answers 404). */
public class UnknownEntityException extends BadRequestException {

	UnknownEntityException(String id) {
		super("No entity with id '" + id + "'");
	}

}
