import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SentryService } from '@app/sentry';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { gate } from '../background/gate';
import { RENDEZVOUS_KINDS, unitQueryOf, type MixedKind, type MixedUnit } from './mixed-plan';

/** The real Postgres pool and Redis client the units await. */
export const MIXED_BACKENDS = Symbol('MIXED_BACKENDS');
export interface MixedBackends {
  pool: Pool;
  redis: Redis;
}

/** The event every @OnEvent unit is emitted as. */
export const MIXED_EVENT = 'mixed.unit';

/** The most kinds of unit that ran at once: proves the kinds really overlapped. */
export const kindsInFlight = {
  running: new Map<MixedKind, number>(),
  max: 0,
  enter(kind: MixedKind): void {
    this.running.set(kind, (this.running.get(kind) ?? 0) + 1);
    this.max = Math.max(this.max, [...this.running.values()].filter((count) => count > 0).length);
  },
  leave(kind: MixedKind): void {
    this.running.set(kind, (this.running.get(kind) ?? 1) - 1);
  },
};

// Without timers: the first unit of each of these kinds waits here until all of them run.
const rendezvous = gate(RENDEZVOUS_KINDS.length);

/**
 * What every handler of the mixed test does with its unit: breadcrumbs naming the unit, a
 * query naming it, hops through setImmediate, Postgres and Redis so units interleave, maybe
 * an event emitted from inside, then one event: an error thrown or a message captured.
 */
@Injectable()
export class MixedUnitWork {
  constructor(
    private readonly sentry: SentryService,
    @Inject(MIXED_BACKENDS) private readonly backends: MixedBackends,
    private readonly events: EventEmitter2,
  ) {}

  async run(unit: MixedUnit): Promise<void> {
    kindsInFlight.enter(unit.kind);
    try {
      this.mark(unit, 'start');
      if (unit.rendezvous) await rendezvous.arrive();
      await new Promise((resolve) => setImmediate(resolve));
      await this.backends.pool.query(unitQueryOf(unit));
      await this.backends.redis.incr(`mixed:${unit.tenant}`);
      if (unit.child) {
        this.mark(unit, 'emit');
        // Both ways of emitting: a job awaits its listeners, the others fire and go on.
        if (unit.kind === 'job') await this.events.emitAsync(MIXED_EVENT, unit.child);
        else this.events.emit(MIXED_EVENT, unit.child);
      }
      await new Promise((resolve) => setImmediate(resolve));
      this.finish(unit);
    } finally {
      kindsInFlight.leave(unit.kind);
    }
  }

  /** For handlers Nest calls synchronously and does not await (gateway connection hooks, worker events). */
  runSync(unit: MixedUnit): void {
    this.mark(unit, 'start');
    this.finish(unit);
  }

  /** For handlers that state the unit's user themselves (scheduler runs, gateway connection hooks). */
  stateUser(unit: MixedUnit): void {
    this.sentry.setUserContext(unit.user, unit.tenant);
  }

  private finish(unit: MixedUnit): void {
    this.mark(unit, 'end');
    if (unit.fails) throw new Error(`err:${unit.id}`);
    this.sentry.captureMessage(`msg:${unit.id}`);
  }

  private mark(unit: MixedUnit, step: string): void {
    this.sentry.addBreadcrumb(`unit:${unit.id}:${step}`, 'unit');
  }
}
