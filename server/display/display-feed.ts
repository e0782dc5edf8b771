import type { Selectable } from 'kysely';
import { type DisplayCard, type DisplaySnapshot, displaySnapshotSchema } from '@shared/domain/display.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { displayPresence, roundedWaitMinutes } from '@shared/rules/display-board';
import { clinicDate } from '@shared/rules/zoned-time';
import { decode } from '@server/db/codecs';
import type { DisplayRow } from '@server/db/display-tables';
import type { DoctorTable } from '@server/db/tables';
import type { HubCore } from '@server/core/hub-core';
import { doctorRoomOn } from '@server/handlers/queue/queue-room';
import { orderedDay } from '@server/handlers/queue/queue.repository';
import { buildDoctorQueue } from '@server/handlers/queue/queue-view';
import { workingTimeOn } from '@server/repositories/working-time.repository';

/** Calls a snapshot carries: enough for a display back from a short drop to announce what it missed. */
const CALLS_KEPT = 20;

type DoctorRow = Selectable<DoctorTable>;

/**
 * The display feed of one display (docs/architecture.md (The contract)): its doctors' and rooms' cards and today's latest calls, with
 * tokens and initials only. Parsed by the strict feed schema before it leaves, so a field that is
 * not in the schema (a name) fails here instead of reaching the waiting room.
 */
export function buildDisplaySnapshot(core: HubCore, display: DisplayRow): DisplaySnapshot {
  const { db } = core;
  const settings = core.settings();
  const now = core.clock.now().toISOString();
  const nowMs = Date.parse(now);
  const today = clinicDate(now, settings.timeZone);
  const ctx = { db, now, settings: () => settings };
  const roomOf = new Map<string, { id: string; name: string } | null>();
  const roomOfDoctor = (doctorId: string) => {
    if (!roomOf.has(doctorId)) roomOf.set(doctorId, doctorRoomOn(ctx, doctorId, today));
    return roomOf.get(doctorId) ?? null;
  };

  const doctorCard = (row: DoctorRow, chosenRoomId: string | null): DisplayCard => {
    const doctor = decode<Doctor>('doctors', row);
    const day = orderedDay(db, doctor.id, today);
    const queue = buildDoctorQueue(db, doctor, today, now, settings.timeZone, day);
    const waiting = queue.waiting.filter((w) => w.entry.state === 'waiting');
    const serving = queue.current ?? null;
    return {
      doctorId: doctor.id,
      doctorName: doctor.fullName,
      roomId: chosenRoomId,
      roomName: roomOfDoctor(doctor.id)?.name ?? null,
      presence:
        serving?.state === 'in_consultation'
          ? 'in'
          : displayPresence(nowMs, workingTimeOn(db, doctor.id, today, settings.timeZone)),
      serving: serving ? { token: serving.token, initials: serving.displayInitials } : null,
      next: waiting.slice(0, 3).map((w) => ({
        token: w.entry.token,
        initials: w.entry.displayInitials,
        waitMinutes: roundedWaitMinutes(w.estimatedWaitMinutes),
      })),
      waitingCount: waiting.length,
    };
  };

  // The chosen doctors first, in the admin's order; then each chosen room: the doctors working in
  // it today (by their room of the day), or the room alone as "not in".
  const cards: DisplayCard[] = [];
  const shown = new Set<string>();
  const activeDoctors = db.all(db.q.selectFrom('doctors').selectAll().where('active', '=', 1));
  const byId = new Map(activeDoctors.map((row) => [row.id, row]));
  for (const doctorId of JSON.parse(display.doctorIds) as string[]) {
    const row = byId.get(doctorId);
    if (!row || shown.has(doctorId)) continue;
    shown.add(doctorId);
    cards.push(doctorCard(row, null));
  }
  for (const roomId of JSON.parse(display.roomIds) as string[]) {
    const room = db.first(db.q.selectFrom('rooms').select(['id', 'name']).where('id', '=', roomId));
    if (!room) continue;
    const working = activeDoctors.filter((row) => roomOfDoctor(row.id)?.id === roomId);
    for (const row of working.filter((r) => !shown.has(r.id))) {
      shown.add(row.id);
      cards.push(doctorCard(row, roomId));
    }
    if (working.length === 0) {
      cards.push({
        doctorId: null,
        doctorName: null,
        roomId,
        roomName: room.name,
        presence: 'out',
        serving: null,
        next: [],
        waitingCount: 0,
      });
    }
  }
  const doctorIds = [...shown];

  const calls =
    doctorIds.length === 0
      ? []
      : db
          .all(
            db.q
              .selectFrom('display_calls')
              .select(['seq', 'kind', 'doctorId', 'token', 'roomName', 'at'])
              .where('clinicDate', '=', today)
              .where('doctorId', 'in', doctorIds)
              .orderBy('seq', 'desc')
              .limit(CALLS_KEPT),
          )
          .reverse();

  const { hubId, epoch } = core.identity();
  return displaySnapshotSchema.parse({
    hubId,
    epoch,
    version: feedVersion(core, display),
    generatedAt: now,
    clinicName: settings.clinicName,
    timeZone: settings.timeZone,
    display: {
      id: display.id,
      name: display.name,
      message: display.message,
      theme: display.theme,
      language: display.language,
      voice: display.voice,
    },
    cards,
    companionAppUrl: display.showQrCode === 1 ? settings.companionAppUrl : null,
    calls,
  });
}

/**
 * Grows with every change a snapshot may show: the change log's last number (queues, schedules,
 * settings), the last call's number (a recall changes no synced row) and the display's revision.
 * Each only grows, so their sum does too.
 */
function feedVersion(core: HubCore, display: DisplayRow): number {
  const row = core.db
    .statement(
      `SELECT (SELECT coalesce(max(seq), 0) FROM changes)
            + (SELECT coalesce(max(seq), 0) FROM display_calls) AS version`,
    )
    .get() as { version: number };
  return row.version + display.revision;
}
