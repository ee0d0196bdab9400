package io.ipgraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a user's password once and remembers the answer for a few minutes, keyed by a salted digest of name and
 * password (never the password): password hashes are slow by design, and every API call carries the credentials.
 */
final class RememberedAuthentications implements AuthenticationProvider {

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
