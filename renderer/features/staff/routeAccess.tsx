import { useEffect, useState } from 'react';
import type { StaffRole } from '../../../shared/contract/till';
import { call } from '../../api';
import { useT, type StringKey } from '../../i18n';
import { useSession } from './session';

/**
 * Who may open each screen (SPEC §5): a cashier sells, receives intakes and
 * looks up stock; everything else is a manager's. The core enforces the same
 * per method; this only keeps a cashier's menu to what they can use.
 */
export const SCREEN_ROLE = {
  sell: 'staff',
  catalogue: 'manager',
  intake: 'staff',
  stock: 'staff',
  settle: 'manager',
  trust: 'manager',
  reports: 'manager',
  staff: 'manager',
  settings: 'manager',
} as const satisfies Record<string, 'staff' | 'manager'>;

export type ScreenName = keyof typeof SCREEN_ROLE;

export function mayOpen(screen: ScreenName, role: StaffRole): boolean {
  return SCREEN_ROLE[screen] === 'staff' || role === 'manager';
}

/** A manager's screen reached anyway (a typed address, an old bookmark): says who may open it. */
export function NotAllowed({ screen }: { screen: ScreenName }) {
  const t = useT();
  const { staff } = useSession();
  const [managers, setManagers] = useState<string[] | null>(null);
  useEffect(() => {
    call('staff.list', {})
      .then((list) => setManagers(list.filter((s) => s.role === 'manager' && s.active).map((s) => s.name)))
      .catch(() => setManagers([]));
  }, []);
  const screenName = t(`nav.${screen}` as StringKey);
  return (
    <section className="panel stack not-allowed" role="alert" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('access.denied.title')}</h1>
      <p>{t('access.denied.explain', { screen: screenName, name: staff.name })}</p>
      {managers && managers.length > 0 && <p>{t('access.denied.who', { names: managers.join(', ') })}</p>}
      <p>
        <a href="#/sell" className="button-link">
          {t('access.denied.back')}
        </a>
      </p>
    </section>
  );
}
