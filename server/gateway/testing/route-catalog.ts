import { randomUUID } from 'node:crypto';

/** A JSON schema node as @fastify/swagger writes it from the routes' zod schemas. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** One route the gateway serves, with what its OpenAPI entry says it takes. */
export interface CatalogRoute {
  /** "POST /api/v1/appointments/:id/cancel", as gateway.routes() names it. */
  key: string;
  method: string;
  path: string;
  /** The `:name` parameters of the path, in order. */
  params: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** Described in the OpenAPI document (HEAD twins and the document itself are not). */
  described: boolean;
}

export async function openApiDocument(origin: string): Promise<OpenApiDocument> {
  const response = await fetch(`${origin}/api/openapi.json`);
  if (response.status !== 200) throw new Error(`no OpenAPI document: ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Every route of `routes` (gateway.routes()), joined with its OpenAPI operation. */
export function routeCatalog(routes: string[], document: OpenApiDocument): CatalogRoute[] {
  return routes.map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    const openApiPath = path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = document.paths[openApiPath]?.[method.toLowerCase()];
    return {
      key,
      method,
      path,
      params: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
      query: (operation?.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema })),
      body: operation?.requestBody?.content['application/json']?.schema ?? null,
      described: operation !== undefined,
    };
  });
}

/** The path with its parameters filled in, in order. */
export function fillPath(route: CatalogRoute, values: Record<string, string>): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name]!));
}

/**
 * A plausible valid value for a schema: the required properties only, the first enum member or
 * union option, the minimum, a fresh uuid, a date in the test hub's coming week. Routes whose
 * body needs more than this (a free slot) get it from the sweep's own overrides.
 */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return sampleOf(union.find((option) => option.type !== 'null') ?? union[0]);
  if (schema.allOf?.length) return sampleOf(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleOf(schema.properties?.[name]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema);
    default:
      return schema.default ?? null;
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return '2026-11-24T05:30:00.000Z';
    case 'date':
      return '2026-11-24';
    case 'email':
      return 'someone@example.in';
    default:
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-11-24';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** The names of a body schema's properties that hold ids (uuid, or a list of uuids). */
export function idFields(schema: JsonSchema | null): string[] {
  if (!schema?.properties) return [];
  const isId = (node: JsonSchema | undefined): boolean =>
    node?.format === 'uuid' || (node?.anyOf ?? node?.oneOf ?? []).some(isId);
  return Object.entries(schema.properties)
    .filter(([, node]) => isId(node) || (node.type === 'array' && isId(node.items)))
    .map(([name]) => name);
}
