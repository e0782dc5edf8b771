import { ApiFailure } from '@shared/contract/errors';
import type { ApiClient, InputOf, OperationName, ResultOf } from '@shared/contract/index';
import type { ClinicBridge } from './bridge';
import { deviceId, deviceName } from './device';
import { createSocketBridge } from './socket-bridge';

/** The contract's typed client over a bridge: a refused call throws `ApiFailure` (code, message, fields). */
export class ClinicClient implements ApiClient {
  constructor(readonly bridge: ClinicBridge) {}

  async call<N extends OperationName>(name: N, input: InputOf<N>): Promise<ResultOf<N>> {
    const reply = await this.bridge.call(name, input);
    if (!reply.ok) throw new ApiFailure(reply.error);
    return reply.result;
  }

  /** The device id the hub knows this window by (needed by auth.login / auth.setup). */
  get deviceId(): string {
    return deviceId();
  }
}

/** Electron's preload bridge when present, otherwise Socket.IO to the hub that served this page. */
export function createClinicClient(): ClinicClient {
  const bridge = window.clinic ?? createSocketBridge({ deviceId: deviceId(), deviceName: deviceName() });
  return new ClinicClient(bridge);
}
