import fc from 'fast-check';

// Property tests run with a fixed seed, so a run of the suite is
// reproducible (CI's included). To explore new cases, run with
// FC_SEED=random, or FC_SEED=<number> to replay a failure fast-check printed.
const setting = process.env.FC_SEED;
if (setting !== 'random') fc.configureGlobal({ seed: setting ? Number(setting) : 20261122 });
