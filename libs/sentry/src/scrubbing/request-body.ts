import { isMultipartBody, scrubMultipartBody } from './multipart-body';
import { ScrubEngine } from './scrub-engine';
import { MAX_SCANNED_STRING_LENGTH } from './scrubbing.constants';

/**
 * `name=value` pairs joined by `&`, with no raw whitespace and no `=` inside values, so that a
 * base64 text body (`abc==`) is not mistaken for a form and mangled by re-encoding.
 */
const FORM_ENCODED = /^[\w.~%*+[\]-]+=[^=&\s]*(?:&[\w.~%*+[\]-]+=[^=&\s]*)*&?$/;
const STARTS_AS_JSON = /^\s*[[{]/;
const ENCODED_SPACE = /%20/g;
const NEEDS_FORM_ESCAPING = /[\s&=+%#]/;

/**
 * Encodes a form component. The replacement text is kept literal when it needs no escaping
 * (the default `[Filtered]` is parsed back as itself), so a filtered body stays readable.
 */
function encodeFormComponent(text: string, replacement: string): string {
  if (text === replacement && !NEEDS_FORM_ESCAPING.test(replacement)) return text;
  return encodeURIComponent(text).replace(ENCODED_SPACE, '+');
}

function scrubFormBody(body: string, engine: ScrubEngine): string {
  const pairs: string[] = [];
  for (const [name, value] of new URLSearchParams(body)) {
    const scrubbed = engine.isSensitiveKey(name) && value !== '' ? engine.replacement : engine.scrubString(value);
    pairs.push(`${encodeFormComponent(name, engine.replacement)}=${encodeFormComponent(scrubbed, engine.replacement)}`);
  }
  return pairs.join('&');
}

function tryParseJson(body: string): { parsed: unknown } | null {
  try {
    return { parsed: JSON.parse(body) };
  } catch {
    return null;
  }
}

/**
 * `request.data`. A JSON body is parsed, scrubbed by key and re-serialized (compact); a form body
 * is parsed, scrubbed by key and re-encoded; a multipart body is scrubbed part by part. A body that does not parse (the SDK truncates at
 * ~10 KB and appends `...`) or is too big to parse within budget falls back to the value
 * patterns, whose `"key": "value"` rule still catches sensitive pairs in truncated JSON.
 * Objects (set by the app or another integration) are walked.
 */
export function scrubRequestBody(data: unknown, engine: ScrubEngine): unknown {
  if (typeof data !== 'string') return engine.scrubDeep(data);
  if (data.length > MAX_SCANNED_STRING_LENGTH) return engine.scrubString(data);
  if (STARTS_AS_JSON.test(data)) {
    const json = tryParseJson(data);
    return json === null ? engine.scrubString(data) : JSON.stringify(engine.scrubDeep(json.parsed));
  }
  if (isMultipartBody(data)) return scrubMultipartBody(data, engine);
  return FORM_ENCODED.test(data) ? scrubFormBody(data, engine) : engine.scrubString(data);
}
