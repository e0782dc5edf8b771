import { instantToLocal } from '@shared/rules/zoned-time';
import type { DemoSim, SeededDoctor, Visit } from './demo-sim';
import { blocksOn } from './demo-staff';
import { arrive, callNext, startConsultation, writeFirstNotes } from './demo-visit-flow';

/**
 * Now, at the clinic: every doctor in session has a patient in the room (the notes half-written)
 * and someone waiting, where the day's bookings allow.
 */
export async function settleToday(sim: DemoSim): Promise<void> {
  sim.driver.at(sim.nowMs);
  const local = instantToLocal(sim.nowMs, sim.zone);
  for (const doctor of sim.doctors) {
    const inSession = blocksOn(doctor.spec, local.weekday).some(
      (b) => b.start <= local.time && local.time < b.end,
    );
    if (!inSession) continue;
    try {
      await settleDoctor(sim, doctor, local.date);
    } catch (error) {
      sim.problems.push(`today ${doctor.spec.key}: ${(error as Error).message}`);
    }
  }
}

async function settleDoctor(sim: DemoSim, doctor: SeededDoctor, today: string): Promise<void> {
  const day = sim.doctorDay(doctor.id);
  const upcoming = [...sim.visits.values()]
    .filter((v) => v.doctor === doctor && v.date === today && v.state === 'booked' && v.startMs > sim.nowMs)
    .sort((a, b) => a.startMs - b.startMs);
  const arriveEarly = async () => {
    const next = upcoming.shift();
    if (next) await arrive(sim, next);
  };

  if (!day.busy && day.waiting.size === 0) await arriveEarly();
  if (!day.busy && day.waiting.size > 0) await callNext(sim, doctor);
  const inRoom: Visit | null = day.busy;
  if (inRoom?.state === 'called') await startConsultation(sim, inRoom);
  if (inRoom?.state === 'consulting' && !inRoom.consultationId) await writeFirstNotes(sim, inRoom);
  while (day.waiting.size < 2 && upcoming.length > 0) await arriveEarly();
}
