package io.ipgraph.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use ipgraph.
 *
 * @param users local users by name, each with a hashed password ({@code {bcrypt}...}, made by
 * {@code hash-password}) and roles; never a plain password
 * @param initialPasswordFile when no user is configured (and no JWT issuer), the first start creates the user
 * {@code admin} with a random password kept in this file (readable by its owner only)
 * @param rolesClaim the JWT claim holding a bearer's roles (a list or a space-separated string)
 * @param nameClaim the JWT claim naming the bearer in the audit trail
 */
@ConfigurationProperties("ipgraph.security")
public record SecurityProperties(@DefaultValue Map<String, User> users,
		@DefaultValue("data/admin-password.txt") Path initialPasswordFile, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("preferred_username") String nameClaim) {

	/**
	 * A local user.
	 *
	 * @param password the password's hash with its algorithm, e.g. {@code {bcrypt}$2a$10$...}
	 * @param roles ANALYST, EDITOR or ADMIN (each includes the ones before it)
	 */
	public record User(String password, @DefaultValue("ANALYST") List<String> roles) {
	}

}
