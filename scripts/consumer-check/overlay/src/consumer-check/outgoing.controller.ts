import { Controller, Get, Query } from '@nestjs/common';
import { get } from 'node:http';

// Calls `to` with node:http, then with fetch: the check reads the trace headers that arrive.
@Controller('consumer-check')
export class OutgoingController {
  @Get('outgoing')
  async outgoing(@Query('to') to: string): Promise<string> {
    await new Promise<void>((resolve, reject) => get(to, (res) => res.resume().once('end', () => resolve())).once('error', reject));
    await (await fetch(to)).text();
    return 'called';
  }
}
