package uk.orderwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Holds the tests' HTTP exchanges to the published documents: an exchange that breaks its service's contract fails
 * the test that made it. With {@code -Dorderwatch.contract.survey=<file>} the violations of a whole run are written
 * to that file instead, to see them all at once.
 */
public final class ContractWatch {

    private ContractWatch() {
    }

    public static void keep(ApiContract contract, String method, String path, String requestBody, int status,
                            String contentType, String responseBody) {
        List<String> violations = contract.check(method, path, requestBody, status, contentType, responseBody);
        if (violations.isEmpty()) {
            return;
        }
        String survey = System.getProperty("orderwatch.contract.survey");
        if (survey == null) {
            throw new AssertionError("The answer breaks the published API document:\n  "
                    + String.join("\n  ", violations) + "\nbody: " + responseBody);
        }
        try {
            Files.writeString(Path.of(survey), String.join("\n", violations) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
