package uk.orderwatch.portal.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions kept in the portal's database rather than in one instance's memory (ADR 21); the cookie is still the one
 * {@code server.servlet.session.cookie} describes, and a session still ends after {@code server.servlet.session.timeout}
 * unused.
 */
@Configuration
@EnableSpringHttpSession
public class SessionConfig {

    /** The session cookie as {@code server.servlet.session.cookie} describes it (name, HttpOnly, SameSite, Secure). */
    @Bean
    DefaultCookieSerializer sessionCookie(Environment environment) {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(environment.getRequiredProperty("server.servlet.session.cookie.name"));
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class,
                true));
        cookie.setSameSite(environment.getProperty("server.servlet.session.cookie.same-site", "Lax"));
        cookie.setUseSecureCookie(environment.getProperty("server.servlet.session.cookie.secure", Boolean.class,
                true));
        return cookie;
    }

    @Bean
    MongoSessions sessions(MongoTemplate mongo, Environment environment) {
        return new MongoSessions(mongo, environment.getProperty("server.servlet.session.timeout", Duration.class,
                Duration.ofHours(8)), Clock.systemUTC());
    }
}
