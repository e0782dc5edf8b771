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
 * Ids in bodies and query strings, by "segment.field" or field: an owned kind, 'new' for the
 * id a client gives the record it creates (another patient's must not reach theirs), or null.
 */
const KIND_OF_FIELD: Record<string, OwnedKind | 'patient' | 'new' | null> = {
  id: 'new',
  'notifications.ids': 'notification',
  appointmentId: 'appointment',
  billId: 'bill',
  consultationId: 'consultation',
  patientId: 'patient',
  doctorId: null,
};

/** Bodies the schema's sample cannot give (filled in per route: a free slot, say). */
const BODY_OVERRIDES: Record<string, (world: SweepWorld) => Record<string, unknown>> = {};

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

/** Another patient's id and a missing one: the same answer, the same work, no trace of B. */
async function expectAlike(route: CatalogRoute, probeWith: (id: string) => Probe, theirs: string) {
  const missing = missingId();
  const other = await tracedSend(world, probeWith(theirs), theirs);
  const none = await tracedSend(world, probeWith(missing), missing);
  answersToA.push({ route: route.key, answer: other.answer }, { route: route.key, answer: none.answer });
  const label = `${route.key} with another patient's id`;
  expect(other.answer, label).toEqual(none.answer);
  expect(other.path, `${label}: the dispatcher path`).toEqual(none.path);
  expect(other.statements, `${label}: SQL statements run`).toBe(none.statements);
  // The sweep reached the id check (a 422 would mean its body never got that far).
  expect(none.answer.status, `${label}: ${none.answer.text.slice(0, 300)}`).toBe(404);
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
    const withIds = routes.filter((route) => route.params.length > 0);
    for (const route of withIds) {
      const kind = KIND_OF_SEGMENT[segmentOf(route)];
      if (kind === null || kind === undefined) continue;
      expect(idsOf(world.b, kind).length, `${route.key}: B has no ${kind} to ask for`).toBeGreaterThan(0);
      for (const theirs of idsOf(world.b, kind)) {
        await expectAlike(
          route,
          (id) => ({
            route,
            path: fillPath(route, Object.fromEntries(route.params.map((p) => [p, id]))),
            body: bodyOf(world, route),
            token: world.a.token,
          }),
          theirs,
        );
      }
    }
  });

  it('answers B’s id in a body or query exactly like a missing one', async () => {
    for (const route of routes.filter((r) => r.params.length === 0)) {
      const fields = [
        ...idFields(route.body).map((name) => ({ name, in: 'body' as const })),
        ...route.query
          .filter((q) => q.schema.format === 'uuid')
          .map((q) => ({ name: q.name, in: 'query' as const })),
      ];
      for (const field of fields) {
        const kind = KIND_OF_FIELD[`${segmentOf(route)}.${field.name}`] ?? KIND_OF_FIELD[field.name];
        if (kind === null || kind === undefined) continue;
        const ownKind = kind === 'new' ? KIND_OF_SEGMENT[segmentOf(route)] : kind;
        if (!ownKind) continue;
        const isList = route.body?.properties?.[field.name]?.type === 'array';
        const probeWith = (id: string): Probe => {
          const value = isList ? [id] : id;
          const query = Object.fromEntries(
            route.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema))]),
          );
          return field.in === 'body'
            ? {
                route,
                path: route.path,
                query,
                body: { ...bodyOf(world, route), [field.name]: value },
                token: world.a.token,
              }
            : { route, path: route.path, query: { ...query, [field.name]: id }, token: world.a.token };
        };
        for (const theirs of idsOf(world.b, ownKind)) {
          if (kind === 'new') {
            // Creating "a new record" under another patient's id never reaches theirs.
            const answer = await send(world.origin, probeWith(theirs));
            answersToA.push({ route: route.key, answer });
            expect(answer.status, route.key).toBeLessThan(500);
          } else {
            const other = await send(world.origin, probeWith(theirs));
            const none = await send(world.origin, probeWith('00000000-0000-4000-8000-000000000000'));
            answersToA.push({ route: route.key, answer: other });
            const norm = (a: Answer, id: string) => ({ ...a, text: a.text.replaceAll(id, '<id>') });
            expect(norm(other, theirs), `${route.key} ${field.name}`).toEqual(
              norm(none, '00000000-0000-4000-8000-000000000000'),
            );
          }
        }
      }
    }
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
    const withIds = routes
      .filter((route) => route.params.length > 0 && KIND_OF_SEGMENT[segmentOf(route)])
      // Reads first: a cancel or a leave changes what the reads would answer.
      .sort(
        (x, y) =>
          Number(x.method !== 'GET' && x.method !== 'HEAD') -
          Number(y.method !== 'GET' && y.method !== 'HEAD'),
      );
    const markers = markersOf(world.b);
    for (const route of withIds) {
      const own = idsOf(world.a, KIND_OF_SEGMENT[segmentOf(route)]!)[0]!;
      const answer = await send(world.origin, {
        route,
        path: fillPath(route, Object.fromEntries(route.params.map((p) => [p, own]))),
        body: bodyOf(world, route),
        token: world.a.token,
      });
      expect(answer.status, `${route.key} with A's own id: ${answer.text.slice(0, 200)}`).not.toBe(404);
      expect(answer.status, route.key).toBeLessThan(500);
      expect(leaks(answer, markers), route.key).toEqual([]);
    }
  });
});
