package uk.orderwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import uk.orderwatch.localstack.LocalStack;

/**
 * The local stack the end-to-end classes share ({@code @ExtendWith(SharedLocalStack.class)}, and a {@link LocalStack}
 * parameter of their {@code @BeforeAll}): started on first use and stopped when the test run ends, so the API
 * scenarios and the browser journey do not each start and stop five service processes. Each test works on orders of
 * its own, so what another left behind does not matter to it. With {@code -Dorderwatch.e2e.instances=2}, two
 * instances of each service behind the local stack's entry points (ADR 21).
 */
public final class SharedLocalStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> new Running(), Running.class).stack;
    }

    /** The stack and its data directory; JUnit closes it when the run ends. */
    static final class Running implements AutoCloseable {
        final Path dataDir;
        final LocalStack stack;

        Running() {
            try {
                dataDir = Files.createTempDirectory("orderwatch-e2e");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stack = new LocalStack(StackClient.baseConfig(dataDir)
                    .withInstances(Integer.getInteger("orderwatch.e2e.instances", 1))).start();
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
