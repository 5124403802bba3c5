package org.circle.care.entity;

/**
 * A check-out's four ratings, each a whole number 0..10: how connected the member felt to the
 * group, whether the group talked about what they wanted, whether the way it was run suited
 * them, and overall.
 */
public record Ratings(int connection, int topics, int approach, int overall) {

    public static final String[] NAMES = {"connection", "topics", "approach", "overall"};

    public int get(String name) {
        return switch (name) {
            case "connection" -> connection;
            case "topics" -> topics;
            case "approach" -> approach;
            case "overall" -> overall;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
