/**
 * The demo shell: opens the runtime (seeding it the first time), keeps the
 * role, language and clock, and lays out the header, the navigation and
 * the page of the current route.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nProvider, translate, type Locale } from '../i18n';
import { actorOf, isDemoSeat, seatUser, type DemoSeat } from '../runtime/actors';
import { openRuntime, type DemoRuntime } from '../runtime/runtime';
import { AppContext, type AppState } from './context';
import { Header } from './Header';
import { Nav } from './Nav';
import { Routes } from './Routes';
import { StoryGuide, type ActiveStory } from './StoryGuide';

const stored = (key: string) => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for the session only
  }
};

function initialLocale(): Locale {
  const s = stored('crm-demo.locale');
  if (s === 'en' || s === 'zh') return s;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let boot: Promise<DemoRuntime> | undefined;

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [seat, setSeatState] = useState<DemoSeat>(() => {
    const s = stored('crm-demo.role');
    return isDemoSeat(s) ? s : 'sales-rep';
  });
  const user = seatUser(seat);
  const role = user.role;
  const [rt, setRt] = useState<DemoRuntime | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [revision, setRevision] = useState(0);
  const [now, setNow] = useState(0);
  const [story, setStoryState] = useState<ActiveStory | undefined>(() => {
    try {
      const s = JSON.parse(stored('crm-demo.story') ?? 'null') as ActiveStory | null;
      return s && typeof s.instanceId === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  });
  const setStory = useCallback((s: ActiveStory | undefined) => {
    store('crm-demo.story', JSON.stringify(s ?? null));
    setStoryState(s);
  }, []);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    let live = true;
    // One opening per page load, even when React runs this effect twice (StrictMode).
    boot ??= openRuntime(locale);
    boot.then(
      (r) => {
        if (!live) return;
        // For tests and curious developers: the runtime from the browser console.
        (window as unknown as { __demo?: DemoRuntime }).__demo = r;
        setRt(r);
        setNow(r.clock.now());
      },
      (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // Opened once; reset opens a new one.
  }, []);

  useEffect(() => {
    if (!rt) return;
    const a = rt.engine.subscribe(refresh);
    const b = rt.sync.onApplied(refresh);
    return () => {
      a();
      b();
    };
  }, [rt, refresh]);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const state = useMemo<AppState | undefined>(() => {
    if (!rt) return undefined;
    return {
      rt,
      role,
      seat,
      user,
      actor: actorOf(user),
      setRole: (r) => {
        store('crm-demo.role', r);
        setSeatState(r);
      },
      now,
      advance: async (ms) => {
        await rt.setTime(rt.clock.now() + ms);
        setNow(rt.clock.now());
        refresh();
      },
      story,
      setStory,
      reset: async () => {
        setStory(undefined);
        rt.close();
        setRt(undefined);
        const fresh = await openRuntime(locale, { fresh: true });
        setRt(fresh);
        setNow(fresh.clock.now());
        refresh();
      },
      revision,
      refresh,
    };
  }, [rt, seat, now, revision, refresh, locale, story, setStory]);

  const setLocale = (l: Locale) => {
    store('crm-demo.locale', l);
    setLocaleState(l);
  };

  return (
    <I18nProvider locale={locale}>
      {failure ? (
        <div className="boot error">{translate(locale, 'app.failed', { message: failure })}</div>
      ) : !state ? (
        <div className="boot">{translate(locale, 'app.preparing')}</div>
      ) : (
        <AppContext.Provider value={state}>
          <div className="shell">
            <Header locale={locale} setLocale={setLocale} />
            <Nav />
            <main className={story ? 'main with-guide' : 'main'}>
              <Routes />
            </main>
            {story && <StoryGuide story={story} onClose={() => setStory(undefined)} />}
          </div>
        </AppContext.Provider>
      )}
    </I18nProvider>
  );
}
