package io.iocmonitor.collector.simulator;

import java.util.Random;

/** Random draws the simulators share. */
final class Draws {

    private Draws() {
    }

    /** A Poisson-distributed count: Knuth's method for small means, a normal approximation above 30. */
    static int poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
