export * from './transition-table.ts';
export * from './plan-machine.ts';
export * from './zone-machine.ts';
export * from './signoff.ts';
export * from './eligibility.ts';
export * from './procedure.ts';
export * from './submission.ts';
