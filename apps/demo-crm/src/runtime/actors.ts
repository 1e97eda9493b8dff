/**
 * The demo's people: one per role, so the role switcher is also a user
 * switcher. Names in both languages; ids are what the engine records.
 */
import type { Actor, LocalizedText } from '@crm/flow-runtime';

/** Roles the switcher offers, in the order a flow usually meets them. */
export const DEMO_ROLES = ['sales-rep', 'sales-manager', 'finance', 'warehouse', 'service', 'general-manager', 'admin'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];

export interface DemoUser {
  id: string;
  role: DemoRole;
  name: LocalizedText & { zh: string };
}

export const DEMO_USERS: Record<DemoRole, DemoUser> = {
  'sales-rep': { id: 'li.wei', role: 'sales-rep', name: { en: 'Li Wei', zh: '李伟' } },
  'sales-manager': { id: 'zhang.min', role: 'sales-manager', name: { en: 'Zhang Min', zh: '张敏' } },
  finance: { id: 'wang.fang', role: 'finance', name: { en: 'Wang Fang', zh: '王芳' } },
  warehouse: { id: 'chen.gang', role: 'warehouse', name: { en: 'Chen Gang', zh: '陈刚' } },
  service: { id: 'liu.yang', role: 'service', name: { en: 'Liu Yang', zh: '刘洋' } },
  'general-manager': { id: 'zhao.lei', role: 'general-manager', name: { en: 'Zhao Lei', zh: '赵磊' } },
  admin: { id: 'sun.hao', role: 'admin', name: { en: 'Sun Hao', zh: '孙浩' } },
};

/**
 * Seats of the user switcher: one per role, plus a second administrator, so
 * a change an administrator authored can still be reviewed by another one
 * (the author of a flow change never approves it).
 */
export const SECOND_ADMIN: DemoUser = { id: 'qian.li', role: 'admin', name: { en: 'Qian Li', zh: '钱丽' } };
export const DEMO_SEATS = [...DEMO_ROLES, 'admin-2'] as const;
export type DemoSeat = (typeof DEMO_SEATS)[number];

export function isDemoSeat(v: unknown): v is DemoSeat {
  return typeof v === 'string' && (DEMO_SEATS as readonly string[]).includes(v);
}

/** The user in a seat of the switcher. */
export function seatUser(seat: DemoSeat): DemoUser {
  return seat === 'admin-2' ? SECOND_ADMIN : DEMO_USERS[seat];
}

/** The engine actor of a demo user. */
export function actorOf(user: DemoUser): Actor {
  return { id: user.id, roles: [user.role], name: user.name.en };
}

/** The demo user with an id (a seat's user), if any. */
export function demoUserById(id: string): DemoUser | undefined {
  return [...Object.values(DEMO_USERS), SECOND_ADMIN].find((u) => u.id === id);
}

/** A second sales rep, owner of some seeded customers. */
export const OTHER_USERS: Record<string, LocalizedText & { zh: string }> = {
  'zhou.jing': { en: 'Zhou Jing', zh: '周静' },
};

export function isDemoRole(v: unknown): v is DemoRole {
  return typeof v === 'string' && (DEMO_ROLES as readonly string[]).includes(v);
}

/** The engine actor for a role. */
export function actorFor(role: DemoRole): Actor {
  return actorOf(DEMO_USERS[role]);
}

/** The host itself: imports and record sync, not a person. */
export const SYSTEM_ACTOR: Actor = { id: 'crm-system', roles: [], name: 'CRM', system: true };

/** A user's display name by id, in the given language; the id when unknown. */
export function userName(id: unknown, locale: 'en' | 'zh'): string {
  if (typeof id !== 'string' || !id) return '';
  const demo = demoUserById(id);
  const name = demo?.name ?? OTHER_USERS[id];
  return name ? name[locale] : id;
}
