export * from './validity.ts';
export * from './lifecycle.ts';
