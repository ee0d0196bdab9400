package io.ipgraph.model;

/** An edit sent with a version the entity no longer has: someone else changed it first. */
public class EditConflictException extends RuntimeException {

	private final String entityId;

	private final long currentVersion;

	public EditConflictException(String entityId, long currentVersion, long sentVersion) {
		super(entityId + " was changed by someone else: it is at version " + currentVersion + ", the edit was made on version "
				+ sentVersion + "; reload it and apply the edit again", null, false, false);
		this.entityId = entityId;
		this.currentVersion = currentVersion;
	}

	public String entityId() {
		return this.entityId;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}
