package uk.orderwatch.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook URLs may be posted to. Literal addresses and localhost only: no test here asks a DNS server. */
class WebhookTargetsTest {

    final WebhookTargets deployment = new WebhookTargets(false, false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://127.0.0.1/hook              | a loopback address
            https://localhost:8443/hook         | a loopback address
            https://[::1]/hook                  | a loopback address
            https://0.0.0.0/hook                | an unspecified address
            https://10.20.30.40/hook            | a private address
            https://172.16.0.1/hook             | a private address
            https://192.168.1.10/hook           | a private address
            https://[fd12:3456::1]/hook         | a private address
            https://169.254.169.254/latest      | a link-local address
            https://[fe80::1]/hook              | a link-local address
            https://100.64.0.1/hook             | a shared (carrier-grade NAT) address
            https://224.0.0.1/hook              | a multicast address
            https://192.0.2.1/hook              | a reserved address
            https://[::ffff:127.0.0.1]/hook     | a loopback address
            https://[64:ff9b::a9fe:a9fe]/hook   | a link-local address
            https://[2002:a00:1::1]/hook        | a private address
            """)
    void anAddressInsideOrReservedIsRefused(String url, String kind) throws Exception {
        assertThat(deployment.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).contains(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://81.2.69.142/hook", "https://[2a00:1450:4009:81f::200e]/hook",
            "https://81.2.69.142:8443/case-system/alerts?from=orderwatch"})
    void aPublicHttpsAddressIsAllowed(String url) throws Exception {
        assertThat(deployment.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://81.2.69.142/hook             | must be an https URL
            ftp://81.2.69.142/hook              | must be an https URL
            https://user:pw@81.2.69.142/hook    | must name a host and no user
            https:///hook                       | must name a host and no user
            https://bad host/hook               | is not a URL
            """)
    void aUrlOfAnotherShapeIsRefused(String url, String reason) throws Exception {
        assertThat(deployment.refusal(url)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9999/hook", "http://10.0.0.5/hook"})
    void aDemoStackMayPostToItsOwnMachine(String url) throws Exception {
        assertThat(new WebhookTargets(true, true).refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "81.2.69.142", "2a00:1450:4009:81f::200e"})
    void aPublicAddressIsPublic(String address) throws Exception {
        assertThat(WebhookTargets.notPublic(InetAddress.getByName(address))).isEmpty();
    }
}
