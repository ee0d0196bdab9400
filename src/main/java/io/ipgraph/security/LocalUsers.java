package io.ipgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.ipgraph.embedded.BoltSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local users of {@code ipgraph.security.users}, each with a password hash and roles, checked when the application
 * starts; with none configured and no identity provider, the first start's {@code admin} with a random password kept
 * in a file for its owner only.
 */
final class LocalUsers {

	private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

	private LocalUsers() {
	}

	static UserDetailsService of(SecurityProperties properties, PasswordEncoder encoder, boolean identityProvider) {
		List<UserDetails> users = new ArrayList<>();
		properties.users().forEach((name, user) -> users.add(user(name, user)));
		if (users.isEmpty() && !identityProvider) {
			users.add(User.withUsername("admin")
				.password(encoder.encode(initialPassword(properties.initialPasswordFile())))
				.roles(Role.ADMIN.name())
				.build());
			log.warn("No users configured: sign in as 'admin' with the password in {} (configure ipgraph.security.users to replace it)",
					properties.initialPasswordFile().toAbsolutePath());
		}
		return new InMemoryUserDetailsManager(users);
	}

	static UserDetails user(String name, SecurityProperties.User user) {
		if (name.equalsIgnoreCase(BoltSignIn.INTERNAL_USER)) {
			throw new IllegalStateException("ipgraph.security.users." + name + ": the name is reserved for ipgraph's own database connection");
		}
		String hash = user.password();
		if (hash == null || !hash.matches("^\\{[a-z0-9@_-]+}.+") || hash.startsWith("{noop}")) {
			throw new IllegalStateException("ipgraph.security.users." + name + ".password must be a password hash such as {bcrypt}$2a$10$...;"
					+ " make one with: java -jar ipgraph.jar hash-password");
		}
		List<String> roles = new ArrayList<>();
		for (String role : user.roles()) {
			roles.add(Role.named(role)
				.orElseThrow(() -> new IllegalStateException(
						"ipgraph.security.users." + name + ".roles: unknown role '" + role + "' (use " + Role.names() + ")"))
				.name());
		}
		return User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
	}

	/** The first start's admin password: read from the file, or made up and written there for its owner only. */
	static String initialPassword(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
				if (!kept.isEmpty()) {
					return kept;
				}
			}
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the directory's permissions
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not keep the initial admin password in " + file, ex);
		}
	}

}
