import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { PreviewScreen } from './PreviewScreen';
import { ListScreen } from './ListScreen';
import { OwedScreen } from './OwedScreen';
import { StatementScreen } from './StatementScreen';
import { AdjustScreen } from './AdjustScreen';
import { DetailScreen } from './DetailScreen';
import './settle.css';

const TABS = ['preview', 'list', 'owed', 'statement', 'adjust'] as const;
type Tab = (typeof TABS)[number];

function subRoute(): { tab: Tab; id: number | null } {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/');
  if (parts[1] === 's' && parts[2] && /^\d+$/.test(parts[2])) return { tab: 'list', id: Number(parts[2]) };
  const tab = parts[1] as Tab;
  return { tab: TABS.includes(tab) ? tab : 'preview', id: null };
}

/** The settle screens: week preview and finalise, settlements and payouts, owed, statements, deductions. */
export default function SettleScreen() {
  const t = useT();
  const [route, setRoute] = useState(subRoute);
  useEffect(() => {
    const onHash = () => setRoute(subRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div className="settle">
      <h1 className="no-print">{t('settle.title')}</h1>
      <nav className="settle-tabs no-print" aria-label={t('settle.tabs')}>
        {TABS.map((tab) => (
          <a key={tab} href={`#/settle/${tab}`} aria-current={route.tab === tab && route.id === null ? 'page' : undefined}>
            {t(`settle.tab.${tab}`)}
          </a>
        ))}
      </nav>
      {route.id !== null ? (
        <DetailScreen key={route.id} id={route.id} />
      ) : route.tab === 'preview' ? (
        <PreviewScreen />
      ) : route.tab === 'list' ? (
        <ListScreen />
      ) : route.tab === 'owed' ? (
        <OwedScreen />
      ) : route.tab === 'statement' ? (
        <StatementScreen />
      ) : (
        <AdjustScreen />
      )}
    </div>
  );
}
