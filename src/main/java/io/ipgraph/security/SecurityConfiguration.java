package io.ipgraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.ipgraph.embedded.BoltSignIn;
import io.ipgraph.embedded.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything but the health probe and Neo4j Browser's static files needs a signed-in user, on HTTP and on the
 * embedded database's Bolt port ({@link #boltUsers}): HTTP Basic with
 * a local user, or a JWT bearer token when a team's identity provider is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}).
 * The filter refuses an unauthenticated request before GraphQL parses anything. Roles: ANALYST reads, EDITOR also
 * writes and imports, ADMIN also administers; each includes the ones before it. There are no sessions and no
 * cookies, so a page on another site cannot borrow a signed-in user's rights (CSRF protection would have nothing
 * to protect; the endpoints also take JSON bodies only, which browsers will not send cross-site without asking).
 * The command-line tools (import, export) run without a web server and so without this; they act as the
 * operating-system user who runs them, with the rights of whoever can read the store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

	static final List<String> ROLES = List.of("ANALYST", "EDITOR", "ADMIN");

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("EDITOR").role("EDITOR").implies("ANALYST").build();
	}

	/**
	 * No observation per security filter, authentication and authorization: they would wrap every filter of every
	 * request for metrics nobody reads here (the request itself is still observed as {@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService localUsers(SecurityProperties properties, PasswordEncoder encoder, ObjectProvider<JwtDecoder> jwt) {
		List<UserDetails> users = new ArrayList<>();
		properties.users().forEach((name, user) -> users.add(localUser(name, user)));
		if (users.isEmpty() && jwt.getIfAvailable() == null) {
			users.add(User.withUsername("admin")
				.password(encoder.encode(initialPassword(properties.initialPasswordFile())))
				.roles("ADMIN")
				.build());
			log.warn("No users configured: sign in as 'admin' with the password in {} (configure ipgraph.security.users to replace it)",
					properties.initialPasswordFile().toAbsolutePath());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, ObjectProvider<JwtDecoder> jwt,
			SecurityProperties properties) throws Exception {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		CurrentUser.requireSignIn();
		RememberedAuthentications passwords = new RememberedAuthentications(dao);
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(passwords));
		JwtDecoder decoder = jwt.getIfAvailable();
		if (decoder != null) {
			JwtAuthenticationProvider bearers = new JwtAuthenticationProvider(decoder);
			bearers.setJwtAuthenticationConverter(source -> bearer(source, properties));
			providers.add(bearers);
		}
		AuthenticationManager manager = new ProviderManager(providers);
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
				// the Browser's entry is for signed-in users (it says which roles may use it); its static files are public
				// (it reads the graph over Bolt, where the same users sign in again, see BoltSignIn), and so is the kit,
				// with the preflight a Browser opened under another host name sends before it fetches the guide and style
				.requestMatchers(HttpMethod.GET, "/browser", "/browser/").hasRole("ANALYST")
				.requestMatchers(HttpMethod.GET, "/browser/**", "/browser-guide/**").permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/browser-guide/**").permitAll()
				// "/" is the front page, for signed-in users; Neo4j Browser also asks its host for a discovery document
				// there (Accept: application/json; there is none, 406), and a 401 to that would make the web browser
				// prompt for a password before the Browser even starts
				.requestMatchers(SecurityConfiguration::browserDiscovery).permitAll()
				.requestMatchers(HttpMethod.GET, "/favicon.ico").permitAll()
				.requestMatchers("/api/import", "/api/import/**").hasRole("EDITOR")
				.anyRequest().hasRole("ANALYST"))
			.httpBasic(basic -> basic.realmName("ipgraph"));
		if (decoder != null) {
			http.oauth2ResourceServer(server -> server.jwt(token -> token.authenticationManager(manager)));
			log.info("JWT bearer tokens accepted (roles from claim '{}')", properties.rolesClaim());
		}
		return http.build();
	}

	/**
	 * Once the application runs, the embedded Neo4j's Bolt port lets ipgraph's local users in, with the rights of their
	 * role ({@link BoltSignIn}): the same user name and password as for the HTTP API, checked the same way.
	 */
	@Bean
	ApplicationListener<ApplicationStartedEvent> boltUsers(ObjectProvider<EmbeddedNeo4j> embedded, UserDetailsService users,
			PasswordEncoder encoder) {
		return event -> {
			EmbeddedNeo4j db = embedded.getIfAvailable();
			if (db == null || event.getApplicationContext().getParent() != null) {
				return;
			}
			DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
			dao.setPasswordEncoder(encoder);
			RememberedAuthentications passwords = new RememberedAuthentications(dao);
			RoleHierarchy hierarchy = roleHierarchy();
			db.signIn().users((name, password) -> {
				try {
					Authentication signedIn = passwords.authenticate(new UsernamePasswordAuthenticationToken(name, password));
					Set<String> roles = new HashSet<>();
					hierarchy.getReachableGrantedAuthorities(signedIn.getAuthorities())
						.forEach(a -> roles.add(a.getAuthority().replaceFirst("^ROLE_", "")));
					roles.retainAll(ROLES);
					return roles;
				}
				catch (AuthenticationException ex) {
					return null;
				}
			});
		};
	}

	/** Neo4j Browser's discovery request: GET / asking for JSON only (the front page is HTML, and signed in). */
	static boolean browserDiscovery(jakarta.servlet.http.HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return "GET".equals(request.getMethod()) && "/".equals(request.getRequestURI()) && accept != null
				&& accept.contains("application/json") && !accept.contains("text/html") && !accept.contains("*/*");
	}

	/** A bearer token's user: named by the configured claim (or the subject), with the roles its claim lists. */
	static JwtAuthenticationToken bearer(Jwt jwt, SecurityProperties properties) {
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
			String plain = role.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
			if (ROLES.contains(plain)) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + plain));
			}
		}
		String name = jwt.getClaimAsString(properties.nameClaim());
		return new JwtAuthenticationToken(jwt, authorities, (name != null && !name.isBlank()) ? name : jwt.getSubject());
	}

	private static UserDetails localUser(String name, SecurityProperties.User user) {
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
			String plain = role.trim().toUpperCase(Locale.ROOT);
			if (!ROLES.contains(plain)) {
				throw new IllegalStateException("ipgraph.security.users." + name + ".roles: unknown role '" + role + "' (use " + ROLES + ")");
			}
			roles.add(plain);
		}
		return User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
	}

	/** The first start's admin password: read from the file, or made up and written there for its owner only. */
	private static String initialPassword(Path file) {
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

	/**
	 * Checks a user's password once and remembers the answer for a few minutes, keyed by a salted digest of name and
	 * password (never the password): password hashes are slow by design, and every API call carries the credentials.
	 */
	static final class RememberedAuthentications implements AuthenticationProvider {

		private static final long TTL_NANOS = 300_000_000_000L;

		private final AuthenticationProvider delegate;

		private final byte[] salt = new byte[16];

		private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

		RememberedAuthentications(AuthenticationProvider delegate) {
			this.delegate = delegate;
			new SecureRandom().nextBytes(this.salt);
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
				return this.delegate.authenticate(authentication);
			}
			String key = digest(authentication.getName() + '\u0000' + authentication.getCredentials());
			long now = System.nanoTime();
			Remembered known = this.remembered.get(key);
			if (known != null && now - known.at() < TTL_NANOS) {
				return known.authentication();
			}
			Authentication result = this.delegate.authenticate(authentication);
			if (this.remembered.size() >= 10_000) {
				this.remembered.clear();
			}
			this.remembered.put(key, new Remembered(result, now));
			return result;
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.delegate.supports(authentication);
		}

		private String digest(String text) {
			try {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				sha.update(this.salt);
				return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private record Remembered(Authentication authentication, long at) {
		}

	}

}
