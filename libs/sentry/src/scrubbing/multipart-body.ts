import { ScrubEngine } from './scrub-engine';

/** The first line of a multipart body is its delimiter: `--` and the boundary (RFC 2046 §5.1.1). */
const FIRST_DELIMITER = /^--([\x21-\x7e]{1,70})\r?\n/;
const HEADER_END = /\r?\n\r?\n/;
/** `name="…"` of a part, not `filename="…"`. */
const PART_NAME = /;\s*name="([^"]{0,256})"/i;
const TRAILING_NEWLINE = /\r?\n$/;

/** True when a body reads as `multipart/form-data` (the SDK gives the raw text, not the type). */
export function isMultipartBody(body: string): boolean {
  return body.startsWith('--') && FIRST_DELIMITER.test(body);
}

/**
 * One part: a field named like a secret (`password`, `api_key`) loses its value; any other
 * field, and uploaded text files, go through the value patterns. The headers are kept, so the
 * field names stay readable. A part the SDK cut at its body limit is handled the same way.
 */
function scrubPart(part: string, engine: ScrubEngine): string {
  const headerEnd = HEADER_END.exec(part);
  if (headerEnd === null) return engine.scrubString(part);
  const contentStart = headerEnd.index + headerEnd[0].length;
  const headers = part.slice(0, contentStart);
  const content = part.slice(contentStart);
  const name = PART_NAME.exec(headers)?.[1];
  if (name !== undefined && engine.isSensitiveKey(name)) {
    const newline = TRAILING_NEWLINE.exec(content)?.[0] ?? '';
    const value = content.slice(0, content.length - newline.length);
    return value === '' ? part : `${headers}${engine.replacement}${newline}`;
  }
  return `${headers}${engine.scrubString(content)}`;
}

/**
 * A `multipart/form-data` body, part by part, as text again. Split on the delimiter from the
 * first line, so the cost is one pass; the closing `--` and any epilogue stay as they were.
 */
export function scrubMultipartBody(body: string, engine: ScrubEngine): string {
  const boundary = FIRST_DELIMITER.exec(body)?.[1];
  if (boundary === undefined) return engine.scrubString(body);
  const delimiter = `--${boundary}`;
  return body
    .split(delimiter)
    .map((part, index) => (index === 0 || part.startsWith('--') ? part : scrubPart(part, engine)))
    .join(delimiter);
}
