package org.circle.consent.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.circle.consent.control.ConsentChain.Verdict;
import org.circle.platform.Database;
import org.circle.platform.Integrity;

/**
 * A group's chain checked on request, as Circle's own account reads it. A break found here is
 * as serious as one found at start, so it also turns readiness DOWN.
 */
@ApplicationScoped
public class ChainVerification {

    @Resource(lookup = Database.JNDI)
    DataSource dataSource;

    public Verdict verify(String groupId) {
        try (Connection c = dataSource.getConnection()) {
            Verdict verdict = ChainRecords.verify(c, groupId);
            if (!verdict.intact()) Integrity.fail(ConsentRecordsCheck.NAME, ConsentRecordsCheck.describe(groupId, verdict));
            return verdict;
        } catch (SQLException e) {
            throw new IllegalStateException("the consent records could not be read", e);
        }
    }
}
