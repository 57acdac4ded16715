// Outgoing calls continue the request's trace on this Node: node:http and fetch each carry
// `sentry-trace` and `baggage` naming the request's trace, and the transaction has an
// `http.client` span per call (the app runs with SENTRY_TRACES_SAMPLE_RATE=1).
import { createServer } from 'node:http';

export async function expectOutgoingTrace(ingest, baseUrl, label) {
  const received = [];
  const upstream = createServer((req, res) => {
    received.push(req.headers);
    res.end('ok');
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  try {
    const to = `http://127.0.0.1:${upstream.address().port}/${label}`;
    const response = await fetch(`${baseUrl}/consumer-check/outgoing?to=${encodeURIComponent(to)}`);
    if (response.status !== 200) throw new Error(`GET /consumer-check/outgoing answered ${response.status}`);
    const transaction = await ingest.waitForTransaction(
      (t) => t.transaction === 'GET /consumer-check/outgoing' && (t.spans ?? []).some((span) => String(span.description).endsWith(`/${label}`)),
      { timeoutMs: 15_000 },
    );
    const traceId = transaction.contexts?.trace?.trace_id;
    const clientSpans = (transaction.spans ?? []).filter((span) => span.op === 'http.client' && String(span.description).endsWith(`/${label}`));
    if (clientSpans.length !== 2) throw new Error(`transaction has ${clientSpans.length} http.client spans for the 2 calls`);
    if (received.length !== 2) throw new Error(`upstream got ${received.length} calls, expected 2`);
    for (const [index, headers] of received.entries()) {
      const via = index === 0 ? 'node:http' : 'fetch';
      if (!String(headers['sentry-trace'] ?? '').startsWith(`${traceId}-`)) throw new Error(`${via} call has sentry-trace "${headers['sentry-trace']}", expected trace ${traceId}`);
      if (!String(headers.baggage ?? '').includes(`sentry-trace_id=${traceId}`)) throw new Error(`${via} call has no baggage for trace ${traceId}`);
    }
  } finally {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  }
}
