import { readSentryEnvironment, resolveSentryConfig } from '../../config/resolve-sentry-config';

function resolveEnv(env: Record<string, string>) {
  const get = (name: string): string | undefined => env[name];
  return resolveSentryConfig(readSentryEnvironment(get), get);
}

describe('offline queue configuration', () => {
  it('is off by default, with bounded defaults ready for when it is on', () => {
    const { options, problems } = resolveEnv({});
    expect(problems).toEqual([]);
    expect(options.offlineDir).toBeUndefined();
    expect(options).toMatchObject({ offlineMaxEvents: 1000, offlineMaxAgeHours: 24, offlineMaxMegabytes: 50 });
  });

  it('takes an empty SENTRY_OFFLINE_DIR (as in .env.example) as off, silently', () => {
    const { options, problems } = resolveEnv({ SENTRY_OFFLINE_DIR: '' });
    expect(problems).toEqual([]);
    expect(options.offlineDir).toBe('');
  });

  it('reads every SENTRY_OFFLINE_* variable', () => {
    const { options, problems } = resolveEnv({
      SENTRY_OFFLINE_DIR: '/var/lib/app/sentry',
      SENTRY_OFFLINE_MAX_EVENTS: '250',
      SENTRY_OFFLINE_MAX_AGE_HOURS: '1.5',
      SENTRY_OFFLINE_MAX_MB: '8',
    });
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ offlineDir: '/var/lib/app/sentry', offlineMaxEvents: 250, offlineMaxAgeHours: 1.5, offlineMaxMegabytes: 8 });
  });

  it.each([
    ['SENTRY_OFFLINE_DIR', '   ', 'expected a directory path (empty for off) - offline queue off'],
    ['SENTRY_OFFLINE_MAX_EVENTS', '0', 'expected a whole number from 1 to 100000 - using 1000 instead'],
    ['SENTRY_OFFLINE_MAX_EVENTS', '2.5', 'expected a whole number from 1 to 100000 - using 1000 instead'],
    ['SENTRY_OFFLINE_MAX_AGE_HOURS', 'abc', 'expected a number of hours above 0, up to 720 - using 24 instead'],
    ['SENTRY_OFFLINE_MAX_AGE_HOURS', '0', 'expected a number of hours above 0, up to 720 - using 24 instead'],
    ['SENTRY_OFFLINE_MAX_MB', '-1', 'expected a number of megabytes above 0, up to 10240 - using 50 instead'],
    ['SENTRY_OFFLINE_MAX_MB', '99999', 'expected a number of megabytes above 0, up to 10240 - using 50 instead'],
  ])('names %s=%j and falls back', (variable, value, said) => {
    const { problems } = resolveEnv({ [variable]: value });
    expect(problems).toEqual([`${variable}=${JSON.stringify(value)} is invalid: ${said}`]);
  });
});
