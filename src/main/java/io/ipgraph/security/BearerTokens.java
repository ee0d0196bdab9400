package io.ipgraph.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The user a team's identity provider vouches for with a JWT: its name and the roles its claim lists. */
final class BearerTokens {

	private BearerTokens() {
	}

	/** A bearer token's user: named by the configured claim (or the subject), with the roles its claim lists. */
	static JwtAuthenticationToken user(Jwt jwt, SecurityProperties properties) {
		Object claim = jwt.getClaims().get(properties.rolesClaim());
		List<String> roles = new ArrayList<>();
		if (claim instanceof Collection<?> values) {
			values.forEach(v -> roles.add(String.valueOf(v)));
		}
		else if (claim instanceof String text) {
			roles.addAll(List.of(text.trim().split("\\s+")));
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : roles) {
			Role.named(role).ifPresent(known -> authorities.add(new SimpleGrantedAuthority("ROLE_" + known.name())));
		}
		String name = jwt.getClaimAsString(properties.nameClaim());
		return new JwtAuthenticationToken(jwt, authorities, (name != null && !name.isBlank()) ? name : jwt.getSubject());
	}

}
