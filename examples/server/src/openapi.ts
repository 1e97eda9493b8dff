/** The OpenAPI 3.1 description of the service, served at GET /openapi.json. */

const problem = { $ref: '#/components/schemas/Problem' };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: {
          400: 'Malformed JSON, or a body or query of the wrong shape (see problems); a bad cursor',
          401: 'No token, or a token that is not valid',
          403: 'The actor may not do this (the engine says why)',
          404: 'No such instance or flow',
          409: 'Someone else acted first (version conflict, task no longer open, process ended, gate closed)',
          422: 'The data does not fit the flow (unknown field, invalid value, required missing)',
          503: 'The database cannot be reached',
        }[c],
        content: { 'application/problem+json': { schema: problem } },
      },
    ]),
  );
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: object, required = true) => ({ required, content: { 'application/json': { schema } } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });
const pageParams = (max: number) => [
  query('limit', { type: 'integer', minimum: 1, maximum: max, default: 50 }, 'Page size'),
  query('cursor', { type: 'string' }, "The 'next' of the previous page"),
];
const pageOf = (items: object) => ({ type: 'object', required: ['items', 'next'], properties: { items: { type: 'array', items }, next: { type: ['string', 'null'], description: 'Cursor of the next page; null on the last page' } } });
const commandResult = { $ref: '#/components/schemas/CommandResult' };

/** The document. */
export function openApiDocument(maxPage: number): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'CRM Flow reference service',
      version: '0.1.0',
      description:
        'The CRM Flow runtime over the PostgreSQL store (PGlite without DATABASE_URL). Every endpoint but /health and /openapi.json needs a Bearer JWT (HS256) whose `sub` is the actor id and `roles` its roles; the actor is never read from the body. Refusals are problem objects with the engine’s plain-language message.',
    },
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { summary: 'Liveness', security: [], responses: { 200: ok('Up') } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { 200: ok('OpenAPI 3.1') } } },
      '/flows': {
        get: { summary: 'Deployed flow versions', responses: { 200: ok('Definitions', { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }), ...errors(401) } },
        post: {
          summary: 'Deploy a flow version (administrators)',
          requestBody: body({ type: 'object', description: 'A flow definition (the runtime’s JSON format)' }),
          responses: { 201: ok('Deployed'), 200: ok('Exactly this definition was deployed already'), ...errors(400, 401, 403, 409) },
        },
      },
      '/flows/{flowId}/instances': {
        post: {
          summary: 'Start an instance',
          parameters: [path('flowId')],
          requestBody: body({ type: 'object', additionalProperties: false, properties: { data: { type: 'object' }, version: { type: 'integer', minimum: 1 } } }, false),
          responses: { 201: ok('Started', commandResult), ...errors(400, 401, 403, 404, 422) },
        },
      },
      '/instances': {
        get: {
          summary: 'Instances by start time, filtered and paged',
          parameters: [
            query('flowId', { type: 'string' }, 'Only this flow'),
            query('status', { type: 'string', enum: ['active', 'incident', 'completed', 'cancelled'] }, 'Only this status'),
            query('parentId', { type: 'string' }, 'Only sub-flows of this instance'),
            ...pageParams(maxPage),
          ],
          responses: { 200: ok('A page of instance summaries', pageOf({ type: 'object' })), ...errors(400, 401) },
        },
      },
      '/instances/{instanceId}': { get: { summary: 'An instance’s state', parameters: [path('instanceId')], responses: { 200: ok('State'), ...errors(401, 404) } } },
      '/instances/{instanceId}/tasks': { get: { summary: 'Open tasks of one instance the actor may do', parameters: [path('instanceId')], responses: { 200: ok('Task views'), ...errors(401, 404) } } },
      '/instances/{instanceId}/history': { get: { summary: 'Audit trail in plain language', parameters: [path('instanceId')], responses: { 200: ok('History entries'), ...errors(401, 404) } } },
      '/tasks': {
        get: {
          summary: 'The actor’s work list, by open time, paged (from indexed open-task rows)',
          parameters: pageParams(maxPage),
          responses: { 200: ok('A page of task views', pageOf({ type: 'object' })), ...errors(400, 401) },
        },
      },
      '/instances/{instanceId}/tasks/{taskId}/complete': {
        post: {
          summary: 'Complete a task',
          parameters: [path('instanceId'), path('taskId')],
          requestBody: body({ type: 'object', additionalProperties: false, properties: { data: { type: 'object' }, expectedSeq: { type: 'integer', minimum: 0, description: 'The seq of the view the actor saw: a change since is a 409' } } }, false),
          responses: { 200: ok('Completed', commandResult), ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      '/instances/{instanceId}/data': {
        post: {
          summary: 'Save data without completing a task',
          parameters: [path('instanceId')],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['data'], properties: { data: { type: 'object' }, expectedSeq: { type: 'integer', minimum: 0 } } }),
          responses: { 200: ok('Saved', commandResult), ...errors(400, 401, 403, 404, 409, 422) },
        },
      },
      '/instances/{instanceId}/cancel': {
        post: {
          summary: 'Cancel an instance (roles the engine allows to cancel)',
          parameters: [path('instanceId')],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1 } } }),
          responses: { 200: ok('Cancelled', commandResult), ...errors(400, 401, 403, 404, 409) },
        },
      },
      '/feed': {
        get: {
          summary: 'The global event feed (administrators and integrations): every event once, gap-free',
          parameters: [query('after', { type: 'string' }, "The 'next' of the previous page"), query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, 'Page size')],
          responses: { 200: ok('Events', { type: 'object', required: ['events', 'next'], properties: { events: { type: 'array', items: { type: 'object' } }, next: { type: 'string' } } }), ...errors(400, 401, 403) },
        },
      },
      '/feed/cursors/{subscriber}': {
        get: { summary: 'A subscriber’s saved feed position', parameters: [path('subscriber')], responses: { 200: ok('Position', { type: 'object', properties: { subscriber: { type: 'string' }, position: { type: ['string', 'null'] } } }), ...errors(400, 401, 403) } },
        put: {
          summary: 'Save a subscriber’s feed position',
          parameters: [path('subscriber')],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['position'], properties: { position: { type: 'string' } } }),
          responses: { 204: { description: 'Saved' }, ...errors(400, 401, 403) },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['status', 'code', 'message'],
          properties: {
            status: { type: 'integer' },
            code: { type: 'string', description: 'An engine error code (NOT_PERMITTED, VERSION_CONFLICT, …) or the service’s own (UNAUTHENTICATED, INVALID_JSON, INVALID_REQUEST, NOT_FOUND)' },
            message: { type: 'string', description: 'Plain language' },
            problems: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            details: { type: 'object' },
          },
        },
        CommandResult: {
          type: 'object',
          required: ['instance', 'events', 'related'],
          properties: { instance: { type: 'object', description: 'The instance state after the command' }, events: { type: 'array', items: { type: 'object' } }, related: { type: 'array', items: { type: 'object' } } },
        },
      },
    },
  };
}
