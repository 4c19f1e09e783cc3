/**
 * `npm run simulate`: see simulate/run.ts. The console's own log stays quiet unless LOG_LEVEL
 * asks otherwise (it is read when the server modules load, so it is set before they do).
 */
process.env.LOG_LEVEL ??= 'silent';
await import('./simulate/run');
export {};
