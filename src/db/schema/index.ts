export * from './identity.js';
export * from './meetings.js';
