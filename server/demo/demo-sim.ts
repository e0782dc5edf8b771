import type { DemoCase } from './demo-case-types';
import type { DemoDriver } from './demo-driver';
import type { DemoPatient } from './demo-patients';
import type { DemoRandom } from './demo-random';
import type { DemoDoctor } from './demo-staff';
import { instantToLocal } from '@shared/rules/zoned-time';

export const MINUTE_MS = 60_000;

export interface SeededDoctor {
  spec: DemoDoctor;
  id: string;
}

export type VisitState = 'booked' | 'waiting' | 'called' | 'consulting' | 'finished' | 'cancelled' | 'noShow';

/** The demo's own view of one appointment as it moves through the day. */
export interface Visit {
  id: string;
  patient: DemoPatient;
  doctor: SeededDoctor;
  startMs: number;
  date: string;
  state: VisitState;
  entryId?: string;
  consultationId?: string;
  /** The draft revision the doctor last saved (the next save is made on it). */
  draftRevision?: string | null;
  nurseVitals?: boolean;
  kase?: DemoCase;
  testsRequested?: string[];
}

interface DoctorDay {
  /** The visit called in or in consultation. */
  busy: Visit | null;
  /** Checked in and not called yet. */
  waiting: Set<string>;
}

interface QueuedEvent {
  at: number;
  seq: number;
  label: string;
  run: () => Promise<void>;
}

/**
 * The shared state of the simulated month: a time-ordered event queue the clinic's actions are
 * taken from, and what the demo knows of patients, visits and each doctor's room.
 */
export class DemoSim {
  readonly visits = new Map<string, Visit>();
  readonly registered = new Set<string>();
  /** Problems met on the way (an operation the hub refused); logged, never thrown. */
  readonly problems: string[] = [];
  private readonly doctorDays = new Map<string, DoctorDay>();
  private readonly busyDates = new Map<string, Set<string>>();
  private readonly lastCase = new Map<string, DemoCase>();
  private readonly heap: QueuedEvent[] = [];
  private seq = 0;

  constructor(
    readonly driver: DemoDriver,
    readonly rng: DemoRandom,
    readonly zone: string,
    readonly nowMs: number,
    readonly doctors: readonly SeededDoctor[],
    readonly patients: readonly DemoPatient[],
  ) {}

  schedule(at: number, label: string, run: () => Promise<void>): void {
    this.push({ at, seq: this.seq++, label, run });
  }

  /**
   * Runs every event up to `now` in time order; later ones are the future and never happen.
   * The handlers resolve without real I/O, so the loop lets the event loop turn between batches
   * of events (each batch one transaction): a signal (SIGTERM) can then abort the seeding.
   */
  async run(signal?: AbortSignal, onProgress?: (atMs: number) => void): Promise<void> {
    for (let done = false; !done;) {
      await yieldToEventLoop(signal);
      await this.driver.batch(async () => {
        done = await this.runBatch(onProgress);
      });
    }
  }

  /** Runs up to BATCH events; true when no event is due any more. */
  private async runBatch(onProgress?: (atMs: number) => void): Promise<boolean> {
    for (let count = 0; count < BATCH; count++) {
      const event = this.pop();
      if (!event || event.at > this.nowMs) return true;
      if (count === 0) onProgress?.(event.at);
      this.driver.at(event.at);
      try {
        await event.run();
      } catch (error) {
        this.problems.push(`${event.label}: ${(error as Error).message}`);
      }
    }
    return false;
  }

  doctorDay(doctorId: string): DoctorDay {
    let day = this.doctorDays.get(doctorId);
    if (!day) {
      day = { busy: null, waiting: new Set() };
      this.doctorDays.set(doctorId, day);
    }
    return day;
  }

  /** Which receptionist is at the desk: Reena mornings and Saturdays, Rahul afternoons. */
  frontDesk(ms: number = this.driver.nowMs): string {
    const local = instantToLocal(ms, this.zone);
    return local.weekday === 6 || local.time < '14:00' ? 'reena' : 'rahul';
  }

  isBusyOn(patientId: string, date: string): boolean {
    return this.busyDates.get(patientId)?.has(date) ?? false;
  }

  setBusy(patientId: string, date: string, busy: boolean): void {
    let dates = this.busyDates.get(patientId);
    if (!dates) {
      dates = new Set();
      this.busyDates.set(patientId, dates);
    }
    if (busy) dates.add(date);
    else dates.delete(date);
  }

  previousCase(doctor: SeededDoctor, patientId: string): DemoCase | undefined {
    return this.lastCase.get(`${doctor.id}:${patientId}`);
  }

  rememberCase(doctor: SeededDoctor, patientId: string, kase: DemoCase): void {
    this.lastCase.set(`${doctor.id}:${patientId}`, kase);
  }

  /** Minutes → a random instant offset, on the 1-minute grid. */
  minutes(min: number, max: number): number {
    return this.rng.int(min, max) * MINUTE_MS;
  }

  private push(event: QueuedEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): QueuedEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

/** Events per transaction and between turns of the event loop. */
const BATCH = 20;

/** Lets pending I/O and signal handlers run, then throws if the work was aborted meanwhile. */
export async function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

const before = (a: QueuedEvent, b: QueuedEvent) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
