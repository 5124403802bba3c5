package org.circle.platform;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Circle's way to create a metric. Payara's registry is not safe while two threads create
 * metrics at once ({@code TimerImpl.validateMetricsConfiguration} fills a plain HashMap): under a
 * burst of first arrivals, three sessions' first durable writes threw
 * ConcurrentModificationException from the timer and their people were turned away. Creation
 * here is one at a time; using a metric once made is safe from any thread.
 */
public final class Figures {

    private static final Object CREATING = new Object();

    private Figures() { }

    public static Timer timer(MetricRegistry registry, Metadata metadata) {
        synchronized (CREATING) {
            return registry.timer(metadata);
        }
    }

    public static Counter counter(MetricRegistry registry, Metadata metadata, Tag... tags) {
        synchronized (CREATING) {
            return registry.counter(metadata, tags);
        }
    }
}
