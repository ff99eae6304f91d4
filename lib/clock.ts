import { settings } from './settings.js';

/**
 * The one clock. BUILD_TIME pins it (test builds do, so every expectation holds on any date);
 * otherwise it is the real time.
 */
export function now(): Date {
  return settings.BUILD_TIME ? new Date(settings.BUILD_TIME) : new Date();
}
