package uk.orderwatch.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The orderwatch portal: the pages police, probation, advocates, their supervisors and ADMIN work in. It keeps no
 * case data of its own and decides nothing about who may see what: every page is what the three services answer to
 * the signed-in user's own token.
 */
@SpringBootApplication
@EnableConfigurationProperties(PortalSettings.class)
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
