import { Controller, Get, Param } from '@nestjs/common';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';

// Simulates a platform where the native profiler cannot load (wrong ABI, missing binary).
jest.mock('@sentry/profiling-node', () => {
  throw new Error('simulated: no prebuilt binary for this Node ABI');
});

@Controller('orders')
class OrdersController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('tracing with late init (no preload), profiler unavailable', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 1, profilesSampleRate: 1, release: 'late@1' })],
      controllers: [OrdersController],
    });
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('warns once that the profiler is unavailable, and carries on', () => {
    const warnings = testApp.logger.sentryLines('warn');
    expect(warnings.filter((line) => line.startsWith('Sentry profiling is unavailable'))).toHaveLength(1);
    expect(warnings.find((line) => line.startsWith('Sentry profiling is unavailable'))).toContain('simulated: no prebuilt binary');
  });

  it('says once, clearly, what late init costs', () => {
    const lines = testApp.logger.sentryLines('warn').filter((line) => line.startsWith('Sentry was initialised late'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--import');
  });

  it('sends a transaction per sampled request, named by route pattern, with release and environment', async () => {
    await request(testApp.url).get('/orders/42').expect(200).expect({ id: '42' });
    const transaction = await ingest.waitForTransaction((t) => t.contexts?.trace?.data?.['http.target'] === '/orders/42' || t.transaction?.includes('/orders/') === true);
    expect(transaction.transaction).toBe('GET /orders/:id');
    expect(transaction.release).toBe('late@1');
    expect(transaction.environment).toBe('development');
  });
});
