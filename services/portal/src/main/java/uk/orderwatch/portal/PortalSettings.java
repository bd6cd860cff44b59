package uk.orderwatch.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The portal's settings (defaults in application.yml).
 *
 * @param issuer         the identity server, as the user's browser reaches it (the tokens' issuer)
 * @param identityServer the identity server as the portal reaches it, for tokens and keys (inside a container
 *                       network it differs from the issuer)
 * @param clientId     the portal's client at the identity server
 * @param clientSecret the portal's client secret (demo default only in application.yml)
 * @param services     where the three services answer
 * @param apiTimeout   how long a page waits for a service before it says the service is unavailable
 */
@Validated
@ConfigurationProperties("orderwatch")
public record PortalSettings(@NotNull URI issuer, @NotNull URI identityServer, @NotBlank String clientId, @NotBlank String clientSecret,
                             @NotNull Services services, @NotNull Duration apiTimeout) {

    public record Services(@NotNull URI orderRegistry, @NotNull URI breachReport, @NotNull URI notification) {
    }
}
