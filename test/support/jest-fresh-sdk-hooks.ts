/**
 * Runs before every test file (jest `setupFilesAfterEnv`). A jest worker runs files
 * one after another in one process, and the SDK's diagnostics-channel subscribers
 * from finished files would wrap this file's servers too (see scope-stale-hooks.ts).
 * Each file starts with none: one SDK per process, as in production.
 */
import { dropProcessWideSdkHooks } from './scope-stale-hooks';

dropProcessWideSdkHooks();
