package org.rai4j.privacy.internal;

/**
 * An evenly spaced grid of privacy-loss values {@code t_i = tMin + i·dt}, i = 0 … size−1, with an even
 * size, plus the total shift applied to it so far (the mean correction of Gopi et al.). Immutable.
 *
 * @param tMin   first grid point
 * @param tMax   last grid point
 * @param size   number of points (even)
 * @param shifts total shift to the right applied since creation
 */
public record PrvGrid(double tMin, double tMax, int size, double shifts) {
    public PrvGrid {
        if (size % 2 != 0 || size < 2) {
            throw new IllegalArgumentException("PRV grid size must be even and >= 2, got " + size);
        }
    }

    /**
     * The grid from {@code floor(tMin/dt)·dt} to {@code ceil(tMax/dt)·dt}, extended by one point on the
     * right when that gives an odd number of points.
     */
    public static PrvGrid aligned(double tMin, double tMax, double dt) {
        double lo = Math.floor(tMin / dt) * dt;
        double hi = Math.ceil(tMax / dt) * dt;
        long size = Math.round((hi - lo) / dt) + 1;
        if (size % 2 == 1) {
            size++;
            hi += dt;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the PRV grid would need " + size + " points; use a larger epsilon error");
        }
        PrvGrid grid = new PrvGrid(lo, hi, (int) size, 0.0);
        if (Math.abs(grid.dt() - dt) / dt >= 1e-8) {
            throw new IllegalStateException("PRV grid spacing " + grid.dt() + " differs from the requested " + dt);
        }
        return grid;
    }

    /** The spacing between grid points. */
    public double dt() {
        return (tMax - tMin) / (size - 1);
    }

    /** The grid moved right by {@code dt}, remembering the shift. */
    public PrvGrid shiftRight(double by) {
        return new PrvGrid(tMin + by, tMax + by, size, shifts + by);
    }

    /** The grid points, computed as {@code numpy.linspace} does (last point exactly {@code tMax}). */
    public double[] points() {
        double[] t = new double[size];
        double step = (tMax - tMin) / (size - 1);
        for (int i = 0; i < size; i++) {
            t[i] = tMin + i * step;
        }
        t[size - 1] = tMax;
        return t;
    }
}
