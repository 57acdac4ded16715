import { resolveSentryConfig } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { bootWithEnv as boot, resolveFromEnv as fromEnv } from './support/config-app';
import type { TestApp } from './support/create-test-app';

const noEnv = () => undefined;

describe('the personal-data switch: scrubbing.personalData / SENTRY_SCRUB_PERSONAL_DATA', () => {
  it('is on by default, and SENTRY_SCRUB_PERSONAL_DATA=false turns it off', () => {
    expect(fromEnv({}).options.scrubbing?.personalData).toBe(true);
    expect(fromEnv({ SENTRY_SCRUB_PERSONAL_DATA: 'false' }).options.scrubbing?.personalData).toBe(false);
    expect(fromEnv({ SENTRY_SCRUB_PERSONAL_DATA: 'TRUE' }).options.scrubbing?.personalData).toBe(true);
  });

  it('the code\'s scrubbing.personalData wins over the option from the environment, and the other scrubbing options stay', () => {
    const { options } = resolveSentryConfig({ scrubPersonalData: true, scrubbing: { personalData: false, extraKeys: ['tenant_secret'] } }, noEnv);
    expect(options.scrubbing).toEqual({ personalData: false, extraKeys: ['tenant_secret'] });
  });

  it('a bad value names the variable and the value, and keeps the rules on', () => {
    const { options, problems } = fromEnv({ SENTRY_SCRUB_PERSONAL_DATA: 'sometimes' });
    expect(problems).toEqual(['SENTRY_SCRUB_PERSONAL_DATA="sometimes" is invalid: expected true or false - using true instead']);
    expect(options.scrubbing?.personalData).toBe(true);
  });
});

describe('the personal-data switch in a real app', () => {
  const text = (run: string) => `switch ${run}: signup of ada.${run}@example.test from 198.51.100.${run.length} failed, api_key=Zq9Secret${run}7Xk`;
  let ingest: SentryTestIngest;
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
  });
  afterAll(() => ingest.close());

  async function send(env: Record<string, string>, run: string): Promise<string> {
    testApp = await boot({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', ...env });
    await request(testApp.url).post('/probe/message').send({ text: text(run) }).expect(201);
    const event = await ingest.waitForEvent((candidate) => candidate.message?.startsWith(`switch ${run}:`) === true);
    return event.message ?? '';
  }

  it('by default, removes the email and the IP address from what reaches Sentry', async () => {
    expect(await send({}, 'on')).toBe('switch on: signup of [Filtered] from [Filtered] failed, api_key=[Filtered]');
  });

  it('with SENTRY_SCRUB_PERSONAL_DATA=false, sends them and still removes the secret', async () => {
    expect(await send({ SENTRY_SCRUB_PERSONAL_DATA: 'false' }, 'offx')).toBe(
      'switch offx: signup of ada.offx@example.test from 198.51.100.4 failed, api_key=[Filtered]',
    );
  });
});
