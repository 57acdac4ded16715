import type { INestApplication } from '@nestjs/common';

/**
 * The child side of `startChildApp` (child-app.ts): listens on a free loopback port and prints
 * `LISTENING <url>`, the line the parent waits for.
 */
export async function listenForParent(app: INestApplication): Promise<void> {
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1')}\n`);
}
