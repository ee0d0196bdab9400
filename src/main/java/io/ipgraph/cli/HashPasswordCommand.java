package io.ipgraph.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code hash-password}: reads a password (from the terminal without echo, or one line of standard input) and
 * prints its hash for {@code ipgraph.security.users.NAME.password}.
 */
public final class HashPasswordCommand {

	private HashPasswordCommand() {
	}

	public static int run(PrintStream out, PrintStream err) {
		try {
			String password;
			Console console = System.console();
			if (console != null && console.isTerminal()) {
				char[] typed = console.readPassword("Password: ");
				password = (typed == null) ? null : new String(typed);
			}
			else {
				password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			if (password == null || password.length() < 8) {
				err.println("hash-password: give a password of at least 8 characters");
				return 2;
			}
			out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
			return 0;
		}
		catch (IOException ex) {
			err.println("hash-password: " + ex.getMessage());
			return 2;
		}
	}

}
