import type { z } from 'zod';
import { adminContract } from './admin.contract';
import { appointmentsContract } from './appointments.contract';
import { authContract, usersContract } from './auth.contract';
import { billingContract } from './billing.contract';
import { clinicContract } from './clinic.contract';
import { consultationsContract } from './consultations.contract';
import { displayContract } from './display.contract';
import { engagementContract } from './engagement.contract';
import { formularyContract } from './formulary.contract';
import { leaveContract } from './leave.contract';
import { patientsContract } from './patients.contract';
import { pushContract } from './push.contract';
import { queueContract } from './queue.contract';

/** Every command and query by name (docs/architecture.md (The contract)): the single source of truth for all transports. */
export const contract = {
  ...authContract,
  ...usersContract,
  ...clinicContract,
  ...leaveContract,
  ...patientsContract,
  ...appointmentsContract,
  ...queueContract,
  ...consultationsContract,
  ...formularyContract,
  ...billingContract,
  ...engagementContract,
  ...adminContract,
  ...displayContract,
  ...pushContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation (defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type ResultOf<N extends OperationName> = z.output<Contract[N]['result']>;

export type CommandName = {
  [N in OperationName]: Contract[N]['kind'] extends 'command' ? N : never;
}[OperationName];
export type QueryName = Exclude<OperationName, CommandName>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The typed call every transport implements (Electron bridge, Socket.IO, tests). */
export interface ApiClient {
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<ResultOf<N>>;
}
