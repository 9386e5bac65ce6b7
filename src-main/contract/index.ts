export * from './roles';
export * from './errors';
export * from './schemas';
export * from './procedures';
export * from './events';
export * from './enrollment';
export * from './supervision';
export * from './review-workspace';
