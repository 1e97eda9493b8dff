/**
 * The catalogue of definition problems. Every problem the parser reports
 * carries one of these codes, a JSON pointer into the input and a message in
 * plain language that names the node, edge or field concerned.
 */
export const PROBLEM_CODES = {
  FLOW_E001: 'The text is not valid JSON.',
  FLOW_E002: 'The input is larger than CRM Flow accepts.',
  FLOW_E003: 'The JSON is nested deeper than CRM Flow accepts.',
  FLOW_E010: 'A required property is missing.',
  FLOW_E011: 'A value has the wrong type.',
  FLOW_E012: 'A property is not part of the format.',
  FLOW_E013: 'A value is not one of the allowed values or does not have the required form.',
  FLOW_E014: 'A text or list is too long or too short.',
  FLOW_E015: 'A node has an unknown kind.',
  FLOW_E016: 'A key is not allowed (reserved JavaScript names such as __proto__).',
  FLOW_E017: 'A text holds a character no store keeps (NUL, or half of a surrogate pair).',
  FLOW_E020: 'An id is used more than once.',
  FLOW_E021: 'A node that is referred to does not exist.',
  FLOW_E022: 'A department that is referred to does not exist in the catalog.',
  FLOW_E023: 'A role that is referred to does not exist in the catalog.',
  FLOW_E024: 'A window that is referred to does not exist in the catalog.',
  FLOW_E025: 'An entity that is referred to does not exist in the catalog.',
  FLOW_E026: 'A field that is referred to does not exist.',
  FLOW_E027: 'A variable that is referred to is not in the flow data schema.',
  FLOW_E028: "A task's window has no record variable to bind to.",
  FLOW_E029: 'The flow was written for another catalog.',
  FLOW_E030: 'A rule uses an operator that is not allowed.',
  FLOW_E031: 'A rule reads a forbidden path (__proto__, constructor, prototype).',
  FLOW_E032: 'A rule is nested too deeply.',
  FLOW_E033: 'A rule is too large.',
  FLOW_E034: 'A rule is malformed.',
  FLOW_E035: 'A rule uses an unknown operator.',
  FLOW_E040: "A field's constraint does not fit the field or can never be met.",
} as const;

/** A code from {@link PROBLEM_CODES}. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * One thing wrong with a catalog or flow definition.
 *
 * @example
 * { code: 'FLOW_E021', path: '/edges/3/target', message: "Edge 'e4' goes to node 'ship', which does not exist." }
 */
export interface Problem {
  /** A code from the catalogue {@link PROBLEM_CODES}. */
  code: ProblemCode;
  /** JSON pointer (RFC 6901) to the offending value; `''` is the whole document. */
  path: string;
  /** What is wrong, in plain language, naming the node, edge or field. */
  message: string;
}

/** The outcome of parsing: the typed value, or every problem found. */
export type ParseResult<T> = { ok: true; value: T; problems: [] } | { ok: false; problems: Problem[] };

/** Builds a JSON pointer from path segments, escaping `~` and `/` (RFC 6901). */
export function toPointer(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** Thrown by the `...OrThrow` helpers; carries every problem. */
export class FlowDefinitionError extends Error {
  readonly code = 'FLOW_DEFINITION_INVALID' as const;
  constructor(readonly problems: Problem[]) {
    super(
      `The definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.path || '/'}: ${p.message} [${p.code}]`).join('\n'),
    );
    this.name = 'FlowDefinitionError';
  }
}
