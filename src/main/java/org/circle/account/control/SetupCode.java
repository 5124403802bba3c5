package org.circle.account.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;
import org.circle.platform.Secrets;
import org.circle.platform.StartOrder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The code that proves the person doing first-run setup can read the server's log (or set
 * CIRCLE_SETUP_CODE). It is printed at start only while no facilitator exists.
 */
@ApplicationScoped
public class SetupCode {

    private static final Logger LOG = Logger.getLogger(SetupCode.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

    @Inject
    @ConfigProperty(name = "CIRCLE_SETUP_CODE")
    Optional<String> configured;

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    private String code;

    void announce(@Observes @Priority(StartOrder.AFTER_DATABASE) @Initialized(ApplicationScoped.class) Object started) {
        code = configured.map(String::trim).filter(s -> !s.isEmpty()).orElseGet(SetupCode::random);
        long facilitators = em.createNamedQuery("Facilitator.count", Long.class).getSingleResult();
        if (facilitators == 0) {
            LOG.info("Circle first-run setup code: " + code + "  (open /facilitate, or POST /api/setup)");
        }
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                code.getBytes(StandardCharsets.UTF_8), candidate.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) s.append('-');
            s.append(ALPHABET.charAt(Secrets.random().nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
