package uk.orderwatch.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import uk.orderwatch.infra.Ports;

/** A mail server on a free port, without sign-in, for the service under test to send its email to. */
final class TestSmtp extends GreenMailExtension {

    /** Give it to the service as {@code spring.mail.port}. */
    final int port;

    TestSmtp() {
        this(Ports.free());
    }

    private TestSmtp(int port) {
        super(new ServerSetup(port, null, "smtp"));
        this.port = port;
        withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}
