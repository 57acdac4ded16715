import { createScrubEngine } from './scrub-engine';

const engine = createScrubEngine();
const F = '[Filtered]';

/** Deterministic bodies of a given alphabet, so that every value here is new, not a documented example. */
function body(length: number, alphabet = 'Ab3Cd9EfGh2JkLm7NpQr5StUv8WxYz4aBcDeFgHiJ'): string {
  let text = '';
  for (let index = 0; text.length < length; index++) text += alphabet[(index * 7 + 3) % alphabet.length];
  return text;
}
const hex = (length: number): string => body(length, '0f3a9c7e1b5d2468');

describe('vendor key formats (gitleaks default rules)', () => {
  it.each([
    ['OpenAI project key', `sk-proj-${body(48)}-${body(20)}`],
    ['OpenAI legacy key', `sk-${body(48)}`],
    ['OpenAI service account key', `sk-svcacct-${body(40)}`],
    ['Anthropic key', `sk-ant-api03-${body(60)}`],
    ['Stripe webhook secret', `whsec_${body(32)}`],
    ['Stripe restricted key', `rk_live_${body(30)}`],
    ['GitHub fine-grained token', `github_pat_${body(22)}_${body(59)}`],
    ['GitLab personal token', `glpat-${body(20)}`],
    ['Slack bot token', `xoxb-${hex(12)}-${hex(13)}-${body(24)}`],
    ['Slack app token', `xapp-1-A${hex(10)}-${hex(13)}-${hex(20)}`],
    ['Google API key', `AIza${body(35)}`],
    ['Google OAuth secret', `GOCSPX-${body(28)}`],
    ['SendGrid key', `SG.${body(22)}.${body(43)}`],
    ['Twilio API key SID', `SK${hex(32)}`],
    ['npm token', `npm_${body(36)}`],
    ['Hugging Face token', `hf_${body(34)}`],
    ['Shopify token', `shpat_${hex(32)}`],
    ['DigitalOcean token', `dop_v1_${hex(64)}`],
    ['Vault token', `hvs.${body(90)}`],
    ['Mailchimp key', `${hex(32)}-us14`],
    ['Telegram bot token', `6123456789:AA${body(33)}`],
  ])('filters a %s in text', (_name, key) => {
    expect(engine.scrubString(`deploy failed using ${key} (retrying)`)).toBe(`deploy failed using ${F} (retrying)`);
  });

  it('filters a JWE (five segments, encrypted key possibly empty)', () => {
    const header = Buffer.from('{"alg":"dir","enc":"A128GCM"}').toString('base64url');
    const jwe = `${header}..${body(22)}.${body(60)}.${body(22)}`;
    expect(engine.scrubString(`cookie payload ${jwe} expired`)).toBe(`cookie payload ${F} expired`);
    const withKey = `${header}.${body(40)}.${body(16)}.${body(30)}.${body(22)}`;
    expect(engine.scrubString(withKey)).toBe(F);
  });

  it('filters an AWS secret access key next to its key id, in a string and in an object', () => {
    const id = `AKIA${body(16, 'QWERTYUIOP2345')}`;
    const secret = `${body(20)}/${body(19, 'zYx8Wv7Ut6')}`;
    expect(engine.scrubString(`aws configure set ${id} ${secret}`)).toBe(`aws configure set ${F} ${F}`);
    expect(engine.scrubDeep({ a: id, b: secret, region: 'eu-west-1' })).toEqual({ a: F, b: F, region: 'eu-west-1' });
    expect(engine.scrubDeep([id, secret])).toEqual([F, F]);
  });

  it.each([
    ['a 40-char secret shape without a key id', `value ${body(20)}/${body(19, 'zYx8Wv7Ut6')}`],
    ['a git SHA', `commit ${hex(40)} pushed`],
    ['a UUID', 'request 6f1c2e4a-8b3d-4f5e-9a7b-1c2d3e4f5a6b'],
    ['task and desk words', 'task-scheduler-runner-abcdefghijklmnop and desk-ergonomics'],
    ['an order number', 'order SO-2025-004417 shipped'],
    ['an ISO timestamp', 'at 2025-11-02T17:04:05.999+01:00'],
  ])('keeps %s readable', (_name, text) => {
    expect(engine.scrubString(text)).toBe(text);
  });

  it('keeps a git SHA readable even beside an access key id', () => {
    const sha = hex(40);
    expect(engine.scrubDeep({ id: `AKIA${body(16, 'QWERTYUIOP2345')}`, commit: sha })).toMatchObject({ commit: sha });
  });
});
