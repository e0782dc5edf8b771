import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  leaks,
  markersOf,
  missingId,
  type Probe,
  rowsOf,
  send,
  tracedSend,
} from './testing/idor-probe';
import {
  type CatalogRoute,
  fillPath,
  idFields,
  openApiDocument,
  routeCatalog,
  sampleOf,
} from './testing/route-catalog';
import { type OwnedKind, type SweepPatient, type SweepWorld, sweepWorld } from './testing/sweep-world';

/**
 * The record kind a path parameter names, from the path segment before it
 * (`/appointments/:id/cancel` → appointment). null: an id that is nobody's own (a doctor). A
 * route whose parameter is not listed here fails the sweep: add its kind, and the patients'
 * records of that kind to sweep-world.ts, so that no new route slips past it.
 */
const KIND_OF_SEGMENT: Record<string, OwnedKind | 'patient' | null> = {
  appointments: 'appointment',
  bills: 'bill',
  consultations: 'consultation',
  waitlist: 'waitlist',
  notifications: 'notification',
  doctors: null,
};

/**
 * Ids in bodies and query strings, by "segment.field" or field: an owned kind, `{ new: kind }`
 * for the id a client gives the record it creates (another patient's must never reach theirs),
 * or null for ids that are nobody's own.
 */
type FieldKind = OwnedKind | 'patient' | { new: OwnedKind } | null;
const KIND_OF_FIELD: Record<string, FieldKind> = {
  'appointments.id': { new: 'appointment' },
  'waitlist.id': { new: 'waitlist' },
  requestId: { new: 'rescheduleRequest' },
  'notifications.ids': 'notification',
  appointmentId: 'appointment',
  billId: 'bill',
  consultationId: 'consultation',
  patientId: 'patient',
  doctorId: null,
};

/** Bodies the schema's sample cannot give: a real doctor, a free slot. */
const BODY_OVERRIDES: Record<string, (world: SweepWorld) => Record<string, unknown>> = {
  'POST /api/v1/appointments': (w) => ({ doctorId: w.doctorId, startsAt: '2026-11-24T05:30:00.000Z' }),
  'POST /api/v1/appointments/:id/reschedule': () => ({ newStartsAt: '2026-11-24T06:00:00.000Z' }),
  'POST /api/v1/waitlist': (w) => ({ doctorId: w.doctorId, fromDate: '2026-12-07', toDate: '2026-12-11' }),
};

const segmentOf = (route: CatalogRoute) => route.path.replace('/api/v1/', '').split('/')[0]!;

function idsOf(owner: SweepPatient, kind: OwnedKind | 'patient'): string[] {
  return kind === 'patient' ? [owner.patientId] : owner.ids[kind];
}

function bodyOf(world: SweepWorld, route: CatalogRoute): Record<string, unknown> | undefined {
  if (!route.body) return undefined;
  return {
    ...(sampleOf(route.body) as Record<string, unknown>),
    ...BODY_OVERRIDES[route.key]?.(world),
  };
}

/** Path parameters filled with the asking patient's own ids (the probed one aside). */
function ownPath(route: CatalogRoute, owner: SweepPatient, probed?: { param: string; id: string }): string {
  const kind = KIND_OF_SEGMENT[segmentOf(route)];
  return fillPath(
    route,
    Object.fromEntries(
      route.params.map((p) => [
        p,
        p === probed?.param ? probed.id : kind ? (idsOf(owner, kind)[0] ?? '') : '',
      ]),
    ),
  );
}

let world: SweepWorld;
let routes: CatalogRoute[];
let bRowsBefore: string;
const answersToA: { route: string; answer: Answer }[] = [];

beforeAll(async () => {
  world = await sweepWorld();
  routes = routeCatalog(world.gateway.routes(), await openApiDocument(world.origin)).filter(
    (route) => route.path.startsWith('/api/v1/') && !route.path.startsWith('/api/v1/auth/'),
  );
  bRowsBefore = rowsOf(world, world.b);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/**
 * Another patient's id and a missing one: the same answer (status, type, body), the same work
 * (dispatcher path, SQL statement count: the timing class, by count and never by duration),
 * and for an id in the path the sweep reached the id check (404: a 422 would mean its body never
 * got that far; ids in a body may be skipped alike, as marking messages read does).
 */
async function compare(
  label: string,
  probeWith: (id: string) => Probe,
  theirs: string,
  expectNotFound = true,
): Promise<string[]> {
  const missing = missingId();
  const other = await tracedSend(world, probeWith(theirs), theirs);
  const none = await tracedSend(world, probeWith(missing), missing);
  answersToA.push({ route: label, answer: other.answer }, { route: label, answer: none.answer });
  const problems: string[] = [];
  if (JSON.stringify(other.answer) !== JSON.stringify(none.answer)) {
    problems.push(
      `${label}: answers ${other.answer.status} ${other.answer.text.slice(0, 200)} — missing: ${none.answer.status} ${none.answer.text.slice(0, 200)}`,
    );
  }
  if (JSON.stringify(other.path) !== JSON.stringify(none.path)) {
    problems.push(`${label}: dispatcher path ${other.path.join(' → ')} — missing: ${none.path.join(' → ')}`);
  }
  if (other.statements !== none.statements) {
    problems.push(`${label}: ${other.statements} SQL statements — missing: ${none.statements}`);
  }
  if (expectNotFound && none.answer.status !== 404) {
    problems.push(
      `${label}: a missing id answers ${none.answer.status} (not 404): ${none.answer.text.slice(0, 200)}`,
    );
  }
  return problems;
}

describe('the IDOR sweep: patient A asks with patient B’s ids', () => {
  it('maps every id a route takes to a kind of record (a new route cannot slip past)', () => {
    const unmapped = routes.flatMap((route) => [
      ...route.params
        .filter(() => !(segmentOf(route) in KIND_OF_SEGMENT))
        .map((param) => `${route.key} :${param}`),
      ...[
        ...idFields(route.body),
        ...route.query.filter((q) => q.schema.format === 'uuid').map((q) => q.name),
      ]
        .filter((field) => !(`${segmentOf(route)}.${field}` in KIND_OF_FIELD) && !(field in KIND_OF_FIELD))
        .map((field) => `${route.key} ${field}`),
    ]);
    expect(unmapped, 'ids the sweep has no kind for: add them to KIND_OF_SEGMENT / KIND_OF_FIELD').toEqual(
      [],
    );
  });

  it('answers B’s id in a path exactly like a missing one, on every route with an id', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      const kind = KIND_OF_SEGMENT[segmentOf(route)];
      if (!kind) continue;
      if (idsOf(world.b, kind).length === 0) problems.push(`${route.key}: B has no ${kind} to ask for`);
      for (const param of route.params) {
        for (const theirs of idsOf(world.b, kind)) {
          const probeWith = (id: string): Probe => ({
            route,
            path: ownPath(route, world.a, { param, id }),
            body: bodyOf(world, route),
            token: world.a.token,
          });
          problems.push(...(await compare(`${route.key} (:${param} = B's ${kind})`, probeWith, theirs)));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers B’s id in a body or query exactly like a missing one, and creates nothing under it', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const fields = [
        ...idFields(route.body).map((name) => ({ name, in: 'body' as const })),
        ...route.query
          .filter((q) => q.schema.format === 'uuid')
          .map((q) => ({ name: q.name, in: 'query' as const })),
      ];
      for (const field of fields) {
        const kind = KIND_OF_FIELD[`${segmentOf(route)}.${field.name}`] ?? KIND_OF_FIELD[field.name];
        if (!kind) continue;
        const isList = route.body?.properties?.[field.name]?.type === 'array';
        const query = Object.fromEntries(
          route.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema))]),
        );
        const probeWith = (id: string): Probe => {
          const path = ownPath(route, world.a);
          return field.in === 'body'
            ? {
                route,
                path,
                query,
                body: { ...bodyOf(world, route), [field.name]: isList ? [id] : id },
                token: world.a.token,
              }
            : { route, path, query: { ...query, [field.name]: id }, token: world.a.token };
        };
        const label = `${route.key} ${field.name}`;
        if (typeof kind === 'object') {
          if (idsOf(world.b, kind.new).length === 0) problems.push(`${label}: B has no ${kind.new} to reuse`);
          for (const theirs of idsOf(world.b, kind.new)) {
            // "A new record" under another patient's record's id never reaches theirs.
            const answer = await send(world.origin, probeWith(theirs));
            answersToA.push({ route: label, answer });
            if (answer.status >= 500) problems.push(`${label}: answered ${answer.status}`);
          }
          continue;
        }
        for (const theirs of idsOf(world.b, kind)) {
          problems.push(...(await compare(`${label} = B's ${kind}`, probeWith, theirs, false)));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never lists B’s records in A’s lists, whatever the query', async () => {
    const lists = routes.filter((r) => r.method === 'GET' && r.params.length === 0);
    expect(lists.length).toBeGreaterThan(0);
    for (const route of lists) {
      const required = Object.fromEntries(
        route.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema))]),
      );
      const variants = [required];
      for (const q of route.query) {
        for (const value of q.schema.enum ?? []) variants.push({ ...required, [q.name]: String(value) });
      }
      for (const query of variants) {
        const answer = await send(world.origin, { route, path: route.path, query, token: world.a.token });
        answersToA.push({ route: `${route.key}?${new URLSearchParams(query).toString()}`, answer });
        expect(answer.status, route.key).toBeLessThan(500);
      }
    }
  });

  it('leaked nothing of B in any answer to A, and changed none of B’s records', () => {
    const markers = markersOf(world.b);
    const leaked = answersToA
      .map(({ route, answer }) => ({ route, found: leaks(answer, markers) }))
      .filter((entry) => entry.found.length > 0);
    expect(leaked).toEqual([]);
    expect(answersToA.length).toBeGreaterThan(0);
    expect(rowsOf(world, world.b)).toBe(bRowsBefore);
  });

  it('answers A’s own ids (so the kind mapping is right and the routes do find records)', async () => {
    const isRead = (route: CatalogRoute) => route.method === 'GET' || route.method === 'HEAD';
    const withIds = routes
      .filter((route) => route.params.length > 0 && KIND_OF_SEGMENT[segmentOf(route)])
      // Reads first: a cancel or a leave changes what the reads would answer.
      .sort((x, y) => Number(!isRead(x)) - Number(!isRead(y)));
    const markers = markersOf(world.b);
    const problems: string[] = [];
    for (const route of withIds) {
      const answer = await send(world.origin, {
        route,
        path: ownPath(route, world.a),
        body: bodyOf(world, route),
        token: world.a.token,
      });
      if (answer.status === 404 || answer.status >= 500 || leaks(answer, markers).length > 0) {
        problems.push(`${route.key} with A's own id: ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
