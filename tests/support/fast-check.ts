import fc from 'fast-check';

/**
 * Every fast-check property runs on one seed (FC_SEED, else the fixed one below), so a failure in
 * CI is replayed exactly by running the same test; fast-check prints the seed and path it failed on.
 */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261201);
fc.configureGlobal({ seed: FC_SEED });
