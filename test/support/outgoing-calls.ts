import { get } from 'node:http';

/** Calls each URL of a comma-separated list with node:http, then with fetch: both clients the SDK traces. */
export async function callWithBothClients(to: string): Promise<void> {
  for (const url of to.split(',')) {
    await new Promise<void>((resolve, reject) => get(url, (res) => res.resume().once('end', resolve)).once('error', reject));
    await (await fetch(url)).text();
  }
}
