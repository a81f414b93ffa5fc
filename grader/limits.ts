/** Limits that both the web app (before queueing) and the grader (before transpiling) enforce. */

/** Largest accepted student file, in bytes of UTF-8. */
export const MAX_CODE_BYTES = 100 * 1024;
