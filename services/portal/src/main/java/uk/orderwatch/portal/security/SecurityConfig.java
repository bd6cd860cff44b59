package uk.orderwatch.portal.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.orderwatch.portal.PortalSettings;

/**
 * Sign-in with the identity server (authorization code with PKCE), tokens kept in the server-side session only,
 * CSRF on every form, sign-out that also ends the session at the identity server, and a content security policy
 * that allows no script, style or connection from anywhere but the portal itself.
 */
@Configuration
public class SecurityConfig {

    /** The registration id the portal signs in with and relays tokens of. */
    public static final String REGISTRATION = "orderwatch";
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations,
                               OAuth2AuthorizedClientRepository authorizedClients, PortalSettings settings)
            throws Exception {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        String issuer = origin(settings);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/govuk/**", "/assets/**", "/ui/**", "/signed-out", "/error",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(SIGN_IN)
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                        .authorizedClientRepository(authorizedClients))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut)
                        .invalidateHttpSession(true).clearAuthentication(true)
                        .deleteCookies("orderwatch-portal"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + issuer))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String origin(PortalSettings settings) {
        var uri = settings.issuer();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /**
     * The identity server's endpoints, named here rather than discovered at start so the portal starts whether or
     * not the identity server is up yet: the browser is sent to the issuer's; the portal itself calls the identity
     * server where it reaches it.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(PortalSettings settings) {
        String issuer = settings.issuer().toString().replaceAll("/$", "");
        String server = settings.identityServer().toString().replaceAll("/$", "");
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(server + "/oauth2/token")
                .jwkSetUri(server + "/oauth2/jwks")
                .userInfoUri(server + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("orderwatch")
                .build());
    }

    /** Tokens live in the user's server-side session and end with it; the browser never holds one. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the signed-in user's access token, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
