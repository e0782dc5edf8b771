import { sql } from 'kysely';
import { failure } from '@shared/contract/errors';
import type { RescheduleRequest, StatusTransition } from '@shared/domain/appointment.schema';
import { idSchema } from '@shared/domain/common.schema';
import { ACTIVE_STATUSES } from '@shared/rules/conflicts';
import { classifySearch, nameWords } from '@shared/rules/patient-identity';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { getAppointment } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { toAppointment } from './appointment-rows';
import { doctorWorkOn } from './doctor-work';

const APPOINTMENT_NUMBER = /^A-\d{4}-\d{6,}$/i;

/** FTS5 prefix query over folded name words: every word must start a word of the name. */
function namePrefixQuery(text: string): string | null {
  const words = nameWords(text);
  return words.length ? words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ') : null;
}

function search(ctx: HandlerContext, text: string, limit: number) {
  const trimmed = text.trim();
  const base = ctx.db.q.selectFrom('appointments').selectAll('appointments');
  if (APPOINTMENT_NUMBER.test(trimmed)) {
    return ctx.db.all(base.where('number', '=', trimmed.toUpperCase()).limit(limit));
  }
  if (idSchema.safeParse(trimmed.toLowerCase()).success) {
    return ctx.db.all(base.where('id', '=', trimmed.toLowerCase()).limit(limit));
  }
  const kind = classifySearch(trimmed);
  let patients = ctx.db.q.selectFrom('patients').select('id');
  if (kind.kind === 'code') {
    patients = patients.where((eb) =>
      eb.or([eb('code', '=', kind.value), eb('provisionalCode', '=', kind.value)]),
    );
  } else if (kind.kind === 'phone') {
    patients = patients.where('phoneNormalized', '=', kind.value);
  } else {
    const match = namePrefixQuery(trimmed);
    if (!match) return [];
    patients = patients.where(
      sql<boolean>`rowid IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH ${match})`,
    );
  }
  return ctx.db.all(
    base.where('patientId', 'in', patients).orderBy('startMs', 'desc').orderBy('id').limit(limit),
  );
}

export const queryHandlers: HandlerMap = {
  'appointments.get': handler('appointments.get', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.id);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      return appointment;
    },
  }),

  'appointments.history': handler('appointments.history', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.id);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      const id = appointment.id;
      const { q } = ctx.db;
      const transitions = q.selectFrom('status_transitions').selectAll().where('appointmentId', '=', id);
      const reschedules = q.selectFrom('reschedule_records').selectAll().where('appointmentId', '=', id);
      const requests = q.selectFrom('reschedule_requests').selectAll().where('appointmentId', '=', id);
      return {
        transitions: ctx.db.all(transitions.orderBy(sql`rowid`)) as StatusTransition[],
        reschedules: ctx.db.all(reschedules.orderBy(sql`rowid`)),
        requests: ctx.db.all(requests.orderBy(sql`rowid`)) as RescheduleRequest[],
        // Only whether, never what: the front desk does not read consultation content.
        doctorWork:
          appointment.status === 'CHECKED_IN' && requireActor(ctx).role !== 'patient'
            ? doctorWorkOn(ctx.db, id)
            : null,
      };
    },
  }),

  'appointments.list': handler('appointments.list', {
    run: (input, ctx) => {
      let query = ctx.db.q.selectFrom('appointments');
      if (input.statuses?.length) query = query.where('status', 'in', input.statuses);
      if (input.fromDate) query = query.where('clinicDate', '>=', input.fromDate);
      if (input.toDate) query = query.where('clinicDate', '<=', input.toDate);
      if (input.doctorId) query = query.where('doctorId', '=', input.doctorId);
      if (input.patientId) query = query.where('patientId', '=', input.patientId);
      const total = ctx.db.first(query.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
      const rows = ctx.db.all(
        query.selectAll().orderBy('startMs').orderBy('id').limit(input.limit).offset(input.offset),
      );
      return { items: rows.map(toAppointment), total };
    },
  }),

  'appointments.search': handler('appointments.search', {
    run: (input, ctx) => search(ctx, input.text, input.limit).map(toAppointment),
  }),

  'appointments.rescheduleRequests': handler('appointments.rescheduleRequests', {
    run: (input, ctx) => {
      const actor = requireActor(ctx);
      // A doctor sees the requests on their own appointments only, whatever the input names.
      const doctorId = ctx.scope === 'own' ? actor.doctorId : input.doctorId;
      if (ctx.scope === 'own' && !doctorId) return [];
      let query = ctx.db.q
        .selectFrom('reschedule_requests as r')
        .innerJoin('appointments as a', 'a.id', 'r.appointmentId')
        .selectAll('r')
        .select('a.id as aid')
        .where('r.status', '=', 'PENDING')
        // A request on an appointment that was cancelled, seen or moved past is no longer a question.
        .where('a.status', 'in', ['REQUESTED', 'CONFIRMED'])
        .where('a.endMs', '>=', Date.parse(ctx.now));
      if (doctorId) query = query.where('a.doctorId', '=', doctorId);
      const rows = ctx.db.all(query.orderBy('a.startMs').orderBy('r.createdAt').orderBy('r.id'));
      return rows.map(({ aid, ...request }) => ({
        request: request as RescheduleRequest,
        appointment: getAppointment(ctx.db, aid),
      }));
    },
  }),

  'appointments.mine': handler('appointments.mine', {
    run: (input, ctx) => {
      const patientId = requireActor(ctx).patientId;
      if (!patientId) throw failure('FORBIDDEN', 'Only a patient account has its own appointments.');
      const now = Date.parse(ctx.now);
      const query = ctx.db.q.selectFrom('appointments').selectAll().where('patientId', '=', patientId);
      const rows =
        input.when === 'upcoming'
          ? ctx.db.all(
              query
                .where('status', 'in', ACTIVE_STATUSES)
                .where('endMs', '>=', now)
                .orderBy('startMs')
                .orderBy('id'),
            )
          : ctx.db.all(
              query
                .where((eb) => eb.or([eb('status', 'not in', ACTIVE_STATUSES), eb('endMs', '<', now)]))
                .orderBy('startMs', 'desc')
                .orderBy('id'),
            );
      return rows.map(toAppointment);
    },
  }),
};
