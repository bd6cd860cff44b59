package uk.orderwatch.identity;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The orderwatch identity server: an OAuth2 authorization server and OpenID Connect provider (discovery document,
 * JWKS, authorization code with PKCE) whose access tokens carry what the services authorise on: the user's role,
 * agency and person id, whether they supervise their agency, and the audience {@code orderwatch}.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityServerApplication.Identity.class)
public class IdentityServerApplication {

    public static final String AUDIENCE = "orderwatch";

    public static void main(String[] args) {
        SpringApplication.run(IdentityServerApplication.class, args);
    }

    /** A user and what they are in orderwatch. */
    public record DemoUser(String username, String displayName, String personId, String agencyId, String role,
                           boolean supervisor) {
    }

    @ConfigurationProperties("orderwatch.identity")
    public record Identity(String demoPassword, List<DemoUser> users) {

        public Identity {
            if (users == null || users.isEmpty() || demoPassword == null || demoPassword.isBlank()) {
                throw new IllegalStateException("infra/identity-server is the demo's identity server and has users "
                        + "in the demo profile only: run it with SPRING_PROFILES_ACTIVE=demo. A deployment points "
                        + "the services at the agencies' own OIDC provider (ORDERWATCH_ISSUER).");
            }
        }

        DemoUser user(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no user " + username));
        }
    }

    /** The protocol endpoints (authorize, token, JWKS, discovery, userinfo); a browser is sent to sign in. */
    @Bean
    @Order(1)
    SecurityFilterChain protocol(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The sign-in form (templates/login.html, in the portal's look); health is open so the stack and compose can
     * wait for the server.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**",
                                "/govuk-frontend.min.css", "/assets/**", "/sign-in.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                // only the protocol chain remembers where to go after sign-in (the authorization request): a
                // stylesheet's font fetched meanwhile must never become the page the user lands on
                .requestCache(cache -> cache.requestCache(rememberingNothing()));
        return http.build();
    }

    /** Reads the request the protocol chain saved, and saves none of this chain's own. */
    private static HttpSessionRequestCache rememberingNothing() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> false);
        return cache;
    }

    /** Shows the sign-in page; Spring Security handles the form it posts. */
    @org.springframework.stereotype.Controller
    static class SignInPage {

        @org.springframework.web.bind.annotation.GetMapping("/login")
        String login() {
            return "login";
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(Identity identity, PasswordEncoder encoder) {
        String hash = encoder.encode(identity.demoPassword());
        return new InMemoryUserDetailsManager(identity.users().stream()
                .map(u -> User.withUsername(u.username()).password(hash).roles(u.role()).build()).toList());
    }

    /**
     * Puts the orderwatch claims into every access token (and the audience the services require), and into the ID
     * token, from which the portal shows who is signed in and which pages are theirs (the services still decide
     * what each may see, from the access token).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> orderwatchClaims(Identity identity) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            DemoUser user = identity.user(context.getPrincipal().getName());
            if (accessToken) {
                context.getClaims().audience(List.of(AUDIENCE)).subject(user.personId());
            } else {
                context.getClaims().claim("name", user.displayName());
            }
            context.getClaims()
                    .claim("role", user.role())
                    .claim("agency_id", user.agencyId())
                    .claim("person_id", user.personId())
                    .claim("supervisor", user.supervisor());
        };
    }
}
