import 'reflect-metadata';
import { JobPrincipalResolver } from './job-principal.resolver';
import { SentryJobPrincipal } from './sentry-job-principal.decorator';
import type { SentryJobMeta } from './background.types';

const meta: SentryJobMeta = { kind: 'queue', handler: 'Mailer.process', name: 'emails', jobName: 'send' };

function quietLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)) } };
}

describe('JobPrincipalResolver', () => {
  @SentryJobPrincipal(() => ({ tenantId: 'from-class', email: 'class@example.com' }))
  class Mailer {
    @SentryJobPrincipal((job: { userId: string }) => ({ id: job.userId, tenantId: undefined }))
    @SentryJobPrincipal(() => ({ id: 'lower', username: 'lower-name' }))
    process(): void {}
  }

  it('merges option, class, then method decorators (the one written higher last); undefined fields keep earlier values', () => {
    const { logger } = quietLogger();
    const resolver = new JobPrincipalResolver(() => ({ id: 'from-option', tenantId: 'from-option' }), logger);
    expect(resolver.resolve(Mailer, 'process', { userId: 'u1' }, meta)).toEqual({
      user: { id: 'u1', email: 'class@example.com', username: 'lower-name' },
      tenantId: 'from-class',
    });
  });

  it('fail-open: a throwing resolver costs the run its fields, is logged once; values Sentry rejects as tags are dropped', () => {
    const { logger, warnings } = quietLogger();
    class Plain {
      run(): void {}
    }
    const resolver = new JobPrincipalResolver(() => {
      throw new Error('no job data');
    }, logger);
    expect(resolver.resolve(Plain, 'run', undefined, meta)).toEqual({ user: undefined, tenantId: undefined });
    resolver.resolve(Plain, 'run', undefined, meta);
    expect(warnings).toEqual([expect.stringContaining('Mailer.process threw (no job data)')]);
    const badTenant = new JobPrincipalResolver(() => ({ tenantId: 'line\nbreak' }), logger);
    expect(badTenant.resolve(Plain, 'run', undefined, meta).tenantId).toBeUndefined();
  });
});
