package uk.orderwatch.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a user in at the identity server and returns an access token, by the authorization code flow with PKCE that
 * {@code infra/token.sh} performs with curl: the stack seeds its demo data with it, the end-to-end tests act as
 * each demo user with it.
 */
public final class OidcLogin {

    public static final String CLIENT_ID = "orderwatch-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1:8400/callback";
    public static final String DEMO_PASSWORD = "orderwatch-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private OidcLogin() {
    }

    public static String accessToken(String issuer, String username) {
        return accessToken(issuer, username, DEMO_PASSWORD);
    }

    public static String accessToken(String issuer, String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = base64url(random);
            String challenge = base64url(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                    + "&scope=openid&state=" + base64url(random).substring(0, 12) + "&redirect_uri="
                    + encode(REDIRECT_URI) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
            send(http, HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build());
            Matcher csrf = CSRF.matcher(send(http, HttpRequest.newBuilder(URI.create(issuer + "/login")).build())
                    .body());
            if (!csrf.find()) {
                throw new IllegalStateException("the identity server's sign-in page has no CSRF token");
            }
            var signedIn = send(http, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(csrf.group(1)))).build());
            String next = signedIn.headers().firstValue("Location").orElse("");
            if (next.isEmpty() || next.contains("error")) {
                throw new IllegalStateException("sign-in refused for " + username);
            }
            var redirected = send(http, HttpRequest.newBuilder(URI.create(next)).header("Accept", "text/html")
                    .build());
            Matcher code = CODE.matcher(redirected.headers().firstValue("Location").orElse(""));
            if (!code.find()) {
                throw new IllegalStateException("no authorization code for " + username + ": HTTP "
                        + redirected.statusCode());
            }
            var token = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT_ID
                            + "&code=" + code.group(1) + "&redirect_uri=" + encode(REDIRECT_URI)
                            + "&code_verifier=" + verifier)).build());
            Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
            if (!accessToken.find()) {
                throw new IllegalStateException("no access token for " + username + ": HTTP " + token.statusCode());
            }
            return accessToken.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("signing in " + username + " at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
