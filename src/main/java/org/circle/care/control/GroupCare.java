package org.circle.care.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.circle.care.entity.CareForms.SettingsChange;
import org.circle.care.entity.CareSettingsChanged;
import org.circle.care.entity.CareSettings;
import org.circle.platform.Clock;

/** A group's care settings. The caller has already proven it facilitates the group. */
@ApplicationScoped
public class GroupCare {

    @PersistenceContext(unitName = "circle")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CareSettingsChanged> changed;

    /** The group's settings, or the defaults when it has never changed them. */
    public CareSettings of(String groupId) {
        CareSettings settings = em.find(CareSettings.class, groupId);
        return settings == null ? new CareSettings(groupId) : settings;
    }

    @Transactional
    public CareSettings change(String groupId, SettingsChange change) {
        CareSettings settings = em.find(CareSettings.class, groupId);
        if (settings == null) {
            settings = new CareSettings(groupId);
            em.persist(settings);
        }
        settings.change(change.checkIn(), change.crisisText(), change.facilitatorGraceSeconds(), change.crisisTextGiven(), clock.now());
        changed.fire(new CareSettingsChanged(groupId, settings.checkIn()));
        return settings;
    }
}
