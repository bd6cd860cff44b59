package uk.orderwatch.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.orderwatch.infra.TcpProxy;

/** Email goes through connections kept open, and one that broke is never used again. */
class SmtpConnectionsTest {

    private GreenMail server;
    private TcpProxy proxy;
    private SmtpConnections smtp;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        proxy = TcpProxy.start("smtp", "localhost", server.getSmtp().getPort());
        var settings = new JavaMailSenderImpl();
        settings.setHost("localhost");
        settings.setPort(proxy.port());
        smtp = new SmtpConnections(settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        smtp.destroy();
        proxy.close();
        server.stop();
    }

    private MimeMessage message(String id) throws MessagingException {
        MimeMessage message = smtp.newMessage();
        message.setFrom("orderwatch@orderwatch.test");
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("oic@police.orderwatch.test"));
        message.setSubject("alert " + id);
        message.setText("body");
        message.setHeader("Message-ID", "<alert." + id + "@orderwatch>");
        return message;
    }

    @Test
    void messagesOneAfterAnotherShareOneConnectionAndKeepTheirMessageIds() throws Exception {
        for (int i = 0; i < 3; i++) {
            smtp.send(message("a" + i));
        }

        assertThat(server.getReceivedMessages()).hasSize(3);
        assertThat(server.getReceivedMessages()[2].getMessageID()).isEqualTo("<alert.a2@orderwatch>");
        assertThat(proxy.connections()).as("SMTP connections opened").isEqualTo(1);
    }

    @Test
    void aConnectionTheServerDroppedIsNotUsedAgain() throws Exception {
        smtp.send(message("before"));

        proxy.cut();
        assertThatThrownBy(() -> smtp.send(message("during"))).isInstanceOf(MessagingException.class);
        proxy.restore();
        smtp.send(message("after"));

        assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("alert before", "alert after");
        assertThat(proxy.connections()).as("a new connection once the server answers again").isEqualTo(2);
    }
}
