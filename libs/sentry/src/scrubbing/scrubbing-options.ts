/** Scrubbing rules added to the built-in ones (stub until issue 5 lands). */
export interface ScrubbingOptions {
  extraKeys?: Array<string | RegExp>;
  extraPatterns?: RegExp[];
  allowKeys?: string[];
  replacement?: string;
}
