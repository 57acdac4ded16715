import type { Event, StackFrame } from '@sentry/core';
import fc from 'fast-check';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import { sensitiveLiteralSpans } from './source-context';

/**
 * Source context lines (issue 17, class 4): literals of a sensitive name that the line-by-line
 * value patterns missed, a fallback after `||` / `??` and a literal a formatter wrapped onto the
 * next line, also across `pre_context` / `context_line` / `post_context`. Literals are drawn from
 * the fixed property seed (see test/support/jest-fixed-property-seed.ts), new ones with FC_SEED.
 */
const literals = fc.sample(fc.stringMatching(/^[A-Za-z0-9]{6,12}$/), 40).map((body, index) => `lit${index}-${body}`);
const F = '[Filtered]';

function scrubFrame(frame: StackFrame): StackFrame {
  const event: Event = { exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames: [frame] } }] } };
  const clean = createScrubber().scrubEvent(event);
  return clean!.exception!.values![0].stacktrace!.frames![0];
}

const linesOf = (frame: StackFrame): string[] => [...(frame.pre_context ?? []), frame.context_line ?? '', ...(frame.post_context ?? [])];

function expectNoLiteral(frame: StackFrame, planted: readonly string[]): void {
  const text = linesOf(frame).join('\n');
  for (const literal of planted) expect({ literal, leaked: text.includes(literal) }).toEqual({ literal, leaked: false });
}

describe('source context: literals of a sensitive name on one line', () => {
  it.each([
    ['a fallback after ||', (v: string) => `const signingSecret = process.env.SIGNING_SECRET || '${v}';`],
    ['a fallback after ??', (v: string) => `const apiKey = process.env.API_KEY ?? "${v}";`],
    ['a fallback after ||=', (v: string) => `this.options.clientSecret ||= \`${v}\`;`],
    ['an object literal entry', (v: string) => `const options = { clientSecret: '${v}', region: 'eu-west-1' };`],
    ['a quoted object key', (v: string) => `const headers = { 'x-api-key': '${v}', accept: 'application/json' };`],
    ['a default in config.get', (v: string) => `const jwt = config.get('JWT_SECRET', '${v}');`],
    ['a comparison', (v: string) => `if (password === '${v}') return true;`],
    ['a ternary', (v: string) => `const token = isProd ? process.env.TOKEN : '${v}';`],
    ['a class field', (v: string) => `  private readonly webhookSecret: string = '${v}';`],
  ])('%s', (_name, line) => {
    literals.slice(0, 4).forEach((literal, index) => {
      const planted = `${literal}${index}`;
      const frame = scrubFrame({ context_line: line(planted), pre_context: ['function boot() {'], post_context: ['}'] });
      expectNoLiteral(frame, [planted]);
      expect(frame.context_line).toContain(F);
      expect(frame.pre_context).toEqual(['function boot() {']);
    });
  });
});

describe('source context: a literal wrapped onto the next line', () => {
  it('across pre_context and context_line', () => {
    const frame = scrubFrame({
      pre_context: ['export function connect(): Client {', '  const webhookSecret ='],
      context_line: `    '${literals[5]}';`,
      post_context: ['  return new Client(webhookSecret);', '}'],
    });
    expectNoLiteral(frame, [literals[5]]);
    expect(frame.context_line).toBe(`    '${F}';`);
    expect(frame.post_context).toEqual(['  return new Client(webhookSecret);', '}']);
  });

  it('across context_line and post_context, and inside post_context', () => {
    const frame = scrubFrame({
      pre_context: ['const settings = {'],
      context_line: '  privateKey:',
      post_context: [`    '${literals[6]}',`, "  name: 'orders',", '};', 'const signingSecret =', `  process.env.SIGNING_SECRET ||`, `  '${literals[7]}';`],
    });
    expectNoLiteral(frame, [literals[6], literals[7]]);
    expect(frame.post_context?.[1]).toBe("  name: 'orders',");
  });

  it('a template literal over several lines, keeping the line count', () => {
    const frame = scrubFrame({
      pre_context: ['const password = `'],
      context_line: `${literals[8]}`,
      post_context: [`${literals[9]}\`;`, 'run();'],
    });
    expectNoLiteral(frame, [literals[8], literals[9]]);
    expect(frame.pre_context).toHaveLength(1);
    expect(frame.post_context).toHaveLength(2);
    expect(frame.post_context?.[1]).toBe('run();');
  });

  it('without a frame-wide window, the line-by-line patterns would miss each of them', () => {
    // Guards the test itself: the planted lines defeat the per-line value patterns.
    const engine = createScrubEngine();
    for (const line of [`    '${literals[10]}',`, `  '${literals[11]}';`]) expect(engine.scrubString(line)).toBe(line);
  });
});

describe('source context: code stays readable', () => {
  const harmless = [
    "import { ConfigService } from '@nestjs/config';",
    "const tokenizer = 'cl100k_base';",
    'const session = openVault(passage);',
    "const author = 'Octavia E. Butler';",
    "// the password is read from 'vault' at boot",
    "const label = 'orders/stripe';",
    "await this.connect('postgres://orders_app@db.internal:5432/orders');",
    'throw new UnauthorizedException(`token expired for ${user.id}`);',
    "logger.log('password reset requested');",
    'const passwordLength = 16;',
  ];

  it('leaves lines without a literal of a sensitive name as they are', () => {
    const frame = scrubFrame({ pre_context: harmless.slice(0, 5), context_line: harmless[5], post_context: harmless.slice(6) });
    expect(linesOf(frame)).toEqual(harmless);
  });

  it('does not follow a call made under a sensitive name (its arguments are inputs to code)', () => {
    const text = "const session = await this.connect('postgres://orders_app@db.internal/orders');";
    expect(sensitiveLiteralSpans(text, createScrubEngine().isSensitiveKey)).toEqual([]);
  });

  // Found by planted-secrets-properties.spec.ts: the window pairs quotes as it meets them, so a
  // stray one (a regex literal, a JSON fragment) shifts every literal after it; masking those
  // pieces must not hide a pair the value patterns would have filtered.
  it('keeps what the value patterns filter on a line where the window pairs quotes wrongly', () => {
    const oneLine = scrubFrame({ context_line: `const secretQuote = /"/; const body = '{"api_key":"${literals[15]}"}';` });
    const inObject = scrubFrame({ pre_context: ['const credentials = {'], context_line: `  quote: /"/, body: '{"password":"${literals[16]}"}',`, post_context: ['};'] });
    expectNoLiteral(oneLine, [literals[15]]);
    expectNoLiteral(inObject, [literals[16]]);
  });

  it('is idempotent and keeps the number of lines', () => {
    const frame: StackFrame = {
      pre_context: ['const apiSecret =', `  '${literals[12]}';`],
      context_line: `const signingSecret = process.env.S || '${literals[13]}';`,
      post_context: [`const clientSecret = '${literals[14]}';`],
    };
    const once = scrubFrame(frame);
    expect(linesOf(once)).toHaveLength(4);
    expect(scrubFrame(structuredClone(once))).toEqual(once);
  });
});
