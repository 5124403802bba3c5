package org.circle.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circle.account.entity.Facilitator;
import org.circle.account.entity.LoginToken;
import org.circle.account.entity.SignedOut;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.circle.platform.Secrets;

/** Facilitator accounts and their logins. */
@ApplicationScoped
public class Accounts {

    /** How long a login lasts: a working day, so a forgotten browser does not stay signed in. */
    public static final Duration LOGIN_LIFETIME = Duration.ofHours(12);

    public record Login(String token, Instant expiresAt, Facilitator facilitator) { }

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SetupCode setupCode;

    @Inject
    jakarta.enterprise.event.Event<SignedOut> signedOut;

    private final LoginThrottle throttle = new LoginThrottle();

    public boolean anyFacilitator() {
        return em.createNamedQuery("Facilitator.count", Long.class).getSingleResult() > 0;
    }

    /** First run: the holder of the setup code becomes the first facilitator, once. */
    @Transactional
    public Facilitator setUp(String code, String email, String displayName, String password) {
        if (anyFacilitator()) throw ApiError.conflict("ALREADY_SET_UP", "Circle is already set up. Please log in.");
        if (!setupCode.matches(code)) throw ApiError.badRequest("setupCode", "That setup code is not right. It is printed in the server log.");
        return create(email, displayName, password);
    }

    @Transactional
    public Facilitator create(String email, String displayName, String password) {
        String weak = PasswordPolicy.problem(password);
        if (weak != null) throw ApiError.badRequest("password", weak.substring(0, 1).toUpperCase() + weak.substring(1));
        if (byEmail(email).isPresent()) {
            throw ApiError.conflict("EMAIL_TAKEN", "A facilitator with that email already exists.");
        }
        Facilitator f = new Facilitator(Secrets.newId(), email, displayName, PasswordHash.hash(password), clock.now());
        em.persist(f);
        return f;
    }

    @Transactional
    public Login logIn(String email, String password, String clientAddress) {
        Instant now = clock.now();
        long wait = throttle.retryAfter(email, clientAddress, now);
        if (wait > 0) throw ApiError.rateLimited("Too many attempts. Please wait " + wait + " seconds and try again.", wait);
        Optional<Facilitator> found = byEmail(email);
        boolean ok;
        if (found.isPresent()) {
            ok = PasswordHash.matches(password, found.get().passwordHash());
        } else {
            PasswordHash.wasteEqualTime(password);
            ok = false;
        }
        if (!ok) {
            throttle.failed(email, clientAddress, now);
            throw new ApiError(401, "BAD_CREDENTIALS", "That email and password do not match.", null);
        }
        throttle.succeeded(email);
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(LOGIN_LIFETIME);
        em.persist(new LoginToken(Secrets.hash(token), found.get().id(), now, expiresAt));
        return new Login(token, expiresAt, found.get());
    }

    /** Ends the login, and with it (once committed) the live control it gave: sockets, tickets, resume tokens. */
    @Transactional
    public void logOut(String token) {
        LoginToken login = em.find(LoginToken.class, Secrets.hash(token));
        if (login == null) return;
        em.remove(login);
        signedOut.fire(new SignedOut(login.facilitatorId()));
    }

    /** The facilitator a bearer token belongs to, if it is known and not expired. */
    @Transactional // a read outside a transaction leaves an entity manager on the request that tasks it starts share
    public Optional<Facilitator> authenticate(String token) {
        LoginToken login = em.find(LoginToken.class, Secrets.hash(token));
        if (login == null || !login.expiresAt().isAfter(clock.now())) return Optional.empty();
        return Optional.ofNullable(em.find(Facilitator.class, login.facilitatorId()));
    }

    public Optional<Facilitator> byEmail(String email) {
        List<Facilitator> found = em.createNamedQuery("Facilitator.byEmail", Facilitator.class)
                .setParameter("email", email).getResultList();
        return found.stream().findFirst();
    }

    public Optional<Facilitator> byId(String id) {
        return Optional.ofNullable(em.find(Facilitator.class, id));
    }
}
