import { Controller, Get } from '@nestjs/common';
import { CurrentUser } from './current-user.decorator';
import type { DemoUser } from './demo-user.interface';

/** Who am I: checks a key without touching the database. */
@Controller('me')
export class MeController {
  @Get()
  me(@CurrentUser() user: DemoUser): DemoUser {
    return user;
  }
}
