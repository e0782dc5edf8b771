import { describe, expect, it } from 'vitest';
import type { Slot } from '@shared/contract/clinic.contract';
import type { Appointment } from '@shared/domain/appointment.schema';
import { boardItems, freeSlots } from './today-board';

const DAY = '2026-12-08';
const at = (time: string) => `${DAY}T${time}:00.000Z`;

function slot(time: string, end: string): Slot {
  return { start: at(time), end: at(end), localTime: time, roomId: null };
}

function appointment(time: string, end: string, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: `a-${time}`,
    number: 'A-2026-000001',
    patientId: 'p-1',
    doctorId: 'd-1',
    roomId: null,
    startsAt: at(time),
    endsAt: at(end),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    type: 'NEW_VISIT',
    mode: 'IN_PERSON',
    status: 'CONFIRMED',
    meetingLink: null,
    bookedVia: 'staff',
    provisional: false,
    overrideReason: null,
    note: '',
    createdAt: at('08:00'),
    updatedAt: at('08:00'),
    ...overrides,
  };
}

const slots = [slot('09:00', '09:15'), slot('09:15', '09:30'), slot('09:30', '09:45')];

describe('free slots on the Today board', () => {
  it('never offers a slot an appointment on the board occupies, even before the slots list has caught up', () => {
    expect(freeSlots([appointment('09:15', '09:30')], slots).map((s) => s.localTime)).toEqual([
      '09:00',
      '09:30',
    ]);
  });

  it('counts the appointment’s buffers as occupied, and frees the time of cancelled and no-show ones', () => {
    const buffered = appointment('09:15', '09:30', { bufferAfterMinutes: 5 });
    expect(freeSlots([buffered], slots).map((s) => s.localTime)).toEqual(['09:00']);
    const gone = [
      appointment('09:00', '09:15', { status: 'CANCELLED' }),
      appointment('09:15', '09:30', { status: 'NO_SHOW' }),
    ];
    expect(freeSlots(gone, slots)).toHaveLength(3);
  });

  it('orders the day by time, live appointments before free slots and cancelled ones at the same time', () => {
    const cancelled = appointment('09:00', '09:15', { id: 'cancelled', status: 'CANCELLED' });
    const live = appointment('09:15', '09:30', { id: 'live' });
    const items = boardItems([cancelled, live], freeSlots([cancelled, live], slots), true);
    expect(items.map((i) => (i.kind === 'free' ? `free ${i.slot.localTime}` : i.appointment.id))).toEqual([
      'free 09:00',
      'cancelled',
      'live',
      'free 09:30',
    ]);
    expect(boardItems([live], slots, false).map((i) => i.kind)).toEqual(['appointment']);
  });
});
