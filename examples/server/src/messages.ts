/**
 * The service's own words (the engine's refusals come with its messages), in
 * English and Chinese; the request's Accept-Language picks one.
 */
export type Lang = 'en' | 'zh';

const TEXT = {
  'auth.missing': { en: 'Sign in first: send an Authorization header with a Bearer token.', zh: '请先登录：在 Authorization 头中发送 Bearer 令牌。' },
  'auth.invalid': { en: 'The token is not valid (bad signature, expired or malformed); sign in again.', zh: '令牌无效（签名错误、已过期或格式不对），请重新登录。' },
  'auth.claims': { en: "The token does not say who you are: it needs 'sub' and a 'roles' list of strings.", zh: "令牌未说明您的身份：需要 'sub' 和字符串列表 'roles'。" },
  'body.json': { en: 'The request body is not valid JSON.', zh: '请求正文不是有效的 JSON。' },
  'body.invalid': { en: 'The request does not have the expected shape; see problems.', zh: '请求的结构不符合要求，详见 problems。' },
  'feed.subscriber': { en: 'A subscriber name is 1 to 200 characters of text without a NUL character.', zh: '订阅者名称须为 1 到 200 个字符的文本，且不含空字符。' },
  'feed.forbidden': { en: 'Only an administrator or an integration may read the event feed.', zh: '只有管理员或集成账户可以读取事件流。' },
  'not.found': { en: 'There is no such endpoint.', zh: '没有这个接口。' },
  'store.down': { en: 'The database cannot be reached right now; try again shortly.', zh: '暂时无法连接数据库，请稍后重试。' },
  'server.error': { en: 'Something went wrong on the server.', zh: '服务器出错了。' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof TEXT;

/** The message in the language. */
export function t(key: MessageKey, lang: Lang): string {
  return TEXT[key][lang];
}

/** The language an Accept-Language header prefers (Chinese when it comes first, else English). */
export function langOf(header: string | undefined): Lang {
  if (!header) return 'en';
  const first = header.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('zh') ? 'zh' : 'en';
}
