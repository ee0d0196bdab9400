package io.ipgraph.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
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

	/** Set once web security is in place: from then on, work without a signed-in user holds no role (fail closed). */
	private static volatile boolean signInRequired;

	static void requireSignIn() {
		signInRequired = true;
	}

	/**
	 * True when the signed-in user holds the role. A command-line run (no web security) acts with the rights of whoever
	 * can read the store; in the web application, an anonymous caller or a thread without a user holds none.
	 */
	public static boolean has(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return !signInRequired;
		}
		if (authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		Role wanted = Role.named(role).orElseThrow(() -> new IllegalArgumentException("no role " + role + " (" + Role.names() + ")"));
		return Role.reachable(authentication.getAuthorities()).contains(wanted);
	}

	/**
	 * Runs {@code work} on this thread as {@code name} holding {@code role}, and then as before: for work done on behalf
	 * of a user off their request (a watch evaluated with its owner's visibility).
	 */
	public static <T> T actingAs(String name, Role role, Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
		SecurityContextHolder.setContext(acting);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

}
