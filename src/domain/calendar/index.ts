export * from './civil-date.ts';
export * from './holidays.ts';
export * from './periods.ts';
export * from './clock.ts';
