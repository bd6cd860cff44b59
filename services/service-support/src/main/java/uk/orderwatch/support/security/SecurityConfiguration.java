package uk.orderwatch.support.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.support.config.SupportSettings;
import uk.orderwatch.support.idempotency.IdempotencyFilter;

/**
 * Every service is an OAuth2 resource server: each request but health, API docs and the paths a service declares
 * public carries a bearer JWT whose signature (RS256 only; {@code alg: none} and HMAC are refused), expiry, issuer,
 * audience and orderwatch claims are checked. Without a valid token: 401. ADMIN alone reaches {@code /admin/**}.
 * No sessions, no cookies, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(TokenSettings.class)
public class SecurityConfiguration {

    /** Paths reachable without a user token (each protected its own way, e.g. Notify's callback bearer secret). */
    public record PublicPaths(List<String> patterns) {
    }

    /**
     * A filter that runs in the security chain once the token is read, around the access decision and the
     * controllers (e.g. the audit of refusals). Not a filter bean itself, so the servlet container does not run it
     * a second time.
     */
    public record AroundAccessDecision(jakarta.servlet.Filter filter) {
    }

    @Bean
    SecurityFilterChain orderwatchSecurity(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
                                           ObjectProvider<AroundAccessDecision> around,
                                           JsonMapper json, RateLimitFilter rateLimit,
                                           IdempotencyFilter idempotency,
                                           uk.orderwatch.support.config.SupportSettings settings) throws Exception {
        List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"));
        publicPaths.orderedStream().forEach(p -> open.addAll(p.patterns()));
        var problems = new SecurityProblems(json);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(ScrapeTokenFilter.PATH).hasAnyRole(Role.ADMIN.name(), ScrapeTokenFilter.ROLE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(tokensOutside(open))
                        .jwt(j -> j.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ScrapeTokenFilter(settings.metrics().scrapeToken()),
                        org.springframework.security.oauth2.server.resource.web.authentication
                                .BearerTokenAuthenticationFilter.class)
                .addFilterAfter(rateLimit, AuthorizationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class);
        around.orderedStream().forEach(a -> http.addFilterBefore(a.filter(), ExceptionTranslationFilter.class));
        return http.build();
    }

    /**
     * Public paths carry no user token, and some carry a bearer secret of their own (Notify's callback): it must not
     * be read, and refused, as a JWT.
     */
    private static BearerTokenResolver tokensOutside(List<String> openPatterns) {
        var resolver = new DefaultBearerTokenResolver();
        // health is open, but an ADMIN's token shows its components
        var open = openPatterns.stream().filter(p -> !p.startsWith("/actuator/health"))
                .map(p -> PathPatternRequestMatcher.withDefaults().matcher(p)).toList();
        return request -> open.stream().anyMatch(m -> m.matches(request)) ? null : resolver.resolve(request);
    }

    @Bean
    RateLimitFilter rateLimitFilter(SupportSettings settings, java.time.Clock clock, JsonMapper json) {
        var limit = settings.rateLimit();
        return new RateLimitFilter(new RateLimiter(limit.writeBurst(), limit.writesPerSecond(), clock),
                new RateLimiter(limit.readBurst(), limit.readsPerSecond(), clock),
                new RateLimiter(limit.anonymousBurst(), limit.anonymousWritesPerSecond(), clock), json);
    }

    @Bean
    IdempotencyFilter idempotencyFilter(org.springframework.data.mongodb.core.MongoTemplate mongo,
                                        java.time.Clock clock, SupportSettings settings, JsonMapper json) {
        return new IdempotencyFilter(mongo, clock, settings.idempotency().lease(), settings.idempotency().keepFor(),
                json, a -> a instanceof JwtAuthenticationToken token ? caller(token).id() : null);
    }

    /** Keeps the filter out of the servlet container's own chain: it runs inside the security chain only. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        return onlyInSecurityChain(filter);
    }

    /** Keeps the filter out of the servlet container's own chain: it runs inside the security chain only. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        return onlyInSecurityChain(filter);
    }

    /**
     * A filter bean is registered with the servlet container by default; one that the security chain runs must not
     * run a second time outside it.
     */
    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> onlyInSecurityChain(F filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Spring Security's request firewall with its header and parameter rule (every character assigned, none a
     * control character) checked by a loop instead of its regular expression: the same rule, but the regex over
     * each request's bearer token was a fifth of breach-report's CPU under load.
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterValues(SecurityConfiguration::assignedAndNotControl);
        return firewall;
    }

    /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, without a regular expression. */
    static boolean assignedAndNotControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isDefined(c) || Character.isISOControl(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    @Bean
    JwtDecoder jwtDecoder(TokenSettings settings) throws Exception {
        NimbusJwtDecoder decoder = settings.publicKey() != null && !settings.publicKey().isBlank()
                ? NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        var validator = validator(settings);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, 10_000);
    }

    static OAuth2TokenValidator<Jwt> validator(TokenSettings settings) {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(settings.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for orderwatch", null));
        OAuth2TokenValidator<Jwt> expiry = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry",
                        null));
        Set<String> roles = java.util.Arrays.stream(Role.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.toSet());
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(settings.clockSkew()),
                expiry,
                new JwtIssuerValidator(settings.issuer()),
                audience,
                new JwtClaimValidator<Object>(Claims.ROLE, r -> r instanceof String s && roles.contains(s)),
                new JwtClaimValidator<Object>(Claims.AGENCY, a -> a instanceof String s && !s.isBlank()),
                new JwtClaimValidator<Object>(Claims.PERSON, p -> p instanceof String s && !s.isBlank()));
    }

    private static RSAPublicKey rsaPublicKey(String base64) throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    }

    static AbstractAuthenticationToken authentication(Jwt jwt) {
        String role = jwt.getClaimAsString(Claims.ROLE);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role)),
                jwt.getClaimAsString(Claims.PERSON));
    }

    /** The caller of the current request, from the validated token. */
    public static Caller caller(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        return new Caller(jwt.getClaimAsString(Claims.PERSON), jwt.getClaimAsString(Claims.AGENCY),
                Role.valueOf(jwt.getClaimAsString(Claims.ROLE)),
                Boolean.TRUE.equals(jwt.getClaimAsBoolean(Claims.SUPERVISOR)));
    }
}
