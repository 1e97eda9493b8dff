/**
 * The top bar: who I am (role switcher), language, the demo clock with its
 * forward buttons, and reset.
 */
import { useState } from 'react';
import { useI18n, type Locale } from '../i18n';
import { DEMO_SEATS, isDemoSeat, seatUser } from '../runtime/actors';
import { HOUR, DAY } from '../runtime/clock';
import { roleName } from '../windows/catalog-lookup';
import { useApp } from './context';
import { href } from './router';

export function Header({ locale, setLocale }: { locale: Locale; setLocale: (l: Locale) => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  const clock = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(app.now);
  return (
    <header className="topbar">
      <a className="brand" href={href('home')}>
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        {t('app.title')}
      </a>
      <label className="role-switch">
        <span>{t('header.role')}</span>
        <select aria-label={t('header.role')} value={app.seat} onChange={(e) => isDemoSeat(e.target.value) && app.setRole(e.target.value)}>
          {DEMO_SEATS.map((s) => (
            <option key={s} value={s}>
              {roleName(seatUser(s).role, locale)} · {seatUser(s).name[locale]}
            </option>
          ))}
        </select>
      </label>
      <div className="lang" role="group" aria-label={t('header.language')}>
        <button type="button" className={locale === 'zh' ? 'on' : ''} aria-pressed={locale === 'zh'} onClick={() => setLocale('zh')}>
          中文
        </button>
        <button type="button" className={locale === 'en' ? 'on' : ''} aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
          EN
        </button>
      </div>
      <div className="clock" aria-live="polite">
        <span className="clock-label">{t('header.clock')}</span>
        <time data-testid="demo-clock" dateTime={new Date(app.now).toISOString()}>
          {clock}
        </time>
        <button type="button" className="small" disabled={busy} onClick={() => void act(() => app.advance(HOUR))} title={t('header.advanceHint')}>
          {t('header.plusHour')}
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => void act(() => app.advance(DAY))} title={t('header.advanceHint')}>
          {t('header.plusDay')}
        </button>
      </div>
      <button
        type="button"
        className="reset small"
        disabled={busy}
        onClick={() => {
          if (window.confirm(t('header.resetConfirm'))) void act(app.reset);
        }}
      >
        {t('header.reset')}
      </button>
    </header>
  );
}
