import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { StoreStatus } from '../shared/contract/system';
import type { Lang } from '../shared/i18nText';
import { call } from './api';
import { I18nProvider, useI18n, type StringKey } from './i18n';
import { RefusedScreen, SetupScreen } from './features/setup';
import { HealthBanner } from './components/HealthBanner';
import { SessionBadge, SessionGate } from './features/staff/SessionGate';
import SellScreen from './features/sell';
import CatalogueScreen from './features/catalogue';
import IntakeScreen from './features/intake';
import StockScreen from './features/stock';
import SettleScreen from './features/settle';
import TrustScreen from './features/trust';
import ReportsScreen from './features/reports';
import StaffScreen from './features/staff';
import { StoreRestartedNotice } from './components/JobProgressBar';
import SettingsScreen from './features/settings';
import { LanguageSwitch } from './components/LanguageSwitch';
import { focusScreenHeading, focusWorkArea } from './components/focus';
import { useSession } from './features/staff/session';
import { NotAllowed, mayOpen } from './features/staff/routeAccess';

export const ROUTES = ['sell', 'catalogue', 'intake', 'stock', 'settle', 'trust', 'reports', 'staff', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

const SCREENS: Record<Route, ComponentType> = {
  sell: SellScreen,
  catalogue: CatalogueScreen,
  intake: IntakeScreen,
  stock: StockScreen,
  settle: SettleScreen,
  trust: TrustScreen,
  reports: ReportsScreen,
  staff: StaffScreen,
  settings: SettingsScreen,
};

function routeFromHash(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] as Route;
  return ROUTES.includes(name) ? name : 'sell';
}

/** Navigate from anywhere: `navigate('settle')`. */
export function navigate(route: Route, sub = ''): void {
  window.location.hash = `#/${route}${sub ? `/${sub}` : ''}`;
}

function Shell() {
  const { t } = useI18n();
  const [route, setRoute] = useState<Route>(routeFromHash);
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // After choosing a screen the keyboard is on its heading, not left behind on the menu.
  const mainRef = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route || !mainRef.current) return;
    shownRoute.current = route;
    return focusScreenHeading(mainRef.current);
  }, [route]);
  const { staff } = useSession();
  const Screen = SCREENS[route];
  const allowed = mayOpen(route, staff.role);
  return (
    <div className="shell">
      <button type="button" className="skip-link no-print" onClick={focusWorkArea}>
        {t('a11y.skipToContent')}
      </button>
      <header className="topbar no-print">
        <span className="brand">
          <img src="./icon.svg" alt="" width="26" height="26" />
          <span className="brand-name">UKM Mart</span>
        </span>
        <nav aria-label={t('nav.main')}>
          {ROUTES.filter((r) => mayOpen(r, staff.role)).map((r) => (
            <a key={r} href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>
              {t(`nav.${r}` as StringKey)}
            </a>
          ))}
        </nav>
        <LanguageSwitch />
        <SessionBadge />
      </header>
      <StoreRestartedNotice />
      <main className="screen" id={`screen-${route}`} ref={mainRef}>
        {allowed ? <Screen key={route} /> : <NotAllowed screen={route} />}
      </main>
    </div>
  );
}

export function App() {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [lang, setLangState] = useState<Lang>('id');
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await call('system.status', {});
      setStatus(s);
      if (s.state === 'ready') {
        const settings = await call('settings.get', {});
        setLangState(settings.language);
      }
    } catch (err) {
      setLoadError((err as Error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    void call('settings.update', { language: next }).catch(() => undefined);
  }, []);

  let body;
  if (loadError) body = <main role="alert" className="refused">{loadError}</main>;
  else if (!status) body = <p className="loading">…</p>;
  else if (status.state === 'refused') body = <RefusedScreen status={status} />;
  else if (status.needsSetup) body = <SetupScreen status={status} onDone={refresh} />;
  else
    body = (
      <SessionGate>
        <Shell />
      </SessionGate>
    );
  return (
    <I18nProvider lang={lang} setLang={setLang}>
      {status && <HealthBanner />}
      {body}
    </I18nProvider>
  );
}
