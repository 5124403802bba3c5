package org.circle.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.circle.consent.control.ConsentChain.Verdict;
import org.circle.platform.StartupCheck;

/**
 * At start: the append-only triggers are there, and every group's chain holds. Either failing
 * keeps Circle not ready (see {@link StartupCheck}) with a line naming the group and record ids.
 */
@ApplicationScoped
public class ConsentRecordsCheck implements StartupCheck {

    public static final String NAME = "consent-records";

    @Override
    public String name() { return NAME; }

    @Override
    public String problem(Connection owner) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> unguarded = AppendOnlyGuard.unguarded(owner);
        if (!unguarded.isEmpty()) {
            problems.add("the append-only trigger for " + String.join(" and ", unguarded) + " on consent_record is missing");
        }
        int broken = 0;
        for (String group : ChainRecords.groups(owner)) {
            Verdict verdict = ChainRecords.verify(owner, group);
            if (!verdict.intact() && broken++ == 0) problems.add(describe(group, verdict));
        }
        if (broken > 1) problems.add((broken - 1) + " more group(s) broken");
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** One line, ids only. */
    static String describe(String group, Verdict verdict) {
        return "the consent record chain of group " + group + " is broken"
                + (verdict.brokenRecordId() == null ? "" : " at record " + verdict.brokenRecordId()) + ": " + verdict.reason();
    }
}
