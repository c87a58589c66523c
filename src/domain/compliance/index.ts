export * from './rules.ts';
export * from './events.ts';
export * from './geofence.ts';
export * from './engine.ts';
