/**
 * The first screen: what the demo is and three guided stories, each one
 * click away.
 */
import { useApp, useQuery, type AppState } from '../app/context';
import { href, navigate } from '../app/router';
import { useStarter } from '../app/useStarter';
import { PageHeader } from '../components/bits';
import { STORY_CUSTOMERS } from '../db/seed-records';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { startCustomerApproval, startOrder } from '../runtime/start';

interface Story {
  id: string;
  title: MessageKey;
  text: MessageKey;
  steps: MessageKey[];
  button: MessageKey;
  go: () => void;
}

/** The seeded critical complaint whose investigation is due soonest. */
async function criticalComplaint({ rt }: AppState): Promise<string | undefined> {
  const running = await rt.engine.instances({ flowId: 'complaint-handling', status: 'active' });
  let best: { id: string; due: number } | undefined;
  for (const r of running) {
    const s = await rt.engine.instance(r.instanceId);
    const task = Object.values(s.tasks).find((x) => x.status === 'open' && x.nodeId === 'investigate' && x.dueAt !== undefined);
    if (task && (!best || task.dueAt! < best.due)) best = { id: r.instanceId, due: task.dueAt! };
  }
  return best?.id;
}

export function HomePage() {
  const { t, locale } = useI18n();
  const app = useApp();
  const seededIn = useQuery(async ({ rt }) => ((await rt.db.meta.get('seeded'))?.value as { locale?: string } | undefined)?.locale, []);
  const { start, error, busy } = useStarter();
  const stories: Story[] = [
    {
      id: 'approve-customer',
      title: 'home.s1.title',
      text: 'home.s1.text',
      steps: ['home.s1.step1', 'home.s1.step2', 'home.s1.step3'],
      button: 'home.s1.button',
      go: () => void start((ctx) => startCustomerApproval(ctx), 'sales-rep').then((s) => s && app.setStory({ id: 'approve-customer', instanceId: s.instanceId })),
    },
    {
      id: 'credit-alert',
      title: 'home.s2.title',
      text: 'home.s2.text',
      steps: ['home.s2.step1', 'home.s2.step2', 'home.s2.step3'],
      button: 'home.s2.button',
      go: () => void start((ctx) => startOrder(ctx, STORY_CUSTOMERS.nearLimit, 'new'), 'sales-rep').then((s) => s && app.setStory({ id: 'credit-alert', instanceId: s.instanceId })),
    },
    {
      id: 'complaint-sla',
      title: 'home.s3.title',
      text: 'home.s3.text',
      steps: ['home.s3.step1', 'home.s3.step2', 'home.s3.step3'],
      button: 'home.s3.button',
      go: () => {
        void criticalComplaint(app).then((instanceId) => instanceId && app.setStory({ id: 'complaint-sla', instanceId }));
        app.setRole('warehouse');
        navigate('inbox');
      },
    },
  ];
  return (
    <div className="page home">
      <PageHeader title={t('home.title')} subtitle={t('home.intro')} />
      {error && (
        <div className="banner refusal" role="alert">
          {error}
        </div>
      )}
      {seededIn && seededIn !== locale && <div className="banner info">{t('home.dataLanguage')}</div>}
      <div className="stories">
        {stories.map((s, i) => (
          <article key={s.id} className="story" data-testid={`story-${s.id}`}>
            <div className="story-num">{i + 1}</div>
            <h2>{t(s.title)}</h2>
            <p>{t(s.text)}</p>
            <ol>
              {s.steps.map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ol>
            <button type="button" className="primary" disabled={busy} onClick={s.go}>
              {t(s.button)}
            </button>
          </article>
        ))}
      </div>
      <section className="more">
        <h2>{t('home.more.title')}</h2>
        <ul>
          <li>
            <a href={href('start')}>{t('nav.start')}</a> — {t('home.more.start')}
          </li>
          <li>
            <a href={href('flows')}>{t('nav.flows')}</a> — {t('home.more.flows')}
          </li>
          <li>
            <a href={href('dashboard')}>{t('nav.dashboard')}</a> — {t('home.more.dashboard')}
          </li>
          <li>
            <a href={href('orders')}>{t('nav.orders')}</a> — {t('home.more.orders')}
          </li>
          <li>{t('home.more.roles')}</li>
        </ul>
      </section>
    </div>
  );
}
