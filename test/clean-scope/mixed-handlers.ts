import { Body, Controller, HttpCode, Injectable, Module, Post, UseGuards, type DynamicModule } from '@nestjs/common';
import { BullModule, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnEvent } from '@nestjs/event-emitter';
import { Cron, Interval } from '@nestjs/schedule';
import { MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import { SentryJobPrincipal } from '@app/sentry';
import type { Job } from 'bullmq';
import type { Socket as ServerSocket } from 'socket.io';
import { ScopeTestAuthGuard } from '../support/scope-auth.guard';
import type { MixedUnit } from './mixed-plan';
import { MIXED_BACKENDS, MIXED_EVENT, MixedUnitWork, type MixedBackends } from './mixed-unit-work';

export const MIXED_QUEUE = 'mixed-units';
export const MIXED_TICK = 'mixed.tick';
export const MIXED_CRON = 'mixed.cron';
/** Scheduler runs get no payload: each run takes the next unit from its queue (an empty tick does nothing). */
export const tickQueue: MixedUnit[] = [];
export const cronQueue: MixedUnit[] = [];

/** What a socket.io client sends in its handshake: the units its connection and disconnection are. */
export interface MixedSocketAuth {
  connect: MixedUnit;
  disconnect: MixedUnit;
}

export interface MixedJob {
  unit: MixedUnit;
  failed?: MixedUnit;
}

/** The user comes from `request.user`, put there by the auth guard (the module's default resolver). */
@Controller('mixed')
@UseGuards(ScopeTestAuthGuard)
class MixedHttpController {
  constructor(private readonly work: MixedUnitWork) {}

  @Post('http')
  @HttpCode(200)
  async unit(@Body() unit: MixedUnit): Promise<string> {
    await this.work.run(unit);
    return 'ok';
  }
}

/** Messages' users come from the `resolveUser` option (the payload); connection hooks state theirs. */
@WebSocketGateway()
class MixedGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(private readonly work: MixedUnitWork) {}

  handleConnection(client: ServerSocket): void {
    const { connect } = client.handshake.auth as MixedSocketAuth;
    this.work.stateUser(connect);
    this.work.runSync(connect);
  }

  handleDisconnect(client: ServerSocket): void {
    const { disconnect } = client.handshake.auth as MixedSocketAuth;
    this.work.stateUser(disconnect);
    this.work.runSync(disconnect);
  }

  @SubscribeMessage('mixed.unit')
  async message(@MessageBody() unit: MixedUnit): Promise<string> {
    await this.work.run(unit);
    return 'ok';
  }
}

/** Scheduler runs state their user themselves; the cron never fires by the clock, the test fires it. */
@Injectable()
class MixedSchedule {
  constructor(private readonly work: MixedUnitWork) {}

  @Interval(MIXED_TICK, 2)
  async tick(): Promise<void> {
    await this.runNext(tickQueue);
  }

  @Cron('0 0 1 1 *', { name: MIXED_CRON, disabled: true })
  async cron(): Promise<void> {
    await this.runNext(cronQueue);
  }

  private async runNext(queue: MixedUnit[]): Promise<void> {
    const unit = queue.shift();
    if (!unit) return;
    this.work.stateUser(unit);
    await this.work.run(unit);
  }
}

/** The user and tenant come from the `resolveJobPrincipal` option (the payload). */
@Injectable()
class MixedListener {
  constructor(private readonly work: MixedUnitWork) {}

  @OnEvent(MIXED_EVENT)
  async unit(unit: MixedUnit): Promise<void> {
    await this.work.run(unit);
  }
}

/** Tenant from the class-level decorator (process and worker events), user from each method's. */
@SentryJobPrincipal((job: Job<MixedJob>) => ({ tenantId: job.data.unit.tenant }))
@Processor(MIXED_QUEUE, { concurrency: 8 })
class MixedProcessor extends WorkerHost {
  constructor(private readonly work: MixedUnitWork) {
    super();
  }

  @SentryJobPrincipal((job: Job<MixedJob>) => ({ id: job.data.unit.user }))
  async process(job: Job<MixedJob>): Promise<void> {
    await this.work.run(job.data.unit);
  }

  @SentryJobPrincipal((job: Job<MixedJob>) => ({ id: job.data.failed?.user }))
  @OnWorkerEvent('failed')
  onFailed(job: Job<MixedJob>): void {
    if (job.data.failed) this.work.runSync(job.data.failed);
  }
}

/** Every handler of the mixed test, on the given Postgres pool and Redis client. */
@Module({})
export class MixedUnitsModule {
  static on(backends: MixedBackends): DynamicModule {
    return {
      module: MixedUnitsModule,
      imports: [BullModule.registerQueue({ name: MIXED_QUEUE })],
      controllers: [MixedHttpController],
      providers: [{ provide: MIXED_BACKENDS, useValue: backends }, MixedUnitWork, MixedGateway, MixedSchedule, MixedListener, MixedProcessor],
    };
  }
}
