import * as z from 'zod/mini';
import { described, EnumOption, FieldType, Id, ItemField, JsonLogicRule, LocalizedNote, LocalizedParagraph, LocalizedText } from './common.js';

/** A dotted data path such as `customer.creditLimit` or `order.lines`. */
export const DataPath = described(
  z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'a data path is names joined by dots, such as customer.creditLimit')),
  'A dotted path into the flow data, such as customer.creditLimit.',
);

/** A process variable of the flow's data schema. `record` holds one CRM record of `entity`. */
export const Variable = z.strictObject({
  type: z.union([FieldType, z.literal('record')]),
  entity: described(z.optional(Id), 'For record and reference variables: the entity.'),
  name: z.optional(LocalizedText),
  options: z.optional(z.array(EnumOption).check(z.maxLength(500))),
  itemFields: z.optional(z.array(ItemField).check(z.maxLength(200))),
});
export type Variable = z.infer<typeof Variable>;

const nodeBase = {
  id: Id,
  name: LocalizedText,
  description: z.optional(LocalizedParagraph),
  department: described(z.optional(Id), 'The department (swimlane) the step belongs to.'),
  notes: described(z.optional(z.array(LocalizedNote).check(z.maxLength(100))), 'Notes and open questions left for later, each plain text or in English and Chinese.'),
};

/** Where the flow begins; `roles` may start it (everyone when absent). */
export const StartNode = z.strictObject({ ...nodeBase, kind: z.literal('start'), roles: z.optional(z.array(Id).check(z.maxLength(100))) });
/** Where a path ends, optionally with an outcome such as `approved`. */
export const EndNode = z.strictObject({ ...nodeBase, kind: z.literal('end'), outcome: z.optional(Id) });

/** Hours of an SLA or timer: a rule over the data, or a number from 0 to 87,600 (ten years). */
export const Hours = JsonLogicRule.check(
  z.refine((v) => typeof v !== 'number' || (Number.isFinite(v) && v >= 0 && v <= 87_600), {
    message: 'hours must be a number from 0 to 87,600 (ten years) or a rule',
  }),
);

/** A service-level agreement on a task: hours (a number or a rule over the data) and whom to alert when it passes. */
export const Sla = z.strictObject({
  hours: Hours,
  escalateTo: described(z.optional(Id), 'The role alerted when the SLA passes.'),
});
export type Sla = z.infer<typeof Sla>;

/** A human step: opens `window` on the record held in `record`, done by one of `roles`. */
export const TaskNode = z.strictObject({
  ...nodeBase,
  kind: z.literal('task'),
  roles: z.optional(z.array(Id).check(z.maxLength(100))),
  window: z.optional(Id),
  record: described(z.optional(Id), "The record variable the window opens; defaults to the only variable of the window's entity."),
  fields: described(z.optional(z.array(DataPath).check(z.maxLength(200))), 'Process variables (outside the window) this step edits.'),
  required: described(z.optional(z.array(DataPath).check(z.maxLength(200))), 'Data paths that must have a value when the step is completed.'),
  mandatory: z.optional(z.boolean()),
  sla: z.optional(Sla),
  notSameActorAs: described(z.optional(z.array(Id).check(z.maxLength(20))), 'Steps whose actor may not do this one (separation of duties).'),
});

/** An exclusive choice: outgoing edges are tried in order, the first true guard wins, else the default edge. */
export const DecisionNode = z.strictObject({ ...nodeBase, kind: z.literal('decision'), question: z.optional(LocalizedText) });
/** Splits into all outgoing branches. */
export const ParallelNode = z.strictObject({ ...nodeBase, kind: z.literal('parallel') });
/** Waits for every incoming branch. */
export const JoinNode = z.strictObject({ ...nodeBase, kind: z.literal('join') });

/** Waits until `until` holds on the data, or the timer fires, whichever is first. */
export const WaitNode = z.strictObject({
  ...nodeBase,
  kind: z.literal('wait'),
  until: z.optional(JsonLogicRule),
  timer: z.optional(z.strictObject({ hours: Hours })),
});

/** An assignment of a system step: `target` gets the value of the rule. */
export const Assignment = z.strictObject({ target: DataPath, value: JsonLogicRule });
export type Assignment = z.infer<typeof Assignment>;

/** An alert sent to roles. */
export const AlertSpec = z.strictObject({
  message: LocalizedText,
  to: z.array(Id).check(z.minLength(1), z.maxLength(50)),
  severity: z.optional(z.enum(['info', 'warning', 'critical'])),
});
export type AlertSpec = z.infer<typeof AlertSpec>;

/** An automatic step: assigns data and may raise an alert. */
export const SystemNode = z.strictObject({
  ...nodeBase,
  kind: z.literal('system'),
  assign: z.optional(z.array(Assignment).check(z.maxLength(100))),
  alert: z.optional(AlertSpec),
});

/** Runs another flow and maps data in (child variable ← rule over ours) and out (our path ← rule over the child's). */
export const SubflowNode = z.strictObject({
  ...nodeBase,
  kind: z.literal('subflow'),
  flow: Id,
  version: described(z.optional(z.int().check(z.minimum(1))), 'A pinned version; the latest published when absent.'),
  input: z.optional(z.record(Id, JsonLogicRule)),
  output: z.optional(z.record(DataPath, JsonLogicRule)),
});

export const NODE_KINDS = ['start', 'end', 'task', 'decision', 'parallel', 'join', 'wait', 'system', 'subflow'] as const;
/** A node kind. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Any node of a flow, told apart by `kind`. */
export const FlowNode = z.discriminatedUnion('kind', [
  StartNode,
  EndNode,
  TaskNode,
  DecisionNode,
  ParallelNode,
  JoinNode,
  WaitNode,
  SystemNode,
  SubflowNode,
]);
export type FlowNode = z.infer<typeof FlowNode>;
export type StartNode = z.infer<typeof StartNode>;
export type EndNode = z.infer<typeof EndNode>;
export type TaskNode = z.infer<typeof TaskNode>;
export type DecisionNode = z.infer<typeof DecisionNode>;
export type ParallelNode = z.infer<typeof ParallelNode>;
export type JoinNode = z.infer<typeof JoinNode>;
export type WaitNode = z.infer<typeof WaitNode>;
export type SystemNode = z.infer<typeof SystemNode>;
export type SubflowNode = z.infer<typeof SubflowNode>;

/** How the next window's record relates to this one's, e.g. order.customer = customer.id. */
export const RecordLink = z.strictObject({
  entity: Id,
  field: Id,
  equals: DataPath,
});
export type RecordLink = z.infer<typeof RecordLink>;

/** A transition between two nodes. */
export const FlowEdge = z.strictObject({
  id: Id,
  source: Id,
  target: Id,
  guard: z.optional(JsonLogicRule),
  default: z.optional(z.boolean()),
  label: z.optional(LocalizedText),
  recordLink: z.optional(RecordLink),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

/**
 * A flow-level control point, checked after every data change: an `alert`
 * notifies roles when `when` starts to hold; a `gate` blocks the steps in
 * `blocks` while it holds.
 */
export const Control = z.strictObject({
  id: Id,
  kind: z.enum(['alert', 'gate']),
  name: LocalizedText,
  when: JsonLogicRule,
  message: LocalizedText,
  notify: z.optional(z.array(Id).check(z.maxLength(50))),
  blocks: z.optional(z.array(Id).check(z.maxLength(200))),
  severity: z.optional(z.enum(['info', 'warning', 'critical'])),
});
export type Control = z.infer<typeof Control>;

/** Where the designer drew things; the runtime ignores it. */
export const Layout = z.strictObject({
  nodes: z.optional(z.record(Id, z.strictObject({ x: z.number(), y: z.number(), width: z.optional(z.number()), height: z.optional(z.number()) }))),
  lanes: z.optional(z.array(z.strictObject({ department: Id, size: z.optional(z.number().check(z.positive())) })).check(z.maxLength(200))),
});
export type Layout = z.infer<typeof Layout>;

/**
 * A recorded decision to deploy a flow although the deploy check finds it
 * unsafe: who decided, why, and which rules' findings are accepted. The
 * engine deploys it only with this in the definition, and every case on the
 * version says so in its history. Running still enforces what it can
 * (a mandatory step skipped is held as an incident).
 */
export const DeployOverride = described(
  z.strictObject({
    by: described(z.string().check(z.minLength(1), z.maxLength(200)), 'Who decided to deploy despite the findings (name or user id).'),
    reason: described(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), 'Why the flow must be deployed anyway.'),
    rules: described(
      z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'a rule id such as mandatory-not-bypassed'))).check(z.minLength(1), z.maxLength(20)),
      'The deploy-blocking rules whose findings are accepted, e.g. mandatory-not-bypassed.',
    ),
  }),
  'Deploy although the deploy check refuses: who, why, and which rules are accepted. Shown in the history of every case on this version.',
);
export type DeployOverride = z.infer<typeof DeployOverride>;

/** A process definition. */
export const Flow = z.strictObject({
  $schema: z.optional(z.string()),
  id: Id,
  version: z.int().check(z.minimum(1)),
  name: LocalizedText,
  description: z.optional(LocalizedParagraph),
  catalog: described(z.optional(Id), 'The id of the catalog the flow was written for.'),
  data: z.record(Id, Variable),
  nodes: z.array(FlowNode).check(z.maxLength(100_000)),
  edges: z.array(FlowEdge).check(z.maxLength(200_000)),
  controls: z.optional(z.array(Control).check(z.maxLength(500))),
  layout: z.optional(Layout),
  deployOverride: z.optional(DeployOverride),
});
export type Flow = z.infer<typeof Flow>;
