/**
 * Micro-benchmark of the scrubbing engine on a realistic ~35 KB error event (10 KB JSON body,
 * 100 breadcrumbs, 20 frames with context lines and variables, headers, cookies), beside
 * `JSON.stringify` of the same event (a floor every SDK pays anyway); then how its run time
 * grows on adversarial inputs (`scrubber-scaling.ts`).
 *
 * Run: npx ts-node --transpile-only bench/scrubber.bench.ts
 */
import type { Breadcrumb, Event, StackFrame } from '@sentry/core';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createScrubber } from '../libs/sentry/src/scrubbing';
import { printScaling, runAdversarialScaling, type ScalingRow } from './scrubber-scaling';

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface ScrubberBenchResult {
  iterations: number;
  eventBytes: number;
  /** Wall-clock milliseconds per event for `scrubEvent`. */
  scrubber: LatencyFigures;
  /** Wall-clock milliseconds per event for `JSON.stringify` of the same event. */
  jsonStringify: LatencyFigures;
  /**
   * Process CPU milliseconds per event (1 µs resolution) for `scrubEvent`: on a shared machine,
   * wall-clock tails include time the process was descheduled; CPU time does not.
   */
  scrubberCpu: LatencyFigures;
  /** Internal failures counted by the scrubber (must be 0). */
  failures: number;
  /** 1-minute load average during the run, to judge how noisy the wall-clock tails are. */
  loadAverage: number;
  /** Run time at n, 2n and 4n characters of adversarial inputs, with the ratios (reported only). */
  adversarialScaling: ScalingRow[];
}

export interface ScrubberBenchOptions {
  iterations?: number;
  warmup?: number;
}

const SOURCE_LINES = [
  "import { Injectable, NotFoundException } from '@nestjs/common';",
  'export class OrdersService {',
  '  constructor(private readonly repo: OrdersRepository, private readonly http: HttpService) {}',
  '  async findOne(id: string): Promise<Order> {',
  '    const order = await this.repo.findOne({ where: { id, tenantId: this.tenant.id } });',
  '    if (!order) throw new NotFoundException(`Order ${id} not found`);',
  "    const headers = { 'content-type': 'application/json', accept: 'application/json' };",
  '    const response = await this.http.post(`${this.baseUrl}/charges`, payload, { headers });',
  '    this.logger.debug(`charged order ${order.id} in ${Date.now() - started} ms`);',
  "    const password = 'hunter2'; // a secret someone left in the code",
  '    return { ...order, total: order.items.reduce((sum, item) => sum + item.price, 0) };',
  '  }',
];

function frame(index: number): StackFrame {
  const line = (offset: number): string => SOURCE_LINES[(index + offset) % SOURCE_LINES.length];
  const inApp = index >= 14;
  return {
    filename: `/app/dist/orders/orders-${index}.service.js`,
    function: `OrdersService.method${index}`,
    lineno: 40 + index,
    colno: 17,
    in_app: inApp,
    pre_context: [line(0), line(1)],
    context_line: line(2),
    post_context: [line(3), line(4)],
    // Local variables are captured for in-app frames only.
    vars: inApp
      ? { id: `ord_${index}8f2c1a`, attempt: index, accessToken: 'tok_0a1b2c3d4e5f', payload: { amount: 1999 } }
      : undefined,
  };
}

function breadcrumb(index: number): Breadcrumb {
  const timestamp = 1_700_000_000 + index;
  switch (index % 4) {
    case 0:
      return {
        type: 'http',
        category: 'http',
        timestamp,
        data: { url: `https://api.partner.io/o/${index}`, 'http.method': 'GET', 'http.query': `token=q${index}x`, status_code: 200 },
      };
    case 1:
      return { category: 'console', level: 'info', timestamp, message: `batch ${index} done` };
    case 2:
      return {
        category: 'query',
        timestamp,
        message: `SELECT id FROM orders WHERE id = '${index}'`,
      };
    default:
      return { category: 'navigation', timestamp, data: { from: `/orders/${index - 1}`, to: `/orders/${index}` } };
  }
}

/** A valid JSON body just under the SDK's 10 KB capture limit, with a few secrets in it. */
function requestBody(): string {
  const body = {
    customer: { id: 'cus_123', email: 'jane@example.com', password: 'correct horse battery staple' },
    payment: { cardNumber: '4111111111111111', cvv: '123', holder: 'Jane Doe' },
    shipping: { street: '1 Main St', city: 'Springfield', note: 'call me, token=abc123secret' },
    items: [] as Array<Record<string, unknown>>,
  };
  for (let index = 0; JSON.stringify(body).length < 10_000; index++) {
    body.items.push({
      sku: `SKU-${1000 + index}`,
      name: `Item number ${index} with a readable description`,
      quantity: (index % 5) + 1,
      unitPrice: 1999 + index,
    });
  }
  return JSON.stringify(body);
}

/** A ~35 KB error event as the Node SDK would hand it to `beforeSend`. */
export function buildRealisticEvent(): Event {
  return {
    event_id: '0123456789abcdef0123456789abcdef',
    level: 'error',
    platform: 'node',
    timestamp: 1_700_000_100,
    message: 'Payment failed for order 42: upstream said "invalid api_key=sk_live_0000000000abcdefghij"',
    exception: {
      values: [
        {
          type: 'HttpException',
          value: 'Request failed: POST https://admin:s3cr3t@payments.internal/v1/charges?token=abc',
          mechanism: { type: 'generic', handled: false },
          stacktrace: { frames: Array.from({ length: 20 }, (_, index) => frame(index)) },
        },
      ],
    },
    request: {
      method: 'POST',
      url: 'https://shop.example.com/api/orders?session_id=abc123&page=2',
      query_string: 'session_id=abc123&page=2',
      headers: {
        host: 'shop.example.com',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36',
        accept: 'application/json',
        'accept-language': 'en-US,en;q=0.9',
        'content-type': 'application/json',
        'content-length': '10240',
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl',
        cookie: 'theme=dark; connect.sid=s%3Aabc.def; _ga=GA1.2.123.456; XSRF-TOKEN=xyz',
        'x-api-key': 'k_9f8e7d6c5b4a',
        'x-request-id': '550e8400-e29b-41d4-a716-446655440000',
        referer: 'https://shop.example.com/checkout?step=2&coupon=SPRING',
        'x-forwarded-for': '203.0.113.7',
      },
      cookies: { theme: 'dark', 'connect.sid': 's%3Aabc.def', _ga: 'GA1.2.123.456', 'XSRF-TOKEN': 'xyz' },
      data: requestBody(),
    },
    breadcrumbs: Array.from({ length: 100 }, (_, index) => breadcrumb(index)),
    contexts: {
      trace: { trace_id: '0123456789abcdef0123456789abcdef', span_id: '0123456789abcdef', op: 'http.server' },
      os: { name: 'Linux', version: '6.5.0', kernel_version: '6.5.0-1-amd64' },
      runtime: { name: 'node', version: 'v20.20.2' },
      app: { app_start_time: '2024-01-15T10:30:00.000Z', app_memory: 123456789 },
      culture: { locale: 'en-US', timezone: 'Europe/Paris' },
      tenant: { id: 'acme', plan: 'enterprise', apiSecret: 'shh' },
    },
    tags: { tenant: 'acme', route: '/api/orders', 'http.status_code': '502' },
    extra: { attempt: 3, upstream: { status: 502, body: '{"error":"bad gateway","password":"oops"}' } },
    user: { id: 'u_42', username: 'jane', ip_address: '203.0.113.7' },
  };
}

function figures(samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

/** Times `scrubEvent` and `JSON.stringify` on fresh copies of the event; copies are not timed. */
export async function runScrubberBench(options: ScrubberBenchOptions = {}): Promise<ScrubberBenchResult> {
  const iterations = options.iterations ?? 2000;
  const warmup = options.warmup ?? 300;
  const scrubber = createScrubber();
  const template = buildRealisticEvent();
  const scrubSamples: number[] = [];
  const scrubCpuSamples: number[] = [];
  const stringifySamples: number[] = [];
  for (let round = 0; round < warmup + iterations; round++) {
    const forStringify = structuredClone(template);
    let start = performance.now();
    JSON.stringify(forStringify);
    const stringifyTime = performance.now() - start;
    const forScrub = structuredClone(template);
    const cpuStart = process.cpuUsage();
    start = performance.now();
    scrubber.scrubEvent(forScrub);
    const scrubTime = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (round >= warmup) {
      stringifySamples.push(stringifyTime);
      scrubSamples.push(scrubTime);
      scrubCpuSamples.push((cpu.user + cpu.system) / 1000);
    }
    // Yield now and then so that a caller's timers are not starved.
    if (round % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    iterations,
    eventBytes: Buffer.byteLength(JSON.stringify(template)),
    scrubber: figures(scrubSamples),
    jsonStringify: figures(stringifySamples),
    scrubberCpu: figures(scrubCpuSamples),
    failures: scrubber.failures,
    loadAverage: loadavg()[0],
    adversarialScaling: runAdversarialScaling(),
  };
}

function printTable(result: ScrubberBenchResult): void {
  const row = (name: string, { p50, p95, p99, mean }: LatencyFigures): string =>
    `${name.padEnd(18)}${[p50, p95, p99, mean].map((value) => value.toFixed(3).padStart(9)).join('')}`;
  console.log(`event: ${(result.eventBytes / 1024).toFixed(1)} KB, ${result.iterations} iterations (ms)`);
  console.log(`${''.padEnd(18)}${['p50', 'p95', 'p99', 'mean'].map((label) => label.padStart(9)).join('')}`);
  console.log(row('scrubEvent', result.scrubber));
  console.log(row('JSON.stringify', result.jsonStringify));
  console.log(row('scrubEvent (cpu)', result.scrubberCpu));
  console.log(`scrubber failures: ${result.failures}, load average: ${result.loadAverage.toFixed(2)}`);
  console.log('');
  printScaling(result.adversarialScaling);
}

if (require.main === module) {
  runScrubberBench().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
