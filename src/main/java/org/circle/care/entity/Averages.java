package org.circle.care.entity;

import java.util.List;

/** The mean of each rating over some check-outs, to one decimal; zero answers give nulls. */
public record Averages(int count, Double connection, Double topics, Double approach, Double overall) {

    public static Averages of(List<Ratings> answers) {
        if (answers.isEmpty()) return new Averages(0, null, null, null, null);
        return new Averages(answers.size(), mean(answers, "connection"), mean(answers, "topics"),
                mean(answers, "approach"), mean(answers, "overall"));
    }

    private static double mean(List<Ratings> answers, String name) {
        double sum = answers.stream().mapToInt(r -> r.get(name)).sum();
        return Math.round(sum * 10 / answers.size()) / 10.0;
    }
}
