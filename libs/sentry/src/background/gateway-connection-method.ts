import { GATEWAY_METADATA } from '../sdk-bridge/nest/nest-metadata-keys';

/** Which end of a WebSocket connection a gateway lifecycle method handles. */
export type GatewayConnectionPhase = 'connect' | 'disconnect';

/** Mechanism of errors thrown in a gateway's `handleConnection` / `handleDisconnect`. */
export const WS_CONNECTION_MECHANISM = 'auto.ws.nestjs.connection';

/** `OnGatewayConnection` / `OnGatewayDisconnect` methods: Nest calls them by these names. */
const PHASES: Readonly<Record<string, GatewayConnectionPhase>> = { handleConnection: 'connect', handleDisconnect: 'disconnect' };

/**
 * The phase `key` handles when `type` is a `@WebSocketGateway` class and `key` one of its
 * connection lifecycle methods; otherwise undefined.
 */
export function gatewayConnectionPhaseOf(type: Function, key: string): GatewayConnectionPhase | undefined {
  const phase = Object.prototype.hasOwnProperty.call(PHASES, key) ? PHASES[key] : undefined;
  return phase && Reflect.getMetadata(GATEWAY_METADATA, type) ? phase : undefined;
}
