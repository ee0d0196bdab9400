package io.ipgraph.home;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ipgraph's own pages (the front page, GraphiQL and its files, the reports, the error pages) may load from and
 * connect to ipgraph only: a Content-Security-Policy makes the web browser refuse anything else, so no page can send
 * what a user investigates beyond the machine, whatever a script in it tries. (Neo4j Browser has its own policy,
 * which also names the Bolt port.)
 */
@Configuration(proxyBeanMethods = false)
class PagePolicy {

	static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pageContentSecurityPolicy() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", POLICY);
				chain.doFilter(request, response);
			}

			@Override
			protected boolean shouldNotFilterErrorDispatch() {
				return false;
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/", "/graphiql", "/graphiql/*", "/webjars/*", "/api/reports/*", "/api/overview", "/error", "/search", "/entity/*",
				"/check/*", "/alerts", "/import", "/workspace/*", "/api/network/*");
		return registration;
	}

}
