/**
 * How much longer a pass takes on an input ten times as large, on the CPU time of this process
 * (other work on the machine does not count) and the least of a few runs (a GC pause only adds):
 * near 10 for a linear pass, near 100 for a quadratic one. Tests compare it with a generous bound
 * instead of timing anything against the clock.
 */
export function growth<T>(run: (input: T) => unknown, make: (size: number) => T, size: number): number {
  const cost = (input: T, reps: number) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < reps; i++) {
      const before = process.cpuUsage();
      run(input);
      const used = process.cpuUsage(before);
      best = Math.min(best, used.user + used.system);
    }
    return best;
  };
  const small = make(size);
  const large = make(size * 10);
  run(small); // warm up the JIT
  // A floor of 2 ms keeps a tiny small run from making the ratio noise.
  return cost(large, 2) / Math.max(cost(small, 3), 2000);
}

/**
 * A linear pass measures ~10–20 (allocation and GC grow a little faster than the input); the
 * quadratic passes of issue 14 measured 60–120 at these sizes.
 */
export const LINEAR = 40;

/**
 * growth(), measured again when over LINEAR and the lesser kept: a collection of garbage or a cold
 * cache in one measure goes away, a pass that is really quadratic does not.
 */
export function settledGrowth<T>(run: (input: T) => unknown, make: (size: number) => T, size: number): number {
  const first = growth(run, make, size);
  return first < LINEAR ? first : Math.min(first, growth(run, make, size));
}
