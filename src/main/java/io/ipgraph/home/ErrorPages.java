package io.ipgraph.home;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Errors as a page for a person in a web browser (a request that accepts HTML); a program gets the JSON error
 * body as before. Each page says what happened and what to do, never a stack trace.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		String path = String.valueOf(model.getOrDefault("path", ""));
		String page = switch (status) {
			case UNAUTHORIZED -> Pages.problem(401, "Sign in to ipgraph", "This page is for signed-in users.",
					"Reload the page and give your ipgraph user name and password when the browser asks (the first start "
							+ "without configured users writes the password of <code>admin</code> to <code>data/admin-password.txt</code>).");
			case FORBIDDEN -> Pages.problem(403, "Not for your role", "Your role does not allow " + path + ".",
					"Readers (ANALYST) query and read reports; editors also import and edit; administrators also administer. "
							+ "Ask an administrator for a role, or go back to the <a href=\"/\">front page</a>.");
			case NOT_FOUND -> Pages.problem(404, "Nothing here", "ipgraph has no page at " + path + ".",
					"The <a href=\"/\">front page</a> lists the ways in.");
			default -> status.is5xxServerError()
					? Pages.problem(status.value(), status.getReasonPhrase(), "ipgraph could not answer " + path + ".",
							"Try again shortly; if it goes on, the application's log says why (and <code>/actuator/health</code> "
									+ "whether the database is reachable).")
					: Pages.problem(status.value(), status.getReasonPhrase(), "The request for " + path + " was not accepted.",
							"The <a href=\"/\">front page</a> lists the ways in.");
		};
		View view = (ignored, req, response) -> {
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
		};
		return new ModelAndView(view);
	}

}
