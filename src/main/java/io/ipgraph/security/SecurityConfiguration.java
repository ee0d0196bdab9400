package io.ipgraph.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
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

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	static RoleHierarchy roleHierarchy() {
		return Role.hierarchy();
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
		return LocalUsers.of(properties, encoder, jwt.getIfAvailable() != null);
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
			bearers.setJwtAuthenticationConverter(source -> BearerTokens.user(source, properties));
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
			db.signIn().users((name, password) -> {
				try {
					Authentication signedIn = passwords.authenticate(new UsernamePasswordAuthenticationToken(name, password));
					Set<String> roles = new HashSet<>();
					Role.reachable(signedIn.getAuthorities()).forEach(r -> roles.add(r.name()));
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



}
