package io.ipgraph.embedded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open a session on the embedded Neo4j's Bolt port, over TCP or WebSocket, and with what rights. Neo4j
 * Community gives every user of its own everything, so its users are not used: a Bolt client signs in with an
 * ipgraph user name and password (the same as for the HTTP API), and the ipgraph role decides.
 * <ul>
 * <li>ADMIN: reads and writes (full access);</li>
 * <li>EDITOR: reads only; Neo4j refuses any write in the session, whatever the transaction mode the client asks;
 * retracted entities are hidden, as from every reader of ipgraph;</li>
 * <li>ANALYST: no session (analysts work through GraphQL and reports, where restricted entities stay hidden).</li>
 * </ul>
 * The application's own driver signs in as {@value #INTERNAL_USER} with a secret made at every start and kept in
 * memory only. When the store's owner sets {@code ipgraph.embedded.password}, the user {@code neo4j} with that
 * password also has full access (for another service that must reach this database as a server, and for the command
 * line tools of Neo4j); without it, {@code neo4j} is no user at all. Until the application has installed its users (a few seconds into the start, or never for the
 * command-line tools) only that principal is let in. Every refusal is a Neo4j {@code Security.Unauthorized} error
 * with the reason; every sign-in and refusal is logged with the client's address.
 */
public final class BoltSignIn extends AuthManager {

	/** The application's own principal; no ipgraph user can have this name (it is refused as a user name). */
	public static final String INTERNAL_USER = "ipgraph-internal";

	private static final Logger log = LoggerFactory.getLogger(BoltSignIn.class);

	/** Checks an ipgraph user's password and returns their roles (ANALYST, EDITOR, ADMIN), or null if wrong. */
	@FunctionalInterface
	public interface Users {

		Set<String> rolesOf(String name, String password);

	}

	private final byte[] internalSecret;

	private final byte[] neo4jPassword;

	private volatile Users users;

	BoltSignIn(String neo4jPassword) {
		this.neo4jPassword = (neo4jPassword == null || neo4jPassword.isBlank()) ? null : neo4jPassword.getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.internalSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.UTF_8);
	}

	/** The secret of {@value #INTERNAL_USER}, for the application's own driver. */
	public String internalSecret() {
		return new String(this.internalSecret, StandardCharsets.UTF_8);
	}

	/** Lets ipgraph's users in from now on (the web application calls this once its users are known). */
	public void users(Users users) {
		this.users = users;
	}

	@Override
	public LoginContext login(Map<String, Object> token, ClientConnectionInfo connection) throws InvalidAuthTokenException {
		String scheme = AuthToken.safeCast(AuthToken.SCHEME_KEY, token);
		if (!AuthToken.BASIC_SCHEME.equals(scheme)) {
			throw refused(connection, "-", "a user name and password are required (sign in with your ipgraph user; scheme '"
					+ scheme + "' is not accepted)");
		}
		String principal = AuthToken.safeCast(AuthToken.PRINCIPAL, token);
		byte[] credentials = AuthToken.safeCastCredentials(AuthToken.CREDENTIALS, token);
		try {
			if (INTERNAL_USER.equals(principal)) {
				if (!MessageDigest.isEqual(credentials, this.internalSecret)) {
					throw refused(connection, principal, "wrong password");
				}
				return new SignedIn(principal, StaticAccessMode.FULL, connection);
			}
			if (this.neo4jPassword != null && "neo4j".equals(principal)) {
				if (!MessageDigest.isEqual(credentials, this.neo4jPassword)) {
					throw refused(connection, principal, "wrong password");
				}
				log.info("Bolt session for neo4j (ipgraph.embedded.password, read and write) from {}", connection.clientAddress());
				return new SignedIn(principal, StaticAccessMode.FULL, connection);
			}
			Users known = this.users;
			if (known == null) {
				throw refused(connection, principal, "ipgraph's users are not loaded (the application is starting, or only a command-line tool runs)");
			}
			Set<String> roles = known.rolesOf(principal, new String(credentials, StandardCharsets.UTF_8));
			if (roles == null) {
				throw refused(connection, principal, "wrong user name or password");
			}
			AccessMode mode = roles.contains("ADMIN") ? StaticAccessMode.FULL : roles.contains("EDITOR") ? StaticAccessMode.READ : null;
			if (mode == null) {
				throw refused(connection, principal, "the ipgraph role " + roles
						+ " has no database session (ADMIN reads and writes, EDITOR reads); use the GraphQL API and reports");
			}
			log.info("Bolt session for {} ({}) from {}", principal, mode == StaticAccessMode.FULL ? "ADMIN, read and write" : "EDITOR, read only",
					connection.clientAddress());
			return new SignedIn(principal, mode, connection);
		}
		finally {
			AuthToken.clearCredentials(token);
			java.util.Arrays.fill(credentials, (byte) 0);
		}
	}

	private static InvalidAuthTokenException refused(ClientConnectionInfo connection, String principal, String reason) {
		log.warn("Bolt sign-in refused for '{}' from {}: {}", principal, connection.clientAddress(), reason);
		return AuthToken.invalidToken("ipgraph refused the sign-in: " + reason);
	}

	@Override
	public LoginContext impersonate(LoginContext login, String userToImpersonate) {
		throw new UnsupportedOperationException("ipgraph does not let a Bolt session act as another user");
	}

	/** A signed-in Bolt user with the access mode of their role. */
	private static final class SignedIn extends LoginContext {

		private final AccessMode mode;

		SignedIn(String name, AccessMode mode, ClientConnectionInfo connection) {
			super(new Subject(name), connection);
			this.mode = mode;
		}

		@Override
		public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database, AbstractSecurityLog securityLog,
				long transactionSequenceNumber) {
			// an editor's session does not see retracted entities, as in ipgraph's own reads; an admin's sees all
			AccessMode access = this.mode == StaticAccessMode.READ ? HidingAccessMode.hiding(this.mode, List.of("Retracted"), idLookup::getLabelId)
					: this.mode;
			return new SecurityContext(subject(), access, connectionInfo(), database.name());
		}

	}

	private record Subject(String name) implements AuthSubject {

		@Override
		public AuthenticationResult getAuthenticationResult() {
			return AuthenticationResult.SUCCESS;
		}

		@Override
		public boolean hasUsername(String username) {
			return this.name.equals(username);
		}

		@Override
		public String executingUser() {
			return this.name;
		}

	}

}
