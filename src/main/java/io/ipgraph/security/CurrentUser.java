package io.ipgraph.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name written into the audit trail and judgements: the signed-in user, or the operating-system user of a command. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			return "cli:" + System.getProperty("user.name", "unknown");
		}
		return authentication.getName();
	}

	/** True when the signed-in user (or a command, which runs with the database owner's rights) holds the role. */
	public static boolean has(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return true;
		}
		String wanted = "ROLE_" + role;
		return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(wanted) || a.getAuthority().equals("ROLE_ADMIN")
				|| (role.equals("ANALYST") && a.getAuthority().equals("ROLE_EDITOR")));
	}

}
