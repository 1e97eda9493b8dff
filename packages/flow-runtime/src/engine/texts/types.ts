/**
 * The shapes of engine texts: a key into the message catalog and arguments
 * that are plain JSON, so a refusal or an event can travel (over HTTP, into a
 * store) and still be rendered in the reader's language later.
 */
import type { Catalog } from '../../schema/catalog.js';
import type { LocalizedText } from '../../schema/common.js';

/** A languages the engine's texts exist in. */
export type TextLocale = 'en' | 'zh';

/**
 * One argument of an engine text. Plain strings and numbers are shown as
 * they are (numbers formatted for the locale); the objects are rendered by
 * kind, in the reader's language:
 *
 * - `text`: a phrase given in both languages;
 * - `msg`: a nested engine text (its own key and arguments);
 * - `step`: a step by its name (`'Credit check'`, `“信用审核”`);
 * - `field`: a data path by its catalog name (`the customer's credit limit`, `客户的信用额度`);
 * - `roles`: role ids, named from the catalog given to the renderer, else from `names`;
 * - `actor`: a person, with their roles;
 * - `time`: a moment (ms since the epoch), in the reader's locale and time zone;
 * - `value`: a data value, shown briefly (with `type` `date` or `datetime`, as a date or time in the reader's locale and zone);
 * - `list`: several arguments joined ("a, b and c", "a、b和c"; `semi`: "a; b", `lines`: one per line).
 */
export type TextArg =
  | string
  | number
  | boolean
  | { kind: 'text'; en: string; zh?: string }
  | { kind: 'msg'; key: string; args?: EngineTextArgs }
  | { kind: 'step'; id: string; name?: LocalizedText }
  | { kind: 'field'; path: string; name?: LocalizedText; owner?: LocalizedText }
  | { kind: 'roles'; ids: string[]; names?: Record<string, LocalizedText>; join?: 'or' | 'and' }
  | { kind: 'actor'; id: string; name?: string; roles?: string[]; roleNames?: Record<string, LocalizedText>; system?: boolean }
  | { kind: 'time'; at: number }
  | { kind: 'value'; value: unknown; type?: string }
  | { kind: 'list'; items: TextArg[]; join?: 'or' | 'and' | 'lines' | 'semi' };

/** Named arguments of an engine text. */
export type EngineTextArgs = { [name: string]: TextArg | undefined };

/** A text the engine produced: a key of the message catalog and its arguments. */
export interface EngineText {
  key: string;
  args: EngineTextArgs;
}

/** The arguments as an entry's function sees them: each rendered in the reader's language, and the raw values. */
export interface RenderedArgs {
  /** The key asked for (`problem.FLOW_E021`), which may be longer than the entry's own (`problem`). */
  readonly key: string;
  /** Each argument rendered (missing ones are the empty string). */
  readonly s: Readonly<Record<string, string>>;
  /** The arguments as given. */
  readonly raw: EngineTextArgs;
  /** Whether an argument was given (and is not an empty list). */
  has(name: string): boolean;
}

/**
 * One language of an entry: a template with `{name}` placeholders, or a
 * function of the rendered arguments (for optional parts and plurals).
 */
export type TextTemplate = string | ((a: RenderedArgs) => string);

/** An entry of the message catalog: the text in English and Chinese. */
export interface TextEntry {
  en: TextTemplate;
  zh: TextTemplate;
}

/**
 * An entry of the engine's own catalog (`ENGINE_TEXTS`): its English, and
 * its Chinese where the catalog at hand has it (the root entry's does; the
 * `/engine` entry's Chinese is `ENGINE_TEXTS_ZH`).
 */
export interface CatalogEntry {
  en: TextTemplate;
  zh?: TextTemplate;
}

/** Options of {@link formatEngineText}. */
export interface FormatTextOptions {
  /** `en` or `zh` (`zh-CN`, `en-US` and the like are accepted). Default `en`. */
  locale?: string;
  /** IANA time zone for times (`Asia/Shanghai`). Default: the runtime's own zone. */
  timeZone?: string;
  /** The CRM catalog: roles are named from it. */
  catalog?: Pick<Catalog, 'roles'>;
  /**
   * Extra or replacement entries, by key (a host's own wording, or texts of
   * its own). An entry may give one language only: `ENGINE_TEXTS_ZH` (from
   * `@crm/flow-runtime/engine/zh`) gives the engine's texts their Chinese.
   */
  texts?: Readonly<Record<string, Partial<TextEntry>>>;
}
