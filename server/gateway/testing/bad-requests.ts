import fc from 'fast-check';
import { type CatalogRoute, fillPath, sampleOf } from './route-catalog';

/** One malformed request to a route, ready for fetch, with what was wrong with it. */
export interface BadRequest {
  label: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

const HUGE = 'x'.repeat(300_000);

/** Odd values for any field: wrong types, empty, huge, control and non-Latin characters, injections. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    '-1',
    '1e309',
    'NaN',
    '𝔘ñí©ødé ',
    "' OR 1=1 --",
    '../..',
    '<script>',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(HUGE),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** Ids no route should take, or should take as missing. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.uuid(),
  fc.constantFrom(
    '0',
    '-1',
    'null',
    'undefined',
    '..',
    '%00',
    '00000000-0000-0000-0000-000000000000',
    HUGE.slice(0, 5000),
  ),
);

const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * Malformed requests for one route: bad path ids, odd query values (repeated, unknown, missing),
 * and for routes with a body: a field of the wrong type, a missing or an extra field, a huge
 * string, a body that is not an object, text that is not JSON, and the wrong content type.
 */
export function badRequests(route: CatalogRoute, token: string | null): fc.Arbitrary<BadRequest> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const sample = (sampleOf(route.body ?? undefined) ?? {}) as Record<string, unknown>;
  const required = Object.fromEntries(
    route.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema))]),
  );
  const pathIds = fc.array(badId, { minLength: route.params.length, maxLength: route.params.length });
  const validPath = fillPath(
    route,
    Object.fromEntries(route.params.map((p) => [p, '00000000-0000-4000-8000-000000000000'])),
  );
  const base = (label: string, extra: Partial<BadRequest>): BadRequest => ({
    label,
    path: validPath,
    query: new URLSearchParams(required).toString(),
    headers: { ...auth, ...(route.body ? { 'content-type': 'application/json' } : {}) },
    body: route.body ? JSON.stringify(sample) : undefined,
    ...extra,
  });

  const variants: fc.Arbitrary<BadRequest>[] = [];
  if (route.params.length > 0) {
    variants.push(
      pathIds.map((ids) =>
        base(`path ${ids.map((id) => id.slice(0, 40)).join(',')}`, {
          path: fillPath(route, Object.fromEntries(route.params.map((p, i) => [p, ids[i]!]))),
        }),
      ),
    );
  }
  const queryNames = [...route.query.map((q) => q.name), 'unknownParam'];
  variants.push(
    fc
      .tuple(fc.constantFrom(...queryNames), oddValue, fc.boolean(), fc.boolean())
      .map(([name, value, repeated, dropRequired]) => {
        const query = new URLSearchParams(dropRequired ? {} : required);
        query.set(name, text(value));
        if (repeated) query.append(name, text(value));
        return base(`query ${name}=${text(value).slice(0, 40)}${repeated ? ' (twice)' : ''}`, {
          query: query.toString(),
        });
      }),
  );
  if (route.body) {
    const fields = Object.keys(route.body.properties ?? {});
    const withBody = (label: string, body: unknown) =>
      base(label, { body: text(body) === '' ? '""' : JSON.stringify(body) });
    if (fields.length > 0) {
      variants.push(
        fc
          .tuple(fc.constantFrom(...fields), oddValue)
          .map(([field, value]) =>
            withBody(`${field}: ${text(value).slice(0, 40)}`, { ...sample, [field]: value }),
          ),
        fc.constantFrom(...fields).map((field) => {
          const { [field]: _gone, ...rest } = sample;
          return withBody(`without ${field}`, rest);
        }),
        fc.constantFrom(...fields).map((field) => withBody(`${field} huge`, { ...sample, [field]: HUGE })),
      );
    }
    variants.push(
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 12 }), oddValue)
        .map(([key, value]) => withBody(`extra ${key}`, { ...sample, [key]: value })),
      oddValue.map((value) => withBody(`body ${text(value).slice(0, 40)}`, value)),
    );
  }
  if (route.method !== 'GET' && route.method !== 'HEAD') {
    variants.push(
      fc
        .oneof(
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            "{'a':1}",
            'nul',
            '\u0000',
            '{"__proto__":{"polluted":1}}',
            '',
          ),
          fc.string({ maxLength: 30 }),
        )
        .map((raw) =>
          base(`not JSON ${raw.slice(0, 40)}`, {
            body: raw,
            headers: { ...auth, 'content-type': 'application/json' },
          }),
        ),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=latin-99',
        )
        .map((type) =>
          base(`content-type ${type}`, {
            headers: { ...auth, 'content-type': type },
            body: JSON.stringify(sample),
          }),
        ),
    );
  }
  return fc.oneof(...variants);
}
