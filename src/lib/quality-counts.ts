/** The supervisor layout's dependency for the overdue-cases badge, re-read every minute. */
export const QUALITY_COUNTS = 'app:quality-counts';
export const QUALITY_COUNTS_EVERY_MS = 60_000;
