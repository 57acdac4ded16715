import { Controller, Get } from '@nestjs/common';

// A route that fails with a plain Error, the case every app has.
@Controller('consumer-check')
export class BoomController {
  @Get('boom')
  boom(): never {
    throw new Error('consumer-check boom');
  }
}
