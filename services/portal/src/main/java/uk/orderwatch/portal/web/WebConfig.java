package uk.orderwatch.portal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The GOV.UK Frontend files, served from its WebJar: its CSS and JavaScript at /govuk/ and its images at
 * /assets/, where its stylesheet looks for them.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    /** The govuk-frontend WebJar's version, as in the portal's pom. */
    static final String GOVUK_FRONTEND = "5.14.0";
    private static final String DIST = "classpath:/META-INF/resources/webjars/govuk-frontend/" + GOVUK_FRONTEND
            + "/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/govuk/**").addResourceLocations(DIST);
        registry.addResourceHandler("/assets/**").addResourceLocations(DIST + "assets/");
    }
}
