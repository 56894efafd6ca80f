// Replies are written by fast-json-stringify from the JSON Schema of each route's zod reply
// schema, compiled once per route at start. The zod serializer parsed every reply into a new
// copy before JSON.stringify wrote it: under load, on a page of fifty projects, that took about a
// tenth of the server's time, against 3% now. What the zod parse guaranteed still holds: a key
// the schema does not name is never written (nothing the service happened to read leaks out),
// and a missing required key or a value of the wrong type fails the reply instead of sending it.
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/** The route's reply schema as JSON Schema; throws for a schema JSON Schema cannot express, so that no route starts without one. */
function replyJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw', cycles: 'throw', reused: 'inline' });
  delete json.$schema;
  return withNullableShorthand(json) as JsonSchema;
}

/**
 * zod writes `x.nullable()` as `anyOf: [x, {type: 'null'}]`, which fast-json-stringify can only
 * serialize by validating each value against the branches; `nullable: true` on the branch says
 * the same and is written directly.
 */
function withNullableShorthand(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullableShorthand);
  if (node === null || typeof node !== 'object') return node;
  const object = node as JsonSchema;
  const branches = object.anyOf;
  if (Array.isArray(branches) && branches.length === 2 && Object.keys(object).length === 1) {
    const other = branches.find((b: JsonSchema) => b.type !== 'null');
    if (other && branches.some((b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1)) {
      return { ...(withNullableShorthand(other) as JsonSchema), nullable: true };
    }
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, withNullableShorthand(value)]));
}

/** Serializers not built yet, each built at its route's first reply; weak, so that an app of a test that is gone is not kept. */
const unbuilt = new Set<WeakRef<() => unknown>>();

/**
 * The JSON Schema is made (and checked) at start; fast-json-stringify compiles it at the route's
 * first reply: compiling every route's serializer was about an eighth of the server's start-up.
 */
export const replySerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema, method, url, httpStatus }) => {
  const where = `reply schema of ${method} ${url} (${httpStatus})`;
  let json: JsonSchema;
  try {
    json = replyJsonSchema(schema);
  } catch (error) {
    throw new Error(`${where} has no JSON Schema form`, { cause: error });
  }
  let serialize: ((data: unknown) => string) | null = null;
  const build = () => {
    unbuilt.delete(ref);
    try {
      return (serialize ??= fastJson(json) as (data: unknown) => string);
    } catch (error) {
      throw new Error(`${where} cannot be compiled`, { cause: error });
    }
  };
  const ref = new WeakRef(build);
  unbuilt.add(ref);
  return (data: unknown) => (serialize ?? build())(data);
};

/** Builds every serializer not built yet (a test shows that each route's can be). */
export function buildReplySerializers(): void {
  for (const ref of [...unbuilt]) {
    unbuilt.delete(ref);
    ref.deref()?.();
  }
}
