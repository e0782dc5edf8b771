import { contract, isOperationName, type OperationName } from '@shared/contract/index';
import { type ApiError, ApiFailure, failure } from '@shared/contract/errors';
import type { Actor } from '@shared/domain/user.schema';
import { authorize } from '@shared/permissions/authorize';
import { fieldErrors } from '@shared/validation/format-error';
import { constraintFailure } from '@server/core/constraint-errors';
import type { HandlerContext, HandlerMap } from '@server/core/handler';
import { findAppointment } from '@server/repositories/lookups.repository';
import { nextFreeSlots } from '@server/repositories/slots.repository';
import type { LocalHub } from './local-hub';
import type { ReadLog } from './read-log';
import { setCapture } from './undo-log';

export interface LocalRun {
  name: string;
  input: unknown;
  actor: Actor;
  now: string;
  newId: () => string;
  /** Record undo images of what this run changes (commands of the outbox). */
  capture: boolean;
}

/**
 * Runs a contract operation against the replica through the hub's own handler, as the hub's
 * dispatcher would: authorize (shared policy, cached actor), validate (contract schema), run in
 * one transaction. What only the hub does is skipped: the change log, the audit chain, pokes;
 * reads of medical content are kept for the hub's audit log.
 */
export class LocalExecutor {
  constructor(
    private readonly local: LocalHub,
    private readonly handlers: HandlerMap,
    /** Where reads of medical content go until the hub audits them. */
    private readonly reads: ReadLog,
  ) {}

  /** Parses the input as the contract says (defaults filled), or throws VALIDATION naming fields. */
  parse(name: OperationName, input: unknown): unknown {
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
    }
    return parsed.data;
  }

  run(run: LocalRun): unknown {
    const { name, actor } = run;
    if (!isOperationName(name)) throw failure('NOT_FOUND', `Unknown operation ${name.slice(0, 80)}.`);
    const decision = authorize(actor.role, name);
    if (!decision.allowed) throw failure('FORBIDDEN', 'Your role is not allowed to do this.');
    const input = this.parse(name, run.input);
    const handler = this.handlers[name];
    if (!handler || handler.prepare) throw failure('INTERNAL', `${name} needs the hub.`);
    const { db } = this.local;
    const ctx = this.context(run, decision.scope);
    try {
      return db.transaction(() => {
        setCapture(db.sqlite, run.capture);
        try {
          const value = handler.run(input as never, ctx, undefined as never);
          return run.capture ? markProvisional(this.local, name, input, value) : value;
        } finally {
          setCapture(db.sqlite, false);
        }
      });
    } catch (error) {
      throw this.translate(error, name, input, ctx);
    }
  }

  private context(run: LocalRun, scope: HandlerContext['scope']): HandlerContext {
    const { actor } = run;
    return {
      db: this.local.db,
      actor,
      scope,
      now: run.now,
      // Made here, by this desktop's clock; the hub has not received it yet.
      authorClaim: { at: run.now, offsetMs: 0, helloAt: null, local: true },
      settings: () => this.local.settings(),
      newId: run.newId,
      events: this.local.events,
      hub: this.local,
      source: { address: null, deviceId: actor.deviceId },
      changed: () => undefined,
      // A query's reads of medical content are audited by the hub later (sync.reads); a command
      // re-run by a rebase reads nothing new.
      audit: (entry) => {
        if (entry.kind === 'read' && !run.capture) this.reads.record(actor.userId, run.now, entry);
      },
      afterCommit: () => undefined,
    };
  }

  /**
   * The next free times for a refused booking or move, from the replica as it is now (the hub's
   * rows and this desktop's waiting changes): what its author can still choose (SPEC §13).
   */
  suggestions(name: string, input: unknown, actor: Actor, now: string): NonNullable<ApiError['nextSlots']> {
    const run = { name, input, actor, now, newId: () => '', capture: false };
    return suggestSlots(this.context(run, 'any'), input);
  }

  private translate(error: unknown, name: string, input: unknown, ctx: HandlerContext): ApiFailure {
    if (error instanceof ApiFailure) return error;
    const message = (error as Error).message ?? '';
    if (message.includes('doctor_claims')) {
      return failure('SLOT_TAKEN', 'That slot was just taken. Please choose another time.', {
        nextSlots: suggestSlots(ctx, input),
      });
    }
    if (message.includes('patient_claims')) {
      return failure('PATIENT_OVERLAP', 'The patient already has an appointment at that time.');
    }
    return (
      constraintFailure(error) ??
      failure('INTERNAL', `${name} could not be applied on this desktop: ${message}`)
    );
  }
}

const SUGGESTIONS = 5;

/**
 * The next free slots for a booking or move input (for SLOT_TAKEN and needs attention): its
 * doctor's (a move's own appointment's when it names none), at times its patient is free too,
 * never the time it asked for (refused; the replica may not have pulled who took it yet).
 */
export function suggestSlots(ctx: HandlerContext, input: unknown): NonNullable<ApiError['nextSlots']> {
  const given = input as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const id = text(given.id);
  // A move names its appointment by id; a refused booking's id names no row (rolled back).
  const moving = id ? findAppointment(ctx.db, id) : null;
  const doctorId = text(given.doctorId) ?? moving?.doctorId ?? null;
  const patientId = text(given.patientId) ?? moving?.patientId;
  const at = text(given.startsAt) ?? text(given.newStartsAt);
  if (!doctorId || !at) return [];
  const from = Date.parse(at) > Date.parse(ctx.now) ? at : ctx.now;
  try {
    const asked = Date.parse(at);
    return nextFreeSlots(ctx, doctorId, from, SUGGESTIONS + 1, {
      ...(patientId ? { patientId } : {}),
      ...(id ? { excludeAppointmentId: id } : {}),
    })
      .filter((s) => Date.parse(s.start) !== asked)
      .slice(0, SUGGESTIONS)
      .map((s) => ({ start: s.start, end: s.end }));
  } catch {
    return [];
  }
}

/**
 * A booking this desktop made is provisional until the hub has accepted it (SPEC §13), and has
 * no appointment number yet: only the hub hands those out (a guess here would be another
 * booking's number).
 */
function markProvisional(local: LocalHub, name: string, input: unknown, value: unknown): unknown {
  const { sqlite } = local.db;
  type Booked = { appointment: Record<string, unknown> };
  if (name === 'appointments.book' || name === 'queue.walkIn') {
    const id =
      name === 'queue.walkIn'
        ? (input as { appointmentId: string }).appointmentId
        : (input as { id: string }).id;
    sqlite.prepare('UPDATE appointments SET provisional = 1, number = NULL WHERE id = ?').run(id);
    const booked = value as Booked;
    return { ...booked, appointment: { ...booked.appointment, provisional: true, number: null } };
  }
  if (name === 'patients.register') {
    const { id } = input as { id: string };
    // Offline, the patient is known by the provisional code until the hub assigns PAT… (the one
    // the handler kept: a variant if another desktop's patient here already has the code).
    const { provisionalCode } = value as { provisionalCode: string | null };
    if (!provisionalCode) return value;
    sqlite.prepare('UPDATE patients SET code = ? WHERE id = ?').run(provisionalCode, id);
    return { ...(value as object), code: provisionalCode };
  }
  return value;
}
