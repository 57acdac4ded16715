/**
 * Pathological payloads, built inside the app (as an app's own objects would be). Every secret
 * carries the `S3CR3T` tag, and sits where the rules must catch it (a sensitive key, a
 * `token=` / `Authorization: Bearer` pair); card numbers are checked apart (CARD_NUMBER).
 */
export const CARD_NUMBER = '4111 1111 1111 1111';

/** A text with three kinds of secret in it. */
const secretText = (kind: string) =>
  `token=S3CR3T-${kind}-token card ${CARD_NUMBER} Authorization: Bearer S3CR3T${kind.replace(/\W/g, '')}bearer0123456789`;

export const FIFTY_MEGABYTES = 50 * 1024 * 1024;

/** What the controller reports: the error message, and the data for extra, context and breadcrumb. */
export interface Payload {
  message: string;
  data: Record<string, unknown>;
}

function withCycles(): Payload {
  const root: Record<string, unknown> = { password: 'S3CR3T-cycle-pw', note: secretText('cycle') };
  const list: unknown[] = [root];
  list.push(list);
  root.self = root;
  root.list = list;
  root.nested = { parent: root, again: { root } };
  return { message: `cycles ${secretText('cycle-message')}`, data: root };
}

/** 50 MB of text with secrets at the front (scrubbed) and at the end (cut off, never scanned). */
function hugeString(): Payload {
  const blob = secretText('huge-front') + 'x'.repeat(FIFTY_MEGABYTES) + secretText('huge-tail');
  return { message: blob, data: { blob, password: 'S3CR3T-huge-pw' } };
}

/** 10 000 levels: secrets near the top (must be scrubbed) and at the bottom (must not appear). */
function deepNesting(): Payload {
  let value: Record<string, unknown> = { password: 'S3CR3T-deep-bottom', note: secretText('deep-bottom') };
  for (let level = 0; level < 10_000; level++) value = { child: value, ...(level === 9_995 ? { note: secretText('deep-top') } : {}) };
  return { message: 'deep nesting', data: value };
}

/** A million-item array, a sparse array of the maximum length, a 100 000-key object. */
function hugeArrays(): Payload {
  const items = Array.from({ length: 1_000_000 }, (_, index) => (index % 100 === 0 ? secretText(`item${index}`) : `v${index}`));
  const sparse: unknown[] = [];
  sparse.length = 2 ** 32 - 1;
  sparse[3] = secretText('sparse');
  const keys: Record<string, string> = {};
  for (let index = 0; index < 100_000; index++) keys[`password_${index}`] = `S3CR3T-key-${index}`;
  return { message: 'huge arrays', data: { items, sparse, keys } };
}

/** Getters that throw, Proxies (revoked, and trapping every read), BigInt, Symbols, functions. */
function hostileValues(): Payload {
  const data: Record<string | symbol, unknown> = {
    password: 'S3CR3T-hostile-pw',
    note: secretText('hostile'),
    card: BigInt(CARD_NUMBER.replace(/ /g, '')),
    symbol: Symbol(secretText('symbol')),
    [Symbol('password')]: 'S3CR3T-symbol-key',
    callback: function tokenHolder() {
      return 'S3CR3T-in-function-body';
    },
    trapping: new Proxy({ password: 'S3CR3T-proxy' }, {
      ownKeys: () => {
        throw new Error('trap: no keys for you');
      },
    }),
  };
  const revoked = Proxy.revocable({ password: 'S3CR3T-revoked' }, {});
  revoked.revoke();
  data.revoked = revoked.proxy;
  Object.defineProperty(data, 'throwing', {
    enumerable: true,
    configurable: true,
    get: () => {
      throw new Error('getter says no');
    },
  });
  return { message: `hostile ${secretText('hostile-message')}`, data: data as Record<string, unknown> };
}

export const PATHOLOGICAL_PAYLOADS = {
  cycles: withCycles,
  'huge-string': hugeString,
  'deep-nesting': deepNesting,
  'huge-arrays': hugeArrays,
  'hostile-values': hostileValues,
} as const;

export type PathologicalKind = keyof typeof PATHOLOGICAL_PAYLOADS;

/** A JSON request body nested 10 000 deep, a secret at the top and at the bottom (60 KB). */
export function deepJsonBody(): string {
  return `{"password":"S3CR3T-body-top","a":`.concat('{"a":'.repeat(10_000), '{"password":"S3CR3T-body-bottom"}', '}'.repeat(10_001));
}
