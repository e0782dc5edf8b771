import type { ChangeHint } from '@shared/contract/change-hint';
import { ApiFailure } from '@shared/contract/errors';
import type { ApiClient, InputOf, OperationName, ResultOf } from '@shared/contract/index';
import type { ClinicBridge } from './bridge';
import { deviceId, deviceName } from './device';
import { createSocketBridge } from './socket-bridge';

/** The contract's typed client over a bridge: a refused call throws `ApiFailure` (code, message, fields). */
export class ClinicClient implements ApiClient {
  constructor(readonly bridge: ClinicBridge) {}

  async call<N extends OperationName>(name: N, input: InputOf<N>): Promise<ResultOf<N>> {
    return (await this.callWithHint(name, input)).result;
  }

  /** `call`, and what a command wrote as its answer says (null: not known, anything may have). */
  async callWithHint<N extends OperationName>(
    name: N,
    input: InputOf<N>,
  ): Promise<{ result: ResultOf<N>; changed: ChangeHint | null }> {
    const reply = await this.bridge.call(name, input);
    if (!reply.ok) throw new ApiFailure(reply.error);
    return { result: reply.result, changed: reply.changed ?? null };
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
