package io.ipgraph.store;

import java.util.List;

import io.ipgraph.embedded.HidingAccessMode;
import io.ipgraph.security.CurrentUser;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/**
 * What the reader of the current request may see, decided here and nowhere else: retracted entities are hidden from
 * every reader, restricted ones from everyone below EDITOR (analysts, and a request without a user). With the embedded
 * database the kernel itself hides them from the read transaction ({@link HidingAccessMode}): no statement can find
 * them, traverse through them or count them, whether or not it spells the rule out.
 *
 * @param hiddenLabels the labels whose nodes the reader does not see
 */
public record Visibility(List<String> hiddenLabels) {

	/** Retracted entities: withdrawn by an editor, kept for the audit trail only. */
	public static final String RETRACTED = "Retracted";

	/** Restricted entities: for editors and administrators. */
	public static final String RESTRICTED = "Restricted";

	/** Nothing hidden: for ipgraph's own bookkeeping (migrations, look-ups of an import, checksums), never an answer. */
	public static final Visibility EVERYTHING = new Visibility(List.of());

	public Visibility {
		hiddenLabels = List.copyOf(hiddenLabels);
	}

	/** The visibility of the signed-in user (or of a command-line run, which sees restricted entities). */
	public static Visibility ofCurrentReader() {
		return seesRestricted() ? new Visibility(List.of(RETRACTED)) : new Visibility(List.of(RETRACTED, RESTRICTED));
	}

	/** Whether the current reader sees restricted entities (the {@code $seeRestricted} of every read). */
	public static boolean seesRestricted() {
		return CurrentUser.has("EDITOR");
	}

	/** A kernel login for one read transaction with this visibility, read only. */
	LoginContext login() {
		Visibility self = this;
		AuthSubject subject = new AuthSubject() {
			@Override
			public AuthenticationResult getAuthenticationResult() {
				return AuthenticationResult.SUCCESS;
			}

			@Override
			public boolean hasUsername(String username) {
				return false;
			}

			@Override
			public String executingUser() {
				return "";
			}
		};
		return new LoginContext(subject, ClientConnectionInfo.EMBEDDED_CONNECTION) {
			@Override
			public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database, AbstractSecurityLog log, long sequence) {
				var mode = HidingAccessMode.hiding(StaticAccessMode.READ, self.hiddenLabels, idLookup::getLabelId);
				return new SecurityContext(subject, mode, connectionInfo(), database.name());
			}
		};
	}

}
