import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { io, type Socket } from 'socket.io-client';
import { TEST_USER_HEADER } from '../support/scope-auth.guard';
import { cronQueue, MIXED_CRON, tickQueue, type MixedJob, type MixedSocketAuth } from './mixed-handlers';
import type { JobPlan, MixedUnit, SocketPlan } from './mixed-plan';
import { MIXED_EVENT } from './mixed-unit-work';

/** All HTTP units at once, each as its own user; a failing unit answers 500, the others 200. */
export async function sendHttpUnits(url: string, units: readonly MixedUnit[]): Promise<void> {
  await Promise.all(
    units.map(async (unit) => {
      const response = await fetch(`${url}/mixed/http`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: JSON.stringify({ id: unit.user, tenantId: unit.tenant }) },
        body: JSON.stringify(unit),
      });
      await response.text();
      const expected = unit.fails ? 500 : 200;
      if (response.status !== expected) throw new Error(`${unit.id}: HTTP ${response.status}, expected ${expected}`);
    }),
  );
}

/** All sockets at once; each connects, sends its messages one by one, and disconnects once they are answered. */
export async function runSocketUnits(url: string, plans: readonly SocketPlan[]): Promise<void> {
  await Promise.all(plans.map((plan) => runSocket(url, plan)));
}

async function runSocket(url: string, plan: SocketPlan): Promise<void> {
  const auth: MixedSocketAuth = { connect: plan.connect, disconnect: plan.disconnect };
  const socket = io(url, { transports: [plan.transport], auth, forceNew: true, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    for (const unit of plan.messages) await sendMessage(socket, unit);
  } finally {
    socket.disconnect();
  }
}

/** Answered by the ack, or for a failing unit by the `exception` reply Nest's WebSocket filter sends. */
async function sendMessage(socket: Socket, unit: MixedUnit): Promise<void> {
  if (unit.fails) {
    await new Promise<void>((resolve) => {
      socket.once('exception', () => resolve());
      socket.emit('mixed.unit', unit);
    });
    return;
  }
  const reply: unknown = await socket.emitWithAck('mixed.unit', unit);
  if (reply !== 'ok') throw new Error(`${unit.id}: reply ${JSON.stringify(reply)}`);
}

/** One real Queue.add per job, all at once; one attempt each, so a failure runs the `failed` worker event once. */
export async function addJobs(queue: Queue<MixedJob>, plans: readonly JobPlan[]): Promise<void> {
  await Promise.all(plans.map((plan) => queue.add('unit', { unit: plan.unit, failed: plan.failed }, { attempts: 1 })));
}

/** Fires the registered cron job once per unit, all at once: the scheduler's own run, without waiting for the clock. */
export async function fireCronUnits(registry: SchedulerRegistry, units: readonly MixedUnit[]): Promise<void> {
  cronQueue.push(...units);
  const job = registry.getCronJob(MIXED_CRON);
  await Promise.all(units.map(() => job.fireOnTick()));
}

/** The interval takes one unit per tick. */
export function queueTickUnits(units: readonly MixedUnit[]): void {
  tickQueue.push(...units);
}

/** Emitted from outside any unit, all at once; resolves once every listener call settled (the emitter swallows errors). */
export async function emitEventUnits(emitter: EventEmitter2, units: readonly MixedUnit[]): Promise<void> {
  await Promise.all(units.map((unit) => emitter.emitAsync(MIXED_EVENT, unit)));
}
