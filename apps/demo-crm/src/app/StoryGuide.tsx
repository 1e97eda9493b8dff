/**
 * The guide of a running story: its steps, and what the case waits for now
 * with a one-click switch to the role that must act. Follows the story's
 * case (and the sub-flows it starts).
 */
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { isDemoRole } from '../runtime/actors';
import { roleName } from '../windows/catalog-lookup';
import { SlaBadge, slaState } from '../components/bits';
import { outcomeName } from '../components/outcome';
import { useApp, useQuery } from './context';
import { useState } from 'react';
import { href, navigate, useRoute } from './router';

export interface ActiveStory {
  id: 'approve-customer' | 'credit-alert' | 'complaint-sla';
  instanceId: string;
}

const TITLES: Record<ActiveStory['id'], MessageKey> = {
  'approve-customer': 'home.s1.title',
  'credit-alert': 'home.s2.title',
  'complaint-sla': 'home.s3.title',
};

const STEPS: Record<ActiveStory['id'], MessageKey[]> = {
  'approve-customer': ['home.s1.step1', 'home.s1.step2', 'home.s1.step3'],
  'credit-alert': ['home.s2.step1', 'home.s2.step2', 'home.s2.step3'],
  'complaint-sla': ['home.s3.step1', 'home.s3.step2', 'home.s3.step3'],
};

export function StoryGuide({ story, onClose }: { story: ActiveStory; onClose: () => void }) {
  const app = useApp();
  const route = useRoute();
  // Folded by default where the story does not happen (the designer needs the room).
  const [folded, setFolded] = useState<boolean | undefined>();
  const min = folded ?? (route[0] === 'flows' || route[0] === 'dashboard');
  const setMin = (v: boolean) => setFolded(v);
  // The story's steps where it happens (home, inbox, a task, its case); elsewhere only what it waits for now, so lists keep their room.
  const showSteps = ['home', 'inbox', 'task', 'instance'].includes(route[0] ?? 'home');
  const i18n = useI18n();
  const { t, lt } = i18n;
  const now = useQuery(
    async ({ rt }) => {
      const ids = [story.instanceId];
      const open = [];
      let root;
      let ended;
      while (ids.length) {
        const id = ids.shift()!;
        const s = await rt.engine.instance(id);
        root ??= s;
        ids.push(...s.children);
        const flow = await rt.engine.definition(s.flowId, s.version);
        if (s === root) ended = outcomeName(flow, s);
        for (const task of Object.values(s.tasks)) {
          if (task.status !== 'open') continue;
          open.push({ instanceId: id, task, name: flow.nodes.find((n) => n.id === task.nodeId)?.name });
        }
      }
      return { root: root!, open, ended };
    },
    [story.instanceId],
  );
  return (
    <aside className={`story-guide${min ? ' min' : ''}`} aria-label={t('story.label')} data-testid="story-guide">
      <header>
        <strong>{t(TITLES[story.id])}</strong>
        <span className="tools">
          <button type="button" className="link small" onClick={() => setMin(!min)} aria-label={min ? t('story.expand') : t('story.minimize')} title={min ? t('story.expand') : t('story.minimize')}>
            {min ? '▴' : '▾'}
          </button>
          <button type="button" className="link small" onClick={onClose} aria-label={t('story.close')} title={t('story.close')}>
            ✕
          </button>
        </span>
      </header>
      {!min && (
        <>
      {showSteps && (
        <ol data-testid="story-steps">
          {STEPS[story.id].map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ol>
      )}
      {now && (
        <div className="story-now">
          {now.root.status === 'completed' ? (
            <p>
              {t('story.done', { outcome: now.ended ? lt(now.ended) : '' })} <a href={href('instance', story.instanceId)}>{t('task.seeCase')}</a>
            </p>
          ) : (
            now.open.map(({ instanceId, task, name }) => {
              const role = task.roles.find(isDemoRole);
              const mine = task.roles.includes(app.role);
              return (
                <div key={task.taskId} className="story-next">
                  <span>
                    {t('story.next')}{i18n.locale === 'zh' ? '' : ' '}<strong>{lt(name)}</strong> — {task.roles.map((r) => roleName(r, i18n.locale)).join(i18n.locale === 'zh' ? '、' : ', ')}{' '}
                    {task.dueAt !== undefined && <SlaBadge state={slaState(task.openedAt, task.dueAt, app.now, task.escalated)} dueAt={task.dueAt} now={app.now} />}
                  </span>
                  {route[0] === 'task' && route[2] === task.taskId && route[1] === instanceId ? null : mine ? (
                    <button type="button" className="primary small" onClick={() => navigate('task', instanceId, task.taskId)}>
                      {t('story.open')}
                    </button>
                  ) : role ? (
                    <button
                      type="button"
                      className="primary small"
                      onClick={() => {
                        app.setRole(role);
                        navigate('task', instanceId, task.taskId);
                      }}
                    >
                      {t('story.switchOpen', { role: roleName(role, i18n.locale) })}
                    </button>
                  ) : null}
                </div>
              );
            })
          )}
          <p className="small">
            <a href={href('instance', story.instanceId)}>{t('story.seeCase')}</a>
          </p>
        </div>
      )}
        </>
      )}
    </aside>
  );
}
