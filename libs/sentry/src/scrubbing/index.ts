export { createScrubber } from './create-scrubber';
export type { Scrubber } from './create-scrubber';
export type { ScrubbableSpan } from './span-scrubber';
export { DEFAULT_REPLACEMENT } from './scrubbing-options';
export type { ScrubbingOptions } from './scrubbing-options';
