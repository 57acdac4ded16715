import {
  Body,
  Catch,
  Controller,
  ForbiddenException,
  Injectable,
  Module,
  Post,
  UseFilters,
  UseGuards,
  type ArgumentsHost,
  type CanActivate,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { getRequestIsolationScope, SentryService, SentryTag } from '@app/sentry';
import { captureException, captureMessage, getIsolationScope, withIsolationScope, type Scope } from '@sentry/core';
import { ScopeTestAuthGuard } from './scope-auth.guard';

/** The scope each handler ran in, and what the filter found for it, by marker. */
export const handlerScopes = new Map<string, Scope>();
export const filterLookups = new Map<string, Scope | undefined>();

/** Captures twice: through the registry, and (as a control) in whatever context the filter runs. */
@Catch()
class ContractFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const marker = exception instanceof Error ? exception.message : 'unknown';
    const scope = getRequestIsolationScope(host);
    filterLookups.set(marker, scope);
    withIsolationScope(scope, () => captureException(exception));
    captureMessage(`control:${marker}`);
    super.catch(exception, host);
  }
}

@Injectable()
class DenyGuard implements CanActivate {
  canActivate(): boolean {
    throw new ForbiddenException('denied-by-guard');
  }
}

@Controller('contract')
@SentryTag('suite', 'contract')
@UseGuards(ScopeTestAuthGuard)
@UseFilters(ContractFilter)
class ContractController {
  constructor(private readonly sentry: SentryService) {}

  @Post('fail')
  async fail(@Body() body: { marker: string }): Promise<never> {
    handlerScopes.set(body.marker, getIsolationScope());
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.sentry.addBreadcrumb(`crumb:${body.marker}`, 'contract');
    throw new Error(body.marker);
  }

  @Post('denied')
  @UseGuards(DenyGuard)
  denied(): void {}
}

@Module({ controllers: [ContractController] })
export class ContractModule {}

export const CONTRACT_USER = { id: 'u-contract', tenantId: 't-contract', email: 'c@t.example' };
