/**
 * Renders engine texts (refusals, incidents, alerts, history lines) in the
 * reader's language and time zone from a catalog key and JSON arguments.
 */
import type { LocalizedText } from '../../schema/common.js';
import type { EngineErrorDetails } from '../errors.js';
import { ENGINE_TEXTS } from './catalog.js';
import type { EngineText, EngineTextArgs, FormatTextOptions, RenderedArgs, TextArg, TextEntry, TextLocale, TextTemplate } from './types.js';

/** `zh` for `zh`, `zh-CN`, `zh-Hans`…; `en` for anything else. */
export function textLocale(locale: string | undefined): TextLocale {
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

const TAG: Record<TextLocale, string> = { en: 'en-GB', zh: 'zh-CN' };

/** True when `v` looks like an {@link EngineText}. */
export function isEngineText(v: unknown): v is EngineText {
  return typeof v === 'object' && v !== null && typeof (v as EngineText).key === 'string' && typeof (v as EngineText).args === 'object' && (v as EngineText).args !== null;
}

/**
 * Renders an engine text in the reader's language and time zone: steps and
 * fields by their names, roles by their catalog names, times in the reader's
 * zone (never raw ISO).
 *
 * Call it with an {@link EngineText} (`error.details.text`, `event.text`,
 * `entry.text`), or with a key and its arguments — or with an error's code
 * and details (`formatEngineText(e.code, e.details, { locale: 'zh' })`),
 * which renders the error's own text, or the code's general meaning when it
 * carries none.
 *
 * @example
 * formatEngineText(err.code, err.details, { locale: 'zh', timeZone: 'Asia/Shanghai', catalog });
 * // → '只有财务可以处理“信用审核”（你的角色是销售代表）。'
 */
export function formatEngineText(text: EngineText, options?: FormatTextOptions): string;
export function formatEngineText(key: string, args?: EngineTextArgs | EngineErrorDetails, options?: FormatTextOptions): string;
export function formatEngineText(a: string | EngineText, b?: EngineTextArgs | EngineErrorDetails | FormatTextOptions, c?: FormatTextOptions): string {
  let text: EngineText;
  let options: FormatTextOptions;
  if (typeof a === 'string') {
    options = c ?? {};
    const args = (b ?? {}) as EngineTextArgs & { text?: unknown };
    text = isEngineText(args.text) && (args.text.key === a || args.text.key.startsWith(`${a}.`)) ? args.text : { key: a, args: args as EngineTextArgs };
  } else {
    text = a;
    options = (b as FormatTextOptions | undefined) ?? {};
  }
  return render(String(text.key), text.args ?? {}, new Renderer(options));
}

/** Entries added for every rendering in this process (`useEngineTexts`), below a host's `texts`. */
let added: Readonly<Record<string, Partial<TextEntry>>> = {};

/**
 * Adds entries to every text the engine renders in this process — its
 * refusals, the Chinese stored with alerts, history lines — under any
 * `texts` a call passes. The root entry adds the engine's Chinese
 * (`ENGINE_TEXTS_ZH`) this way, and so does importing
 * `@crm/flow-runtime/engine/zh`.
 */
export function useEngineTexts(texts: Readonly<Record<string, Partial<TextEntry>>>): void {
  added = { ...added, ...texts };
}

/**
 * The template for `key` in `locale`: at the most precise key that has one
 * (`NOT_PERMITTED.start`, else `NOT_PERMITTED`), the host's entry's, else one added by
 * {@link useEngineTexts}, else the catalog's; in Chinese, the English when neither has Chinese.
 */
function templateOf(key: string, texts: FormatTextOptions['texts'], locale: TextLocale): TextTemplate | undefined {
  for (let k = key; ; ) {
    const host = texts?.[k];
    const more = Object.prototype.hasOwnProperty.call(added, k) ? added[k] : undefined;
    const own = Object.prototype.hasOwnProperty.call(ENGINE_TEXTS, k) ? ENGINE_TEXTS[k] : undefined;
    const en = host?.en ?? more?.en ?? own?.en;
    const t = locale === 'zh' ? (host?.zh ?? more?.zh ?? own?.zh ?? en) : en;
    if (t !== undefined) return t;
    const dot = k.lastIndexOf('.');
    if (dot < 0) return undefined;
    k = k.slice(0, dot);
  }
}

function render(key: string, args: EngineTextArgs, r: Renderer): string {
  const template = templateOf(key, r.options.texts, r.locale);
  if (template === undefined) return key;
  const rendered: Record<string, string> = {};
  const view: RenderedArgs = {
    s: new Proxy(rendered, {
      get: (_t, name) => (typeof name === 'string' ? (rendered[name] ??= args[name] === undefined ? '' : r.arg(args[name]!)) : undefined),
    }),
    key,
    raw: args,
    has: (name) => {
      const v = args[name];
      return v !== undefined && v !== '' && !(typeof v === 'object' && (v.kind === 'list' || v.kind === 'roles') && (v.kind === 'list' ? v.items.length === 0 : v.ids.length === 0));
    },
  };
  const out = typeof template === 'function' ? template(view) : template.replace(/\{(\^?)(\w+)\}/g, (_m, up: string, name: string) => (up ? upperFirst(view.s[name]!) : view.s[name]!));
  return out;
}

/** Renders arguments for one locale, time zone and catalog. */
class Renderer {
  readonly locale: TextLocale;
  private numbers?: Intl.NumberFormat;
  private times?: Intl.DateTimeFormat;
  private dates?: Intl.DateTimeFormat;
  constructor(readonly options: FormatTextOptions) {
    this.locale = textLocale(options.locale);
  }

  pick(t: { en: string; zh?: string } | undefined): string {
    if (!t) return '';
    return this.locale === 'zh' ? (t.zh ?? t.en) : t.en;
  }

  quote(s: string): string {
    return this.locale === 'zh' ? `“${s}”` : `'${s}'`;
  }

  join(items: readonly string[], how: 'or' | 'and' | 'lines' | 'semi' = 'and'): string {
    if (how === 'lines') return items.map((i) => `\n- ${i}`).join('');
    if (how === 'semi') return items.join(this.locale === 'zh' ? '；' : '; ');
    if (items.length <= 1) return items[0] ?? '';
    if (this.locale === 'zh') return `${items.slice(0, -1).join('、')}${how === 'or' ? '或' : '和'}${items[items.length - 1]}`;
    return `${items.slice(0, -1).join(', ')} ${how} ${items[items.length - 1]}`;
  }

  roleName(id: string, names?: Record<string, LocalizedText>): string {
    const named = this.options.catalog?.roles.find((r) => r.id === id)?.name ?? names?.[id];
    if (!named) return id;
    const s = this.pick(named);
    return this.locale === 'en' ? lowerFirst(s) : s;
  }

  time(at: number): string {
    if (!Number.isFinite(at) || Math.abs(at) > 8.64e15) return this.locale === 'zh' ? '未知时间' : 'an unknown time';
    this.times ??= new Intl.DateTimeFormat(TAG[this.locale], {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
    });
    const s = this.times.format(at);
    return this.options.timeZone === 'UTC' ? `${s} UTC` : s;
  }

  /** A calendar date (YYYY-MM-DD) in the reader's locale; no zone shifts it. */
  date(ymd: string): string {
    this.dates ??= new Intl.DateTimeFormat(TAG[this.locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    return this.dates.format(Date.parse(`${ymd}T00:00:00Z`));
  }

  number(n: number): string {
    this.numbers ??= new Intl.NumberFormat(TAG[this.locale], { maximumFractionDigits: 6 });
    return this.numbers.format(n);
  }

  /** One argument rendered; a malformed one (say, JSON from an older or foreign source) reads as its plain text, never throws. */
  arg(v: TextArg): string {
    try {
      return this.argOf(v);
    } catch {
      return typeof v === 'object' && v !== null ? '' : String(v);
    }
  }

  private argOf(v: TextArg): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return this.number(v);
    if (typeof v === 'boolean') return this.locale === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
    switch (v.kind) {
      case 'text':
        return this.pick(v);
      case 'msg':
        return render(v.key, v.args ?? {}, this);
      case 'step':
        return this.quote(v.name ? this.pick(v.name) : v.id);
      case 'field':
        return this.field(v);
      case 'roles':
        return this.join(
          v.ids.map((id) => this.roleName(id, v.names)),
          v.join ?? 'or',
        );
      case 'actor': {
        if (v.system && !v.name) return this.locale === 'zh' ? '系统' : 'the system';
        const name = v.name ?? v.id;
        if (!v.roles?.length) return name;
        const roles = this.join(
          v.roles.map((r) => this.roleName(r, v.roleNames)),
          'and',
        );
        return this.locale === 'zh' ? `${name}（${roles}）` : `${name} (${roles})`;
      }
      case 'time':
        return this.time(v.at);
      case 'value':
        if (typeof v.value === 'string' && v.type === 'datetime' && !Number.isNaN(Date.parse(v.value))) return this.time(Date.parse(v.value));
        if (typeof v.value === 'string' && v.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v.value)) return this.date(v.value);
        return this.value(v.value);
      case 'list':
        return this.join(
          v.items.map((i) => this.arg(i)),
          v.join ?? 'and',
        );
    }
  }

  private field(v: Extract<TextArg, { kind: 'field' }>): string {
    if (!v.name) return this.quote(v.path);
    const name = this.pick(v.name);
    if (!v.owner) return this.quote(name);
    const owner = this.pick(v.owner);
    if (this.locale === 'zh') return name.startsWith(owner) ? name : `${owner}的${name}`;
    const n = lowerFirst(name);
    const o = lowerFirst(owner);
    return n.startsWith(o) ? `the ${n}` : `the ${o}'s ${n}`;
  }

  private value(v: unknown): string {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'number') return this.number(v);
    if (typeof v === 'boolean') return this.arg(v);
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  }
}

/** "Credit check" for "credit check" (the start of a sentence). */
export function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  // Keep acronyms ("VAT number") as written.
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
