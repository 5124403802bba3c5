package org.circle.session;

import java.util.ArrayList;
import java.util.List;

/** A go-around: each person in order holds the floor in turn; anyone may pass. */
final class Round {

    boolean active;
    final List<String> order = new ArrayList<>();
    int index;
    int seconds;
    /** Who passed in this round, so that the strip can show it: a pass is a choice, not an absence. */
    final List<String> passed = new ArrayList<>();

    String current() { return active && index < order.size() ? order.get(index) : null; }

    void start(List<String> order, int seconds) {
        this.order.clear();
        this.order.addAll(order);
        this.index = 0;
        this.passed.clear();
        this.seconds = seconds;
        this.active = true;
    }

    void stop() {
        active = false;
        order.clear();
        passed.clear();
        index = 0;
    }

    Event.RoundChanged event() {
        return new Event.RoundChanged(active, List.copyOf(order), current(), active ? seconds : 0, List.copyOf(passed));
    }

    @Override
    public String toString() { return active ? order + "@" + index + "/" + seconds + (passed.isEmpty() ? "" : "-" + passed) : "-"; }
}
