export * from './connection.ts';
export * as schema from './schema.ts';
export * from './migration-status.ts';
export * from './checkpointer.ts';
export * from './trace.ts';
