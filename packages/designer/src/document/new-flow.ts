/**
 * New flows and imports, with ids and versions handled by the product: a
 * new flow (blank, from a template, or a copy of a published flow) starts at
 * version 1 under an id made from its name and unique among the host's
 * flows; an imported file's version is never trusted — the file becomes the
 * next draft of its flow, or a new flow at version 1 when its id is new.
 */
import { Flow as FlowSchema, formatEngineText, parseFlow, parseJsonText, textSizeProblem, type Catalog, type Flow, type LocalizedText, type Problem } from '@crm/flow-runtime';
import { DEFAULT_LANE_SIZE, LANE_HEADER_WIDTH, NODE_SIZE } from './geometry.js';

/** The longest flow id the schema accepts. */
const MAX_ID = 64;

/** Turns text in another script into Latin letters (e.g. Chinese into pinyin, "退货退款" → "tui huo tui kuan"). */
export type Romanize = (text: string) => string;

const HAN = /\p{Script=Han}/u;

/**
 * A flow id made from a name: its English words in lower case joined by
 * `-` ("Return & refund" → `return-refund`); a name with Chinese in it is
 * first romanized when `romanize` is given ("退货退款" → `tui-huo-tui-kuan`,
 * "VIP 退货" → `vip-tui-huo`), else its Chinese is left out (`flow` when
 * nothing is left); `-2`, `-3`…
 * are added until it is not among `taken`.
 */
export function flowIdFromName(name: Pick<LocalizedText, 'en'> | string, taken: Iterable<string>, romanize?: Romanize): string {
  let text = typeof name === 'string' ? name : name.en;
  if (romanize && HAN.test(text)) text = romanize(text);
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let stem = words.join('-').replace(/^[^a-z]+/, '');
  if (!stem) stem = 'flow';
  stem = stem.slice(0, MAX_ID - 4).replace(/-+$/, '');
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/**
 * A name in both languages from what a user typed: the English is required
 * by the format, so a name typed only in Chinese stands in for it too.
 * Returns undefined when both are empty.
 */
export function flowName(en: string, zh: string): LocalizedText | undefined {
  const e = en.trim();
  const z = zh.trim();
  if (!e && !z) return undefined;
  return { en: e || z, ...(z ? { zh: z } : {}) };
}

/** What a blank flow is made from. */
export interface BlankFlowInput {
  name: LocalizedText;
  /** The departments to draw as lanes, top to bottom (at least one). */
  departments: readonly string[];
  /** Ids already in use (published flows and drafts). */
  taken: Iterable<string>;
  /** The catalog the flow is written for (its id is recorded in the flow). */
  catalog?: Pick<Catalog, 'id' | 'departments'>;
  /** Romanizes a name with no Latin letters for the id (see {@link flowIdFromName}). */
  romanize?: Romanize;
}

/**
 * A blank flow at version 1: the chosen departments as lanes, a start at
 * the left of the first lane and an end at its right, not yet connected.
 * Throws when no department is chosen or one is not in the catalog.
 */
export function blankFlow(input: BlankFlowInput): Flow {
  if (input.departments.length === 0) throw new Error('A new flow needs at least one department for its lanes.');
  const known = input.catalog ? new Set(input.catalog.departments.map((d) => d.id)) : undefined;
  const unknown = known ? input.departments.filter((d) => !known.has(d)) : [];
  if (unknown.length) throw new Error(`Department ${unknown.map((d) => `'${d}'`).join(', ')} is not in the catalog.`);
  const first = input.departments[0]!;
  const middle = (kind: 'start' | 'end') => Math.round((DEFAULT_LANE_SIZE - NODE_SIZE[kind].height) / 2);
  return {
    id: flowIdFromName(input.name, input.taken, input.romanize),
    version: 1,
    name: { ...input.name },
    ...(input.catalog?.id ? { catalog: input.catalog.id } : {}),
    data: {},
    nodes: [
      { id: 'start', kind: 'start', name: { en: 'Start', zh: '开始' }, department: first },
      { id: 'end', kind: 'end', name: { en: 'Done', zh: '完成' }, department: first },
    ],
    edges: [],
    layout: {
      lanes: [...new Set(input.departments)].map((department) => ({ department, size: DEFAULT_LANE_SIZE })),
      nodes: { start: { x: LANE_HEADER_WIDTH + 40, y: middle('start') }, end: { x: LANE_HEADER_WIDTH + 320, y: middle('end') } },
    },
  };
}

/**
 * A new flow copied from a template or a published flow: the same steps,
 * connections, data and controls under a new name, a new id made from it,
 * at version 1 (no deploy override is carried over).
 */
export function copyFlow(source: Flow, input: { name: LocalizedText; taken: Iterable<string>; romanize?: Romanize }): Flow {
  const { deployOverride: _override, $schema: _schema, ...rest } = structuredClone(source);
  return { ...rest, id: flowIdFromName(input.name, input.taken, input.romanize), version: 1, name: { ...input.name } };
}

/** A flow the host knows: its published versions and its draft, if any. */
export interface KnownFlow {
  flowId: string;
  name: LocalizedText;
  /** The newest published version; absent when the flow is only a draft. */
  latest?: number;
  /** The draft being edited, if any. */
  draft?: { version: number; name: LocalizedText; updatedAt?: number; updatedBy?: string };
}

/** What an import will do, to confirm before doing it. */
export interface ImportPlan {
  /** The imported flow with the id and version the product gives it. */
  flow: Flow;
  /** The version the file carried (ignored). */
  fileVersion: number;
  /**
   * `new-flow`: no flow has this id; it becomes a new flow at version 1.
   * `new-draft`: it becomes the next draft of a published flow that has no draft.
   * `replace-draft`: it replaces the flow's draft (which is lost).
   */
  kind: 'new-flow' | 'new-draft' | 'replace-draft';
  /** The flow it goes to, when it exists. */
  target?: KnownFlow;
}

/**
 * Plans the import of a flow file: the file's version is never trusted.
 * Its flow becomes the next draft of the flow with its id (one above the
 * newest published version, replacing a draft there is), or a new flow at
 * version 1 when no flow has its id.
 */
export function planImport(file: Flow, known: readonly KnownFlow[]): ImportPlan {
  const target = known.find((k) => k.flowId === file.id);
  const fileVersion = file.version;
  if (!target) return { flow: { ...structuredClone(file), version: 1 }, fileVersion, kind: 'new-flow' };
  const version = (target.latest ?? 0) + 1;
  return { flow: { ...structuredClone(file), version }, fileVersion, kind: target.draft ? 'replace-draft' : 'new-draft', target };
}

/**
 * The version a draft is published as: one above the newest published
 * version (1 for a new flow), whatever the draft says.
 */
export function nextVersion(latest: number | undefined): number {
  return (latest ?? 0) + 1;
}

/** What reading a flow file gives: the flow, or what is wrong with the file in the reader's language. */
export type FlowFileRead = { ok: true; flow: Flow } | { ok: false; message: string; problem?: Problem };

/** A definition problem in the reader's language: the parser's English, or its code's Chinese with where it is. */
function problemText(p: Problem, locale: 'en' | 'zh'): string {
  return locale === 'zh' ? `${formatEngineText(`problem.${p.code}`, {}, { locale: 'zh' }).replace(/。$/, '')}（位置：${p.path || '/'}）。` : p.message;
}

/**
 * Reads a flow file's text: the flow when it is JSON of a flow's shape,
 * else what is wrong with it (the JSON error, or the first problem the
 * parser names), in `locale` (default English). A flow of the right shape
 * that the editor could not hold is refused too: two steps, connections,
 * lanes or variables with one id (FLOW_E020: every command addresses them
 * by id), or text no store keeps — a NUL or half of a surrogate pair
 * (FLOW_E017: the draft could never be published). Other problems (a
 * connection to a missing step, an unknown role) are imported, for the
 * editor to show and fix.
 */
export function readFlowFile(text: string, locale: 'en' | 'zh' = 'en'): FlowFileRead {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: problemText(json.problem, locale), problem: json.problem };
  const shape = FlowSchema.safeParse(json.value);
  const parsed = parseFlow(json.value);
  const problems = parsed.ok ? [] : parsed.problems;
  const hazard = shape.success ? problems.find((p) => p.code === 'FLOW_E017' || p.code === 'FLOW_E020') : problems[0];
  if (hazard) return { ok: false, message: problemText(hazard, locale), problem: hazard };
  if (shape.success) return { ok: true, flow: shape.data as Flow };
  return { ok: false, message: shape.error.issues[0]?.message ?? '' };
}

/**
 * {@link readFlowFile} for a file a person picked: one larger than a
 * definition may be is refused from its size, before it is read (a 1 GB
 * file read whole would hold the page and its memory).
 */
export async function readFlowBlob(file: Pick<Blob, 'size' | 'text'>, locale: 'en' | 'zh' = 'en'): Promise<FlowFileRead> {
  const tooBig = textSizeProblem(file.size);
  if (tooBig) return { ok: false, message: problemText(tooBig, locale), problem: tooBig };
  return readFlowFile(await file.text(), locale);
}
