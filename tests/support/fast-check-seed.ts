// In CI, property tests run with a fixed seed so that a run is reproducible; locally they explore
// (set FC_SEED to replay a failure anywhere).
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
