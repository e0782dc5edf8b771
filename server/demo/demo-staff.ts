import type { InputOf } from '@shared/contract/index';
import type { Role } from '@shared/domain/common.schema';

/** Every demo account signs in with this password (README: "Trying it out"). */
export const DEMO_PASSWORD = 'clinic-demo-2026';

export const DEMO_SETTINGS: InputOf<'auth.setup'>['settings'] = {
  clinicName: 'Sunrise Family Clinic',
  address: '42, 11th Main Road, 4th Block, Jayanagar, Bengaluru, Karnataka 560011',
  phone: '+91 80 4125 6789',
  email: 'frontdesk@sunrisefamilyclinic.in',
  timeZone: 'Asia/Kolkata',
  currency: 'INR',
  locale: 'en-IN',
};

export type DoctorKey = 'menon' | 'iyer' | 'fernandes' | 'singh' | 'bose';

export interface DemoUser {
  username: string;
  role: Exclude<Role, 'patient'>;
  name: string;
}

interface DemoAccount extends DemoUser {
  deviceId: string;
  doctor?: DoctorKey;
}

const ACCOUNTS = [
  { username: 'admin', role: 'admin', name: 'Anita Rao', deviceId: 'office-pc' },
  { username: 'reena', role: 'receptionist', name: "Reena D'Souza", deviceId: 'reception-pc-1' },
  { username: 'rahul', role: 'receptionist', name: 'Rahul Gowda', deviceId: 'reception-pc-2' },
  {
    username: 'dr.menon',
    role: 'doctor',
    name: 'Dr. Arvind Menon',
    deviceId: 'room-1-pc',
    doctor: 'menon',
  },
  { username: 'dr.iyer', role: 'doctor', name: 'Dr. Kavitha Iyer', deviceId: 'room-2-pc', doctor: 'iyer' },
  {
    username: 'dr.fernandes',
    role: 'doctor',
    name: 'Dr. Maria Fernandes',
    deviceId: 'room-3-pc',
    doctor: 'fernandes',
  },
  {
    username: 'dr.singh',
    role: 'doctor',
    name: 'Dr. Harpreet Singh',
    deviceId: 'room-4-pc',
    doctor: 'singh',
  },
  { username: 'dr.bose', role: 'doctor', name: 'Dr. Ananya Bose', deviceId: 'room-5-pc', doctor: 'bose' },
  { username: 'nurse.leela', role: 'nurse', name: 'Leela Thomas', deviceId: 'nurse-station' },
] as const satisfies readonly DemoAccount[];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = ACCOUNTS;

/** The demo's sign-ins (username, role, name), e.g. for the README. */
export const DEMO_USERS: readonly DemoUser[] = ACCOUNTS.map(({ username, role, name }) => ({
  username,
  role,
  name,
}));

interface WeeklyBlock {
  weekdays: readonly number[];
  start: string;
  end: string;
}

export interface DemoDoctor {
  key: DoctorKey;
  username: string;
  room: string;
  details: InputOf<'doctors.create'>['details'];
  weekly: readonly WeeklyBlock[];
}

const MON_FRI = [1, 2, 3, 4, 5];
const SAT = [6];

export const DEMO_ROOMS: readonly InputOf<'rooms.create'>['details'][] = [
  { name: 'Consultation Room 1', type: 'consultation' },
  { name: 'Consultation Room 2 (Children)', type: 'consultation' },
  { name: 'Consultation Room 3', type: 'consultation' },
  { name: 'Consultation Room 4', type: 'consultation' },
  { name: 'Skin & Procedure Room', type: 'procedure' },
];

export const DEMO_DOCTORS: readonly DemoDoctor[] = [
  {
    key: 'menon',
    username: 'dr.menon',
    room: 'Consultation Room 1',
    details: {
      fullName: 'Dr. Arvind Menon',
      specialization: 'General Physician',
      qualification: 'MBBS, MD (General Medicine)',
      registrationNumber: 'KMC 45821',
      fees: { newVisit: 50_000, followUp: 30_000 },
      sessionMinutes: 15,
      tokenPrefix: 'G',
    },
    weekly: [
      { weekdays: MON_FRI, start: '09:00', end: '13:00' },
      { weekdays: MON_FRI, start: '14:00', end: '17:00' },
      { weekdays: SAT, start: '09:00', end: '13:00' },
    ],
  },
  {
    key: 'iyer',
    username: 'dr.iyer',
    room: 'Consultation Room 2 (Children)',
    details: {
      fullName: 'Dr. Kavitha Iyer',
      specialization: 'Pediatrician',
      qualification: 'MBBS, MD (Pediatrics), DCH',
      registrationNumber: 'KMC 52307',
      fees: { newVisit: 60_000, followUp: 40_000 },
      sessionMinutes: 15,
      tokenPrefix: 'P',
    },
    weekly: [
      { weekdays: MON_FRI, start: '09:30', end: '13:00' },
      { weekdays: MON_FRI, start: '17:00', end: '20:00' },
      { weekdays: SAT, start: '09:00', end: '13:00' },
    ],
  },
  {
    key: 'fernandes',
    username: 'dr.fernandes',
    room: 'Consultation Room 3',
    details: {
      fullName: 'Dr. Maria Fernandes',
      specialization: 'Gynecologist',
      qualification: 'MBBS, MS (Obstetrics & Gynaecology)',
      registrationNumber: 'KMC 38914',
      fees: { newVisit: 80_000, followUp: 50_000 },
      sessionMinutes: 20,
      tokenPrefix: 'Y',
    },
    weekly: [
      { weekdays: [1, 3, 5], start: '10:00', end: '13:00' },
      { weekdays: [1, 3, 5], start: '14:00', end: '17:00' },
      { weekdays: SAT, start: '09:00', end: '12:00' },
    ],
  },
  {
    key: 'singh',
    username: 'dr.singh',
    room: 'Consultation Room 4',
    details: {
      fullName: 'Dr. Harpreet Singh',
      specialization: 'Orthopedic',
      qualification: 'MBBS, MS (Orthopaedics), DNB',
      registrationNumber: 'KMC 61177',
      fees: { newVisit: 70_000, followUp: 45_000 },
      sessionMinutes: 20,
      tokenPrefix: 'O',
    },
    weekly: [
      { weekdays: [2, 4], start: '09:00', end: '13:00' },
      { weekdays: [2, 4], start: '14:00', end: '17:00' },
      { weekdays: [1, 3, 5], start: '17:00', end: '20:00' },
      { weekdays: SAT, start: '09:00', end: '13:00' },
    ],
  },
  {
    key: 'bose',
    username: 'dr.bose',
    room: 'Skin & Procedure Room',
    details: {
      fullName: 'Dr. Ananya Bose',
      specialization: 'Dermatologist',
      qualification: 'MBBS, MD (Dermatology, Venereology & Leprosy)',
      registrationNumber: 'KMC 70452',
      fees: { newVisit: 60_000, followUp: 40_000 },
      sessionMinutes: 30,
      tokenPrefix: 'D',
    },
    weekly: [
      { weekdays: [1, 2, 4, 5], start: '10:00', end: '13:00' },
      { weekdays: [1, 2, 4, 5], start: '14:00', end: '17:00' },
      { weekdays: [3], start: '17:00', end: '20:00' },
      { weekdays: SAT, start: '10:00', end: '13:00' },
    ],
  },
];

/** The doctor's weekly blocks on an ISO weekday (1 = Monday), in time order. */
export function blocksOn(doctor: DemoDoctor, weekday: number): WeeklyBlock[] {
  return doctor.weekly
    .filter((b) => b.weekdays.includes(weekday))
    .sort((a, b) => a.start.localeCompare(b.start));
}
