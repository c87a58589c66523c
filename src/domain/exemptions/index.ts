export * from './validity.ts';
export * from './lifecycle.ts';
export * from './cancellation.ts';
export * from './results-report.ts';
export * from './amendment-tracking.ts';
export * from './deadlines.ts';
