package io.ipgraph.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;

/**
 * ipgraph's roles, each including the ones before it: ANALYST reads, EDITOR also writes and imports, ADMIN also
 * administers. The one place the hierarchy is written; Spring Security's {@link RoleHierarchy}, the checks in code
 * ({@link CurrentUser#has}) and the database's sign-in all read it from here.
 */
public enum Role {

	ANALYST, EDITOR, ADMIN;

	/** Whether holding this role gives {@code other} too. */
	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/** The role named {@code name} (any case, with or without Spring's {@code ROLE_} prefix). */
	public static Optional<Role> named(String name) {
		String plain = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
		return Arrays.stream(values()).filter(r -> r.name().equals(plain)).findFirst();
	}

	/** The role names, lowest first, for messages. */
	public static List<String> names() {
		return Arrays.stream(values()).map(Role::name).toList();
	}

	/** Every role that the granted authorities give, the included ones too. */
	public static Set<Role> reachable(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authorities) {
			named(authority.getAuthority()).ifPresent(held -> Arrays.stream(values()).filter(held::includes).forEach(roles::add));
		}
		return roles;
	}

	/** The hierarchy as Spring Security's method and request checks use it. */
	static RoleHierarchy hierarchy() {
		RoleHierarchyImpl.Builder builder = RoleHierarchyImpl.withDefaultRolePrefix();
		Role[] roles = values();
		for (int i = roles.length - 1; i > 0; i--) {
			builder.role(roles[i].name()).implies(roles[i - 1].name());
		}
		return builder.build();
	}

}
