package org.circle.care.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.circle.platform.StartFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that seals what members type. From {@code CIRCLE_DATA_KEY} when it is set (base64 of
 * 256 bits); otherwise from the file {@code circle-data.key} in {@code CIRCLE_DATA_DIR}, made at
 * the first start. A bad key stops Circle at start, with a line that names the setting and never
 * the key. {@code CIRCLE_DATA_KEY_PREVIOUS} keeps older rows readable after a rotation.
 */
@ApplicationScoped
public class DataKeys {

    private static final Logger LOG = Logger.getLogger(DataKeys.class.getName());

    @Inject
    @ConfigProperty(name = "CIRCLE_DATA_KEY")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "CIRCLE_DATA_KEY_PREVIOUS")
    Optional<String> previous;

    @Inject
    @ConfigProperty(name = "CIRCLE_DATA_DIR", defaultValue = "data")
    String dataDir;

    private DataSeal seal;

    /** Loads the key as the application starts, so that a bad one stops Circle at once. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        seal();
    }

    @PostConstruct
    void load() {
        try {
            byte[] old = previous.filter(s -> !s.isBlank()).map(s -> DataKeyFile.parse(s, "CIRCLE_DATA_KEY_PREVIOUS")).orElse(null);
            seal = new DataSeal(current(), old);
        } catch (IllegalArgumentException | IOException e) {
            StartFailure.stop("its data key cannot be used", e);
        }
    }

    private byte[] current() throws IOException {
        if (configured.isPresent() && !configured.get().isBlank()) return DataKeyFile.parse(configured.get(), "CIRCLE_DATA_KEY");
        DataKeyFile.Loaded loaded = DataKeyFile.loadOrCreate(Path.of(dataDir).toAbsolutePath().normalize());
        if (loaded.created()) {
            LOG.warning("Circle made a new data key in " + loaded.file() + ". Back this file up with the database: "
                    + "without it the stored check-in details cannot be read. Or set CIRCLE_DATA_KEY (see docs/operations.md).");
        } else if (DataKeyFile.tooOpen(loaded.file())) {
            LOG.warning("The data key file " + loaded.file() + " can be read by other users; make it mode 600.");
        }
        return loaded.key();
    }

    public DataSeal seal() { return seal; }
}
